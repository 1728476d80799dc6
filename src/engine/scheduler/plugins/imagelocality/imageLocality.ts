import type { Pod } from '../../../api/types';
import type { Handle, ScorePlugin } from '../../framework/interface';
import { MAX_NODE_SCORE } from '../../framework/interface';
import type { ImageStateSummary, NodeInfo, NodeInfoLister } from '../../framework/nodeInfo';
import { ImageLocality } from '../names';

// imagelocality (v1.31): nodes that already hold a pod's images score higher, by the images'
// sizes scaled by how many nodes hold them (spreading images avoids "node heating"), mapped onto
// 0–100 between 23 MB and 1000 MB per container. There is no NormalizeScore.
//   [IMG-LOC1] an image counts Size × (nodes holding it / all nodes), truncated.
//   [IMG-LOC2] the sum is clamped to [23 MB, 1000 MB × containers] and scaled to [0, 100].
//   [IMG-LOC3] names are matched as written plus ":latest" when untagged (normalizedImageName),
//              not through containerd's normalizer: "nginx" looks for "nginx:latest", which a
//              containerd node reports as "docker.io/library/nginx:latest", so short names miss,
//              exactly as upstream's TODO admits.

const MB = 1024 * 1024;
/** minThreshold: images smaller than this earn nothing. */
export const MIN_THRESHOLD = 23 * MB;
/** maxContainerThreshold: the size at which one container's images earn the full score. */
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** Appends ":latest" to a name without a tag, as the plugin's normalizedImageName does. [IMG-LOC3] */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** Returns an image's size scaled by its spread over the cluster. [IMG-LOC1] */
export function scaledImageScore(state: ImageStateSummary, totalNumNodes: number): number {
  return Math.trunc(state.size * (state.numNodes / totalNumNodes));
}

function podImageNames(pod: Pod): string[] {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return containers.map((c) => normalizedImageName(c.image ?? ''));
}

/** Sums the scaled scores of the images present on the node. */
export function sumImageScores(
  node: NodeInfo,
  imageNames: readonly string[],
  totalNumNodes: number,
): number {
  let sum = 0;
  for (let i = 0; i < imageNames.length; i++) {
    const state = node.imageStates.get(imageNames[i] as string);
    if (state) sum += scaledImageScore(state, totalNumNodes);
  }
  return sum;
}

/** Maps a sum onto [0, 100] between the thresholds. [IMG-LOC2] */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

// The sum of a node holding all the pod's images that any node holds: no node's sum is larger,
// since each image adds the same term everywhere. Infinity when the lister cannot tell.
function maxSum(imageNames: readonly string[], nodes: NodeInfoLister, total: number): number {
  if (!nodes.imageState) return Infinity;
  let sum = 0;
  for (const name of imageNames) {
    const state = nodes.imageState(name);
    if (state) sum += scaledImageScore(state, total);
  }
  return sum;
}

/** Builds the ImageLocality plugin. */
export function newImageLocality(_args: unknown, handle: Handle): ScorePlugin {
  return {
    name: ImageLocality,
    score(_state, pod, nodes, scores) {
      const imageNames = podImageNames(pod.pod);
      const totalNumNodes = handle.nodes.list().length;
      // Even a node holding every image would stay under MIN_THRESHOLD: all score 0. [IMG-LOC2]
      if (imageNames.length > 0 && maxSum(imageNames, handle.nodes, totalNumNodes) <= MIN_THRESHOLD)
        return;
      for (let i = 0; i < nodes.length; i++) {
        const sum = sumImageScores(nodes[i] as NodeInfo, imageNames, totalNumNodes);
        scores[i] = calculatePriority(sum, imageNames.length);
      }
    },
  };
}
