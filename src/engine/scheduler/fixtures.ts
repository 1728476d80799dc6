import type {
  Namespace,
  Node,
  OwnerReference,
  Pod,
  ReplicaSet,
  Taint,
  Toleration,
} from '../api/types';
import type { ContainerPort } from './framework/hostPorts';
import { CycleState } from './framework/cycleState';
import type {
  FilterPlugin,
  Handle,
  Lister,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
} from './framework/interface';
import { NodeInfo } from './framework/nodeInfo';
import type { PodInfo } from './framework/podInfo';
import { newPodInfo } from './framework/podInfo';

// Builders for the scheduler's table tests (st.MakePod / st.MakeNode in upstream's testing
// package): small objects with only the fields a case needs.

/** What a test pod may set. */
export interface PodOptions {
  name?: string;
  cpu?: string;
  memory?: string;
  priority?: number;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  affinity?: NonNullable<Pod['spec']>['affinity'];
  nodeName?: string;
  preemptionPolicy?: string;
  namespace?: string;
  labels?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  topologySpreadConstraints?: NonNullable<Pod['spec']>['topologySpreadConstraints'];
  /** One container per image (default one nginx container). */
  images?: string[];
  /** Ports of the first container. */
  ports?: ContainerPort[];
  deleting?: boolean;
}

/** Builds a pending pod's PodInfo. */
export function makePod(o: PodOptions = {}): PodInfo {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  const name = o.name ?? 'p';
  const namespace = o.namespace ?? 'default';
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `uid-${name}`,
      labels: o.labels,
      ownerReferences: o.ownerReferences,
      deletionTimestamp: o.deleting ? '2025-01-01T00:00:00Z' : undefined,
    },
    spec: {
      containers: (o.images ?? ['nginx']).map((image, i) => ({
        name: i === 0 ? 'app' : `app${i}`,
        image,
        resources: i === 0 ? { requests } : {},
        ports: i === 0 ? o.ports : undefined,
      })),
      priority: o.priority,
      tolerations: o.tolerations,
      nodeSelector: o.nodeSelector,
      affinity: o.affinity,
      nodeName: o.nodeName,
      preemptionPolicy: o.preemptionPolicy,
      topologySpreadConstraints: o.topologySpreadConstraints,
    },
  };
  return newPodInfo(pod);
}

/** What a test node may set. */
export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: NonNullable<Node['status']>['images'];
}

/** Builds a Node object. */
export function makeNode(name: string, o: NodeOptions = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: o.labels },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: {
      allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110' },
      images: o.images,
    },
  };
}

/** Builds a NodeInfo holding the given pods. */
export function makeNodeInfo(name: string, o: NodeOptions = {}, pods: PodInfo[] = []): NodeInfo {
  const ni = new NodeInfo(name);
  ni.setNode(makeNode(name, o));
  for (const p of pods) ni.addPod(p);
  return ni;
}

function lister<T extends { metadata?: { name?: string; namespace?: string } }>(
  objects: readonly T[],
): Lister<T> {
  const key = (o: T): string =>
    o.metadata?.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : (o.metadata?.name ?? '');
  return { get: (k) => objects.find((o) => key(o) === k), items: () => objects };
}

/** Builds a framework handle over fixed nodes, namespaces and ReplicaSets; it cannot filter. */
export function makeHandle(
  nodes: readonly NodeInfo[],
  objects: { namespaces?: Namespace[]; replicaSets?: ReplicaSet[] } = {},
): Handle {
  const cannotFilter = (): never => {
    throw new Error('filtering is not part of this fixture');
  };
  const handle = {
    nodes: { list: () => nodes, get: (n: string) => nodes.find((x) => x.name === n) },
    listers: {
      namespaces: lister(objects.namespaces ?? []),
      replicaSets: lister(objects.replicaSets ?? []),
    },
    runFilterPlugins: cannotFilter,
    runFilterPluginsWithNominatedPods: cannotFilter,
    runPreFilterExtensionAddPod: cannotFilter,
    runPreFilterExtensionRemovePod: cannotFilter,
  };
  return handle;
}

function verdictsOn(
  plugin: FilterPlugin,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
): Record<string, string> {
  return Object.fromEntries(
    nodes.map((n) => {
      const s = plugin.filter(state, pod, n);
      return [n.name, s.isSuccess() ? 'ok' : `${s.code}: ${s.reasons.join()}`];
    }),
  );
}

/** Runs PreFilter, then Filter on each node: "Skip", or node → "ok" or "<code>: <reasons>". */
export function filterVerdicts(
  plugin: PreFilterPlugin & FilterPlugin,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
): Record<string, string> | 'Skip' {
  const state = new CycleState();
  if (plugin.preFilter(state, pod).status.isSkip()) return 'Skip';
  return verdictsOn(plugin, state, pod, nodes);
}

/** A pod a what-if evaluation adds to or removes from a node (a PreFilter extension call). */
export interface PodMove {
  op: 'addPod' | 'removePod';
  pod: PodInfo;
  node: NodeInfo;
}

/**
 * Runs PreFilter, then the moves through the plugin's PreFilter extensions on a clone of the
 * state, then Filter on each node: the verdicts after the moves, and on the original state,
 * which the moves must leave alone.
 */
export function filterVerdictsAfter(
  plugin: PreFilterPlugin & FilterPlugin,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  moves: readonly PodMove[],
): { after: Record<string, string>; before: Record<string, string> } {
  const state = new CycleState();
  const ext = plugin.preFilterExtensions;
  if (!ext || plugin.preFilter(state, pod).status.isSkip()) throw new Error('no state to edit');
  const copy = state.clone();
  for (const m of moves) {
    const s = ext[m.op](copy, pod, m.pod, m.node);
    if (!s.isSuccess()) throw new Error(s.message());
  }
  return {
    after: verdictsOn(plugin, copy, pod, nodes),
    before: verdictsOn(plugin, state, pod, nodes),
  };
}

/** Returns one node's raw Score. */
export function rawScore(
  plugin: ScorePlugin,
  state: CycleState,
  pod: PodInfo,
  node: NodeInfo,
): number {
  const scores = new Float64Array(1);
  plugin.score(state, pod, [node], scores);
  return scores[0] as number;
}

/** Runs PreScore, Score on each node and NormalizeScore: "Skip", or node → final score. */
export function normalizedScores(
  plugin: PreScorePlugin & ScorePlugin,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
): Record<string, number> | 'Skip' {
  const state = new CycleState();
  if (plugin.preScore(state, pod, nodes).isSkip()) return 'Skip';
  const scores = new Float64Array(nodes.length);
  plugin.score(state, pod, nodes, scores);
  plugin.normalizeScore?.(state, pod, nodes, scores);
  return Object.fromEntries(nodes.map((n, i) => [n.name, scores[i] as number]));
}
