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
//   [VIC2] every lower-priority pod is removed, from the node and (RemovePod) from the plugins'
//          PreFilter state, so spreading and pod (anti-)affinity counts drop them too; if the
//          preemptor still does not fit, the node fails with the filter's own status.
//   [VIC3] the removed pods are then put back one by one (AddPod), most important first
//          (priority, then age); each one that makes the preemptor not fit again is removed
//          again and stays a victim.
//   [VIC4] victims come out most important first. Without PodDisruptionBudgets no victim
//          violates one.

/** Why a node without lower-priority pods is no candidate. */
export const REASON_NO_VICTIMS = 'No preemption victims found for incoming pod';

/** The victims on one node, or why the node is no candidate. */
export interface NodeVictims {
  victims: PodInfo[];
  status: Status;
}

/**
 * Finds the minimum set of victims on a node. [VIC1][VIC2][VIC3][VIC4] The state is changed as
 * victims come and go: callers pass a clone, as DryRunPreemption does.
 */
export function selectVictimsOnNode(
  handle: Handle,
  state: CycleState,
  pod: PodInfo,
  node: NodeInfo,
  now: number,
): NodeVictims {
  if (!node.hasPodBelowPriority(pod.priority))
    return { victims: [], status: new Status('UnschedulableAndUnresolvable', [REASON_NO_VICTIMS]) };
  const potential = [...node.pods.values()].filter((p) => p.priority < pod.priority);
  const copy = node.snapshot();
  const removePod = (p: PodInfo): Status => {
    copy.removePod(p.key);
    return handle.runPreFilterExtensionRemovePod(state, pod, p, copy);
  };
  const addPod = (p: PodInfo): Status => {
    copy.addPod(p);
    return handle.runPreFilterExtensionAddPod(state, pod, p, copy);
  };
  for (const p of potential) {
    const removed = removePod(p);
    if (!removed.isSuccess()) return { victims: [], status: removed };
  }
  const fits = handle.runFilterPluginsWithNominatedPods(state, pod, copy);
  if (!fits.isSuccess()) return { victims: [], status: fits };
  potential.sort((a, b) =>
    moreImportantPod(a, b, now) ? -1 : moreImportantPod(b, a, now) ? 1 : 0,
  );
  const victims: PodInfo[] = [];
  for (const p of potential) {
    const added = addPod(p);
    if (!added.isSuccess()) return { victims: [], status: added };
    if (handle.runFilterPluginsWithNominatedPods(state, pod, copy).isSuccess()) continue;
    const removed = removePod(p);
    if (!removed.isSuccess()) return { victims: [], status: removed };
    victims.push(p);
  }
  return { victims, status: SUCCESS };
}
