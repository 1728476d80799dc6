import { MAX_NODE_SCORE } from '../../framework/interface';
import type { NodeInfo, NodeInfoLister } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { requiredNodeAffinity } from '../nodeaffinity/nodeSelector';
import type { SpreadConstraint } from './constraints';
import {
  countPodsMatchSelector,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
} from './constraints';

// podtopologyspread/scoring.go (v1.31): ScheduleAnyway constraints (the pod's own, or the
// defaults) rank nodes by how many matching pods their domains already hold, fewer is better.
//   [PTS8] a node scores Σ count × log(domains + 2) + (maxSkew − 1) over the constraints whose
//          key it has, rounded; hostname counts are taken per node at Score, the other domains'
//          counts over all nodes at PreScore.
//   [PTS9] with the pod's own constraints (or non-system defaults) a feasible node missing a
//          key is ignored: it scores 0 after normalizing. System defaults only need hostname.
//   [PTS10] NormalizeScore: 100 × (max + min − score) / max, integer division; all 100 if max is 0.

/** What PreScore computes for Score (preScoreState). */
export interface PreScoreState {
  constraints: readonly SpreadConstraint[];
  /** Feasible nodes missing a required topology key. */
  ignoredNodes: Set<string>;
  /**
   * Per constraint: topology value → matching pods, for the values Score reads (those of
   * feasible nodes that have the key; hostname is counted per node at Score instead).
   */
  topologyValueToPodCounts: Map<string, number>[];
  topologyNormalizingWeight: number[];
}

/** topologyNormalizingWeight: log(size + 2), so small topologies are not watered down. */
export const topologyNormalizingWeight = (size: number): number => Math.log(size + 2);

/** Builds the PreScore state over the feasible and all nodes. [PTS8][PTS9] */
export function calPreScoreState(
  pod: PodInfo,
  constraints: readonly SpreadConstraint[],
  filteredNodes: readonly NodeInfo[],
  allNodes: NodeInfoLister,
  requireAllTopologies: boolean,
): PreScoreState {
  const s: PreScoreState = {
    constraints,
    ignoredNodes: new Set(),
    topologyValueToPodCounts: constraints.map(() => new Map()),
    topologyNormalizingWeight: [],
  };
  if (requireAllTopologies)
    for (const ni of filteredNodes)
      if (!nodeLabelsMatchSpreadConstraints(ni, constraints)) s.ignoredNodes.add(ni.name);
  // Upstream sizes a topology by the values of feasible nodes, a missing key counting as "".
  const counted = filteredNodes.length - s.ignoredNodes.size;
  s.topologyNormalizingWeight = constraints.map((c, i) => {
    if (c.byHostname) return topologyNormalizingWeight(counted);
    // No node carries the key: every counted node is in the one domain "". [CACHE6]
    if (allNodes.nodesWithLabel?.(c.topologyKey) === 0)
      return topologyNormalizingWeight(counted > 0 ? 1 : 0);
    return topologyNormalizingWeight(topologyValues(s, c.topologyKeyId, filteredNodes, i).size);
  });
  if (s.topologyValueToPodCounts.some((counts) => counts.size > 0))
    countDomains(s, pod, allNodes.list(), requireAllTopologies);
  return s;
}

// Collects a key's values over the feasible nodes not ignored, and readies a count for each
// value Score will read (nodes without the key need none). Neighbouring nodes often share a value
// (a zone, or none at all): it is added once per stretch.
function topologyValues(
  s: PreScoreState,
  keyId: number,
  filteredNodes: readonly NodeInfo[],
  i: number,
): Set<string> {
  const values = new Set<string>();
  const counts = s.topologyValueToPodCounts[i] as Map<string, number>;
  const checkIgnored = s.ignoredNodes.size > 0;
  let last: string | undefined | null = null;
  for (let n = 0; n < filteredNodes.length; n++) {
    const ni = filteredNodes[n] as NodeInfo;
    if (checkIgnored && s.ignoredNodes.has(ni.name)) continue;
    const value = ni.labelValueOf(keyId);
    if (value === last) continue;
    last = value;
    values.add(value ?? '');
    if (value !== undefined) counts.set(value, 0);
  }
  return values;
}

// processAllNode: adds every node's matching pods to the domains Score will read.
function countDomains(
  s: PreScoreState,
  pod: PodInfo,
  allNodes: readonly NodeInfo[],
  requireAllTopologies: boolean,
): void {
  const required = requiredNodeAffinity(pod.pod);
  const ns = pod.pod.metadata?.namespace ?? '';
  // Only constraints with domains to fill (not hostname) need a look at each of the nodes.
  const toCount: number[] = [];
  s.topologyValueToPodCounts.forEach((counts, i) => counts.size > 0 && toCount.push(i));
  for (const ni of allNodes) {
    const node = ni.node;
    if (!node) continue;
    if (requireAllTopologies && !nodeLabelsMatchSpreadConstraints(ni, s.constraints)) continue;
    for (let k = 0; k < toCount.length; k++) {
      const i = toCount[k] as number;
      const c = s.constraints[i] as SpreadConstraint;
      const counts = s.topologyValueToPodCounts[i] as Map<string, number>;
      const value = ni.labelValueOf(c.topologyKeyId) ?? '';
      const count = counts.get(value);
      if (count === undefined || !matchNodeInclusionPolicies(c, pod, node, required)) continue;
      counts.set(value, count + countPodsMatchSelector(ni, c, ns));
    }
  }
}

/**
 * Scores each node by the matching pods in its domains. [PTS8] Constraint by constraint, each
 * node's terms are added in the same order as node by node; a constraint whose key no feasible
 * node has adds nothing and is passed over.
 */
export function scoreSpread(
  s: PreScoreState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  scores: Float64Array,
): void {
  const ns = pod.pod.metadata?.namespace ?? '';
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i] as SpreadConstraint;
    const counts = s.topologyValueToPodCounts[i] as Map<string, number>;
    if (!c.byHostname && counts.size === 0) continue;
    const weight = s.topologyNormalizingWeight[i] as number;
    const skew = c.maxSkew - 1;
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n] as NodeInfo;
      const tpVal = node.labelValueOf(c.topologyKeyId);
      if (tpVal === undefined) continue;
      const cnt = c.byHostname
        ? countPodsMatchSelector(node, c, ns)
        : (counts.get(tpVal) as number);
      scores[n] = (scores[n] as number) + (cnt * weight + skew);
    }
  }
  const checkIgnored = s.ignoredNodes.size > 0;
  for (let n = 0; n < nodes.length; n++)
    scores[n] =
      checkIgnored && s.ignoredNodes.has((nodes[n] as NodeInfo).name)
        ? 0
        : Math.round(scores[n] as number);
}

/** Reverses and scales the scores so the emptiest domains get 100. [PTS9][PTS10] */
export function normalizeSpreadScores(
  s: PreScoreState,
  nodes: readonly NodeInfo[],
  scores: Float64Array,
): void {
  const ignored = s.ignoredNodes;
  const checkIgnored = ignored.size > 0;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < scores.length; i++) {
    if (checkIgnored && ignored.has((nodes[i] as NodeInfo).name)) continue;
    min = Math.min(min, scores[i] as number);
    max = Math.max(max, scores[i] as number);
  }
  for (let i = 0; i < scores.length; i++) {
    if (checkIgnored && ignored.has((nodes[i] as NodeInfo).name)) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - (scores[i] as number))) / max);
  }
}
