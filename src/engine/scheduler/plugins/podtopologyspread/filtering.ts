import type { Pod } from '../../../api/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status } from '../../framework/status';
import { requiredNodeAffinity } from '../nodeaffinity/nodeSelector';
import type { PodCounts } from '../helper/preFilterCounts';
import { selectorMatches } from '../helper/selector';
import type { SpreadConstraint } from './constraints';
import {
  countPodsMatchSelector,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
} from './constraints';

// podtopologyspread/filtering.go (v1.31): PreFilter counts, per DoNotSchedule constraint, the
// matching pods in every topology domain of the eligible nodes; Filter admits a node when
//   matching pods in its domain + (1 if the pod matches itself) − global minimum ≤ maxSkew.
//   [PTS5] eligible nodes carry every constraint's topology key and pass its inclusion policies;
//          a domain with no matching pod still counts as a domain (0).
//   [PTS6] the global minimum is 0 while there are fewer domains than minDomains.
//   [PTS7] a node without a constraint's topology key is UnschedulableAndUnresolvable
//          ("(missing required label)"); a skew too large is Unschedulable.
//   [PTS11] AddPod/RemovePod (preemption's victims, nominated pods) move a pod of the preemptor's
//          namespace that a constraint selects in or out of its node's domain, on nodes that
//          count for that constraint; the counts stay per cycle-state clone.

/** Filter reason for a node whose domain would exceed maxSkew. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH =
  "node(s) didn't match pod topology spread constraints";
/** Filter reason for a node missing a constraint's topology key. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const MAX_INT32 = 2 ** 31 - 1;

interface CriticalPath {
  topologyValue: string;
  matchNum: number;
}

/**
 * The two domains with the fewest matching pods (criticalPaths): paths[0] always holds the
 * minimum, paths[1] is at least as large but not necessarily the second smallest.
 */
export class CriticalPaths {
  readonly paths: [CriticalPath, CriticalPath] = [
    { topologyValue: '', matchNum: MAX_INT32 },
    { topologyValue: '', matchNum: MAX_INT32 },
  ];

  /** Returns a copy whose updates leave this one alone. */
  clone(): CriticalPaths {
    const copy = new CriticalPaths();
    copy.paths[0] = { ...this.paths[0] };
    copy.paths[1] = { ...this.paths[1] };
    return copy;
  }

  /** Records a domain's count, as criticalPaths.update does. */
  update(topologyValue: string, num: number): void {
    const [p0, p1] = this.paths;
    const existing = [p0, p1].find((p) => p.topologyValue === topologyValue);
    if (existing) {
      existing.matchNum = num;
      if (this.paths[0].matchNum > this.paths[1].matchNum) this.paths.reverse();
    } else if (num < p0.matchNum) {
      this.paths[1] = p0;
      this.paths[0] = { topologyValue, matchNum: num };
    } else if (num < p1.matchNum) {
      this.paths[1] = { topologyValue, matchNum: num };
    }
  }
}

/** What PreFilter computes for Filter (preFilterState). */
export class PreFilterState implements PodCounts {
  constructor(
    readonly constraints: readonly SpreadConstraint[],
    readonly criticalPaths: CriticalPaths[],
    /** Per constraint: topology value → matching pods. */
    readonly tpValueToMatchNum: Map<string, number>[],
  ) {}

  /** Copies the counts; the constraints never change and are shared (preFilterState.Clone). */
  clone(): PreFilterState {
    return new PreFilterState(
      this.constraints,
      this.criticalPaths.map((p) => p.clone()),
      this.tpValueToMatchNum.map((m) => new Map(m)),
    );
  }

  /**
   * Adds delta to the domain of each constraint that selects the pod (updateWithPod). [PTS11]
   * Unlike PreFilter's count, a terminating pod is not skipped: upstream does not check here.
   */
  updateWithPod(updated: Pod, preemptor: PodInfo, ni: NodeInfo, delta: number): void {
    const ns = preemptor.pod.metadata?.namespace ?? '';
    const node = ni.node;
    if (!node || (updated.metadata?.namespace ?? '') !== ns) return;
    if (!nodeLabelsMatchSpreadConstraints(ni, this.constraints)) return;
    const required = requiredNodeAffinity(preemptor.pod);
    this.constraints.forEach((c, i) => {
      if (!selectorMatches(c.selector, updated.metadata?.labels)) return;
      if (!matchNodeInclusionPolicies(c, preemptor, node, required)) return;
      const value = ni.labelValueOf(c.topologyKeyId) ?? '';
      const counts = this.tpValueToMatchNum[i] as Map<string, number>;
      const n = (counts.get(value) ?? 0) + delta;
      counts.set(value, n);
      (this.criticalPaths[i] as CriticalPaths).update(value, n);
    });
  }
}

/** Counts matching pods per domain of every constraint over all nodes. [PTS5] */
export function calPreFilterState(
  pod: PodInfo,
  constraints: readonly SpreadConstraint[],
  allNodes: readonly NodeInfo[],
): PreFilterState {
  const tpValueToMatchNum = constraints.map(() => new Map<string, number>());
  const required = requiredNodeAffinity(pod.pod);
  const ns = pod.pod.metadata?.namespace ?? '';
  for (const ni of allNodes) {
    const node = ni.node;
    if (!node || !nodeLabelsMatchSpreadConstraints(ni, constraints)) continue;
    // This visits every node: an index loop, no closure per node.
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i] as SpreadConstraint;
      if (!matchNodeInclusionPolicies(c, pod, node, required)) continue;
      const value = ni.labelValueOf(c.topologyKeyId) ?? '';
      const counts = tpValueToMatchNum[i] as Map<string, number>;
      counts.set(value, (counts.get(value) ?? 0) + countPodsMatchSelector(ni, c, ns));
    }
  }
  const criticalPaths = tpValueToMatchNum.map((counts) => {
    const paths = new CriticalPaths();
    for (const [value, num] of counts) paths.update(value, num);
    return paths;
  });
  return new PreFilterState(constraints, criticalPaths, tpValueToMatchNum);
}

/** Returns the global minimum for a constraint, 0 below minDomains domains. [PTS6] */
export function minMatchNum(s: PreFilterState, i: number, minDomains: number): number {
  const domains = (s.tpValueToMatchNum[i] as Map<string, number>).size;
  if (domains < minDomains) return 0;
  return (s.criticalPaths[i] as CriticalPaths).paths[0].matchNum;
}

/** Admits a node when no constraint's skew would exceed maxSkew. [PTS7] */
export function filterSpread(s: PreFilterState, pod: PodInfo, node: NodeInfo): Status {
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i] as SpreadConstraint;
    const tpVal = node.labelValueOf(c.topologyKeyId);
    if (tpVal === undefined)
      return new Status('UnschedulableAndUnresolvable', [ERR_REASON_NODE_LABEL_NOT_MATCH]);
    const selfMatchNum = selectorMatches(c.selector, pod.pod.metadata?.labels) ? 1 : 0;
    const matchNum = (s.tpValueToMatchNum[i] as Map<string, number>).get(tpVal) ?? 0;
    const skew = matchNum + selfMatchNum - minMatchNum(s, i, c.minDomains);
    if (skew > c.maxSkew) return new Status('Unschedulable', [ERR_REASON_CONSTRAINTS_NOT_MATCH]);
  }
  return SUCCESS;
}
