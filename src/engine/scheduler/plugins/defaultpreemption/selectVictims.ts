import type { CycleState } from '../../framework/cycleState';
import type { Handle } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status } from '../../framework/status';
import { moreImportantPod } from './importance';

// SelectVictimsOnNode (default_preemption.go, v1.31): the fewest lower-priority pods whose removal
// lets the preemptor fit on one node.
//   [VIC1] a node with no lower-priority pod has no victims: "No preemption victims found for
//          incoming pod" (UnschedulableAndUnresolvable).
//   [VIC2] every lower-priority pod is removed; if the preemptor still does not fit, the node
//          fails with the filter's own status.
//   [VIC3] the removed pods are then put back one by one, most important first (priority, then
//          age); each one that makes the preemptor not fit again stays a victim.
//   [VIC4] victims come out most important first. Without PodDisruptionBudgets no victim
//          violates one.

/** Why a node without lower-priority pods is no candidate. */
export const REASON_NO_VICTIMS = 'No preemption victims found for incoming pod';

/** The victims on one node, or why the node is no candidate. */
export interface NodeVictims {
  victims: PodInfo[];
  status: Status;
}

/** Finds the minimum set of victims on a node. [VIC1][VIC2][VIC3][VIC4] */
export function selectVictimsOnNode(
  handle: Handle,
  state: CycleState,
  pod: PodInfo,
  node: NodeInfo,
  now: number,
): NodeVictims {
  if (!node.hasPodBelowPriority(pod.priority))
    return { victims: [], status: new Status('UnschedulableAndUnresolvable', [REASON_NO_VICTIMS]) };
  const lower = (p: PodInfo): boolean => p.priority < pod.priority;
  const potential = [...node.pods.values()].filter(lower);
  const trimmed = node.without(lower);
  const fits = handle.runFilterPluginsWithNominatedPods(state, pod, trimmed);
  if (!fits.isSuccess()) return { victims: [], status: fits };
  potential.sort((a, b) =>
    moreImportantPod(a, b, now) ? -1 : moreImportantPod(b, a, now) ? 1 : 0,
  );
  const victims: PodInfo[] = [];
  for (const p of potential) {
    trimmed.addPod(p);
    if (handle.runFilterPluginsWithNominatedPods(state, pod, trimmed).isSuccess()) continue;
    trimmed.removePod(p.key);
    victims.push(p);
  }
  return { victims, status: SUCCESS };
}
