import type { CycleState } from '../../framework/cycleState';
import { fitErrorMessage } from '../../framework/fitError';
import type { Handle, PostFilterOutcome, PostFilterPlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { NodeToStatus } from '../../framework/nodeToStatus';
import type { PodInfo } from '../../framework/podInfo';
import { Status } from '../../framework/status';
import { DefaultPreemption } from '../names';

// defaultpreemption (v1.31), the part that decides what FailedScheduling says after
// "preemption:". Evicting victims is not simulated yet.
//   [PRE1] a pod with preemptionPolicy Never: "preemption: not eligible due to
//          preemptionPolicy=Never."
//   [PRE2] nodes whose filter status is UnschedulableAndUnresolvable (taints, affinity, cordon)
//          are not candidates: "Preemption is not helpful for scheduling".
//   [PRE3] an Unschedulable node (resources) with no lower-priority pod: "No preemption victims
//          found for incoming pod"; with lower-priority pods, the filters run again without them
//          and, if the pod still does not fit, their reasons are counted instead.
//   [PRE4] the result is a FitError over all nodes, prefixed "preemption: ".

/** Reasons the preemption FitError counts. */
export const REASON_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const REASON_NO_VICTIMS = 'No preemption victims found for incoming pod';
/** The PostFilter message for a pod that may not preempt. */
export const REASON_POLICY_NEVER = 'not eligible due to preemptionPolicy=Never.';
/** DefaultPreemption's prefix on every message. */
export const PREEMPTION_PREFIX = 'preemption: ';

/**
 * Evaluates one Unschedulable node as a preemption candidate (SelectVictimsOnNode's first step):
 * SUCCESS when removing every lower-priority pod would let the pod fit. [PRE3]
 */
export function victimsStatus(
  handle: Handle,
  state: CycleState,
  pod: PodInfo,
  node: NodeInfo,
): Status {
  if (!node.hasPodBelowPriority(pod.priority))
    return new Status('UnschedulableAndUnresolvable', [REASON_NO_VICTIMS]);
  const trimmed = node.without((p) => p.priority < pod.priority);
  return handle.runFilterPlugins(state, pod, trimmed);
}

/** Runs preemption's diagnosis and returns its status. [PRE1][PRE2][PRE4] */
export function preempt(
  handle: Handle,
  state: CycleState,
  pod: PodInfo,
  statuses: NodeToStatus,
): PostFilterOutcome {
  if (pod.pod.spec?.preemptionPolicy === 'Never')
    return { status: new Status('Unschedulable', [PREEMPTION_PREFIX + REASON_POLICY_NEVER]) };
  const all = handle.nodes.list();
  const dryRun = new NodeToStatus(new Status('UnschedulableAndUnresolvable', [REASON_NOT_HELPFUL]));
  let candidates = 0;
  for (const node of statuses.nodesForCode(all, 'Unschedulable')) {
    const s = victimsStatus(handle, state, pod, node);
    if (s.isSuccess()) candidates++;
    else dryRun.set(node.name, s);
  }
  if (candidates > 0) {
    // The real plugin would pick victims, evict them and nominate a node, and FailedScheduling
    // would carry no preemption part; eviction arrives with the DefaultPreemption issue.
    return { status: new Status('Unschedulable') };
  }
  const msg = fitErrorMessage(all.length, {
    nodeToStatus: dryRun,
    unschedulablePlugins: new Set(),
    preFilterMsg: '',
    postFilterMsg: '',
  });
  return { status: new Status('Unschedulable', [PREEMPTION_PREFIX + msg]), nominatedNodeName: '' };
}

/** Builds the DefaultPreemption plugin (PostFilter). */
export function newDefaultPreemption(_args: unknown, handle: Handle): PostFilterPlugin {
  return {
    name: DefaultPreemption,
    postFilter: (state, pod, statuses) => preempt(handle, state, pod, statuses),
  };
}
