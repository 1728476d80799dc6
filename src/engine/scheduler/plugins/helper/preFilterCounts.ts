import type { Pod } from '../../../api/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { CycleState, StateData } from '../../framework/cycleState';
import type { PreFilterExtensions } from '../../framework/interface';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status, asStatus } from '../../framework/status';

// What PodTopologySpread and InterPodAffinity share about their PreFilter state: both count other
// pods per topology domain at PreFilter, read the counts back in Filter (getPreFilterState), and
// keep them true to a what-if node through AddPod (+1) and RemovePod (−1).

/** PreFilter state that counts other pods, so it changes as pods join or leave a node. */
export interface PodCounts extends StateData {
  /** Adds delta (1 or −1) for a pod on a node to the counts kept for the pod being scheduled. */
  updateWithPod(pod: Pod, podToSchedule: PodInfo, node: NodeInfo, delta: number): void;
}

/** Returns what PreFilter wrote under key, or the Error upstream returns without it. */
export function readPreFilterState<T>(state: CycleState, key: string): T | Status {
  return state.read<T>(key) ?? asStatus(new Error(`reading "${key}" from cycleState: not found`));
}

/** Builds AddPod and RemovePod over the counts PreFilter wrote under key. */
export function podCountsExtensions(key: string): PreFilterExtensions {
  const updateWith =
    (delta: number): PreFilterExtensions['addPod'] =>
    (state, podToSchedule, pi, node) => {
      const s = readPreFilterState<PodCounts>(state, key);
      if (s instanceof Status) return s;
      if (node.node) s.updateWithPod(pi.pod, podToSchedule, node, delta);
      return SUCCESS;
    };
  return { addPod: updateWith(1), removePod: updateWith(-1) };
}
