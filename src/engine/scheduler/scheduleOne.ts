import { namespacedName } from '../api/object';
import { runTask } from '../client/task';
import { CycleState } from './framework/cycleState';
import { fitErrorMessage } from './framework/fitError';
import type { QueuedPodInfo } from './framework/interface';
import { podName } from './framework/podInfo';
import { Status, asStatus } from './framework/status';
import { EVENTS } from './eventHandlers';
import {
  REASON_FAILED_SCHEDULING,
  REASON_SCHEDULED,
  handleSchedulingFailure,
  scheduledMessage,
  skipDeletingMessage,
} from './failure';
import type { ScheduleAttempt } from './algorithm';
import type { SchedulerParts } from './parts';
import type { CycleResult } from './schedulerMachine';

// ScheduleOne (schedule_one.go): the scheduling cycle for one pod, synchronous, then the binding
// cycle in the background.
//   [ONE1] a pod being deleted, already assumed, or gone from the informer is skipped.
//   [ONE2] no fit → PostFilter (preemption) adds its message → the FitError message is reported.
//   [ONE3] a fit → the pod is assumed on the node at once, and bound asynchronously; the
//          Scheduled event is recorded when the binding succeeds.
//   [ONE4] a failed binding forgets the assumed pod, which frees its resources like a deleted
//          assigned pod would, and reports the error.

/** What a cycle did, for the machine and the view. */
export interface CycleDone {
  pod: string;
  result: CycleResult;
  node?: string;
}

/** Runs the scheduling cycle of a popped pod. [ONE1] */
export function scheduleOne(parts: SchedulerParts, q: QueuedPodInfo, podCycle: number): CycleDone {
  const { algorithm, cache, results, recorder, deps, pods } = parts;
  const pi = q.podInfo;
  const name = podName(pi.pod);
  const current = pods.get(namespacedName(pi.pod));
  if (!current || current.metadata.uid !== pi.pod.metadata?.uid || cache.isAssumed(pi.key))
    return { pod: name, result: 'Skipped' };
  if (pi.pod.metadata?.deletionTimestamp) {
    recorder.event(pi.pod, 'Warning', REASON_FAILED_SCHEDULING, skipDeletingMessage(pi.pod));
    return { pod: name, result: 'Skipped' };
  }
  const state = new CycleState();
  results.begin(pi, q.attempts, deps.loop.now());
  const attempt = algorithm.schedulePod(state, pi);
  if (!attempt.ok) {
    const result = reportFailure(parts, state, q, attempt, podCycle);
    return { pod: name, result };
  }
  const { suggestedHost: host, evaluatedNodes, feasibleNodes, scores } = attempt.result;
  results.finish(pi.key, {
    selectedNode: host,
    evaluatedNodes,
    feasibleNodes,
    totals: Object.fromEntries((scores ?? []).map((s) => [s.name, s.total])),
  });
  cache.assumePod(pi, host);
  bindInBackground(parts, state, q, host, podCycle);
  return { pod: name, result: 'Assumed', node: host };
}

/** Turns a failed attempt into its FitError message and reports it. [ONE2] */
function reportFailure(
  parts: SchedulerParts,
  state: CycleState,
  q: QueuedPodInfo,
  attempt: Extract<ScheduleAttempt, { ok: false }>,
  podCycle: number,
): CycleResult {
  const { fwk, results } = parts;
  const pi = q.podInfo;
  let status = attempt.status;
  const d = attempt.diagnosis;
  if (d) {
    if (fwk.hasPostFilterPlugins())
      d.postFilterMsg = fwk.runPostFilterPlugins(state, pi, d.nodeToStatus).status.message();
    q.unschedulablePlugins = d.unschedulablePlugins;
    status = new Status('Unschedulable', [fitErrorMessage(attempt.numAllNodes, d)]);
    results.finish(pi.key, { evaluatedNodes: d.nodeToStatus.size() });
  }
  const result = status.isRejected() ? 'Unschedulable' : 'Error';
  results.finish(pi.key, { outcome: result, message: status.message() });
  handleSchedulingFailure(parts, q, status, podCycle);
  return result;
}

/** Runs the binding cycle; its outcome arrives with the apiserver's answer. [ONE3][ONE4] */
function bindInBackground(
  parts: SchedulerParts,
  state: CycleState,
  q: QueuedPodInfo,
  host: string,
  podCycle: number,
): void {
  const { fwk, cache, results, recorder, deps } = parts;
  const pi = q.podInfo;
  const epoch = parts.epoch();
  runTask(fwk.runBindPlugins(state, pi, host), deps.client, deps.loop, (error, s) => {
    if (!parts.live(epoch)) return;
    const bound = error === undefined && s ? s : asStatus(error);
    if (bound.isSuccess()) {
      const msg = scheduledMessage(pi.pod, host);
      results.finish(pi.key, { outcome: 'Scheduled', message: msg });
      recorder.event(pi.pod, 'Normal', REASON_SCHEDULED, msg);
      return;
    }
    cache.forgetPod(pi.key);
    parts.queue.moveAllToActiveOrBackoff(EVENTS.AssignedPodDelete);
    results.finish(pi.key, { outcome: 'Error', message: bound.message() });
    handleSchedulingFailure(parts, q, bound, podCycle);
  });
}
