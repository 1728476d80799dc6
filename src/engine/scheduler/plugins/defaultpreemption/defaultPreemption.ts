import type { Task } from '../../../client/task';
import type { CycleState } from '../../framework/cycleState';
import { fitErrorMessage, newDiagnosis } from '../../framework/fitError';
import type {
  Handle,
  PostFilterOutcome,
  PostFilterPlugin,
  SchedulerServices,
} from '../../framework/interface';
import type { NodeToStatus } from '../../framework/nodeToStatus';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status } from '../../framework/status';
import { DefaultPreemption } from '../names';
import { findCandidates } from './candidates';
import { pickOneNodeForPreemption } from './pickNode';
import { prepareCandidate } from './prepare';

// DefaultPreemption (default_preemption.go + preemption.go's Evaluator.Preempt, v1.31): when no
// node fits, evict lower-priority pods from one node so the pod fits there next time.
//   [PRE1] a pod may not preempt with preemptionPolicy Never, nor while lower-priority pods it
//          already preempted are still terminating on its nominated node (unless that node
//          became UnschedulableAndUnresolvable); it keeps its nomination.
//   [PRE2] no candidate anywhere: the message is a FitError over all nodes, nodes not tried
//          counting as "Preemption is not helpful for scheduling", and the nomination is cleared.
//   [PRE3] with candidates, one node is picked (pickNode.ts), its victims evicted (prepare.ts),
//          and the pod nominated to it; the FailedScheduling message then has no preemption part.
//   [PRE4] every message is prefixed "preemption: ".

/** Why nodes not tried by preemption are no candidates. */
export const REASON_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** Why a pod with preemptionPolicy Never does not preempt. */
export const REASON_POLICY_NEVER = 'not eligible due to preemptionPolicy=Never.';
/** Why a pod waiting for its victims to go does not preempt again. */
export const REASON_TERMINATING_VICTIM =
  'not eligible due to a terminating pod on the nominated node.';
/** DefaultPreemption's prefix on every message. */
export const PREEMPTION_PREFIX = 'preemption: ';

/**
 * Returns why a pod may not preempt, or undefined when it may (PodEligibleToPreemptOthers);
 * nominated is the filter status of its nominated node. [PRE1]
 */
export function podIneligibleReason(
  handle: Handle,
  pod: PodInfo,
  nominated: Status,
): string | undefined {
  if (pod.pod.spec?.preemptionPolicy === 'Never') return REASON_POLICY_NEVER;
  const nnn = pod.pod.status?.nominatedNodeName;
  if (!nnn || nominated.code === 'UnschedulableAndUnresolvable') return undefined;
  const node = handle.nodes.get(nnn);
  for (const p of node?.pods.values() ?? [])
    if (p.priority < pod.priority && terminatingByPreemption(p)) return REASON_TERMINATING_VICTIM;
  return undefined;
}

// podTerminatingByPreemption with PodDisruptionConditions (GA in v1.31).
function terminatingByPreemption(p: PodInfo): boolean {
  if (!p.pod.metadata?.deletionTimestamp) return false;
  const c = p.pod.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
  return c?.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/** Runs preemption for a pod no node fits (Evaluator.Preempt). [PRE1][PRE2][PRE3] */
function* evaluate(
  handle: Handle,
  services: SchedulerServices,
  state: CycleState,
  pod: PodInfo,
  filtered: NodeToStatus,
): Task<PostFilterOutcome> {
  const nominated = filtered.get(pod.pod.status?.nominatedNodeName ?? '');
  const ineligible = podIneligibleReason(handle, pod, nominated);
  if (ineligible) return { status: new Status('Unschedulable', [ineligible]) };
  const now = services.now();
  const { candidates, statuses } = findCandidates(handle, state, pod, filtered, services.rng, now);
  const best = pickOneNodeForPreemption(candidates, now);
  if (!best) {
    statuses.setAbsentNodesStatus(new Status('UnschedulableAndUnresolvable', [REASON_NOT_HELPFUL]));
    const msg = fitErrorMessage(handle.nodes.list().length, {
      ...newDiagnosis(),
      nodeToStatus: statuses,
    });
    return { status: new Status('Unschedulable', [msg]), nominatedNodeName: '' };
  }
  const prepared = yield* prepareCandidate(services, best, pod);
  if (!prepared.isSuccess()) return { status: prepared };
  return { status: SUCCESS, nominatedNodeName: best.node };
}

/** Runs preemption and prefixes its message. [PRE4] */
export function* preempt(
  handle: Handle,
  state: CycleState,
  pod: PodInfo,
  filtered: NodeToStatus,
): Task<PostFilterOutcome> {
  const services = handle.services;
  if (!services) throw new Error(`${DefaultPreemption} needs a running scheduler's services`);
  const outcome = yield* evaluate(handle, services, state, pod, filtered);
  const msg = outcome.status.message();
  if (msg === '') return outcome;
  return { ...outcome, status: new Status(outcome.status.code, [PREEMPTION_PREFIX + msg]) };
}

/** Builds the DefaultPreemption plugin (PostFilter). */
export function newDefaultPreemption(_args: unknown, handle: Handle): PostFilterPlugin {
  return {
    name: DefaultPreemption,
    postFilter: (state, pod, statuses) => preempt(handle, state, pod, statuses),
  };
}
