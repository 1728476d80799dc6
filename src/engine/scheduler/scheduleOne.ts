import { namespacedName } from '../api/object';
import { runTask } from '../client/task';
import { CycleState } from './framework/cycleState';
import { fitErrorMessage } from './framework/fitError';
import type { PostFilterOutcome, QueuedPodInfo } from './framework/interface';
import type { PodInfo } from './framework/podInfo';
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

// ScheduleOne (schedule_one.go): the scheduling cycle for one pod, then the binding cycle in the
// background.
//   [ONE1] a pod being deleted, already assumed, or gone from the informer is skipped.
//   [ONE2] no fit → PostFilter (preemption) adds its message → the FitError message is reported,
//          with the nomination preemption made. The cycle lasts until preemption's API calls
//          are answered; without a FitError (no nodes, an error) the nomination is cleared.
//   [ONE3] a fit → the pod is assumed on the node at once (and no longer nominated), and bound
//          asynchronously; the Scheduled event is recorded when the binding succeeds.
//   [ONE4] a failed binding forgets the assumed pod, which frees its resources like a deleted
//          assigned pod would, clears the nomination, and reports the error.

/** What a cycle did, for the machine and the view. */
export interface CycleDone {
  pod: string;
  result: CycleResult;
  node?: string;
}

/** Runs the scheduling cycle of a popped pod; done is called when the cycle ends. [ONE1] */
export function scheduleOne(
  parts: SchedulerParts,
  q: QueuedPodInfo,
  podCycle: number,
  done: (d: CycleDone) => void,
): void {
  const { algorithm, cache, results, recorder, deps, pods } = parts;
  const pi = q.podInfo;
  const name = podName(pi.pod);
  const current = pods.get(namespacedName(pi.pod));
  if (!current || current.metadata.uid !== pi.pod.metadata?.uid || cache.isAssumed(pi.key))
    return done({ pod: name, result: 'Skipped' });
  if (pi.pod.metadata?.deletionTimestamp) {
    recorder.event(pi.pod, 'Warning', REASON_FAILED_SCHEDULING, skipDeletingMessage(pi.pod));
    return done({ pod: name, result: 'Skipped' });
  }
  const state = new CycleState();
  results.begin(pi, q.attempts, deps.loop.now());
  const attempt = algorithm.schedulePod(state, pi);
  if (!attempt.ok)
    return reportFailure(parts, state, q, attempt, podCycle, (result) =>
      done({ pod: name, result }),
    );
  const { suggestedHost: host, evaluatedNodes, feasibleNodes, scores } = attempt.result;
  // With recording off (benchmarks) the per-node totals are not even assembled.
  if (results.limit > 0)
    results.finish(pi.key, {
      selectedNode: host,
      evaluatedNodes,
      feasibleNodes,
      totals: Object.fromEntries(
        scores?.nodes.map((n, i) => [n.name, scores.totals[i] as number]) ?? [],
      ),
    });
  assume(parts, pi, host);
  bindInBackground(parts, state, q, host, podCycle);
  done({ pod: name, result: 'Assumed', node: host });
}

/** Places the pod in the cache; an assumed pod holds its node and needs no nomination. [ONE3] */
function assume(parts: SchedulerParts, pi: PodInfo, host: string): void {
  parts.cache.assumePod(pi, host);
  parts.queue.nominator.delete(pi.key);
}

/** Runs PostFilter on a FitError and reports the failure with its nomination. [ONE2] */
function reportFailure(
  parts: SchedulerParts,
  state: CycleState,
  q: QueuedPodInfo,
  attempt: Extract<ScheduleAttempt, { ok: false }>,
  podCycle: number,
  done: (result: CycleResult) => void,
): void {
  const { fwk, results, deps } = parts;
  const pi = q.podInfo;
  const report = (status: Status, nominatedNodeName?: string): void => {
    const result = status.isRejected() ? 'Unschedulable' : 'Error';
    results.finish(pi.key, { outcome: result, message: status.message() });
    handleSchedulingFailure(parts, q, status, podCycle, nominatedNodeName);
    done(result);
  };
  const d = attempt.diagnosis;
  if (!d) return report(attempt.status, '');
  q.unschedulablePlugins = d.unschedulablePlugins;
  results.finish(pi.key, { evaluatedNodes: d.nodeToStatus.size() });
  const fitError = (post?: PostFilterOutcome): void => {
    d.postFilterMsg = post?.status.message() ?? '';
    const msg = fitErrorMessage(attempt.numAllNodes, d);
    report(new Status('Unschedulable', [msg]), post?.nominatedNodeName);
  };
  if (!fwk.hasPostFilterPlugins()) return fitError();
  const epoch = parts.epoch();
  const postFilter = fwk.runPostFilterPlugins(state, pi, d.nodeToStatus);
  runTask(postFilter, deps.client, deps.loop, (error, outcome) => {
    if (!parts.live(epoch)) return;
    fitError(error === undefined && outcome ? outcome : { status: asStatus(error) });
  });
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
    handleSchedulingFailure(parts, q, bound, podCycle, '');
  });
}
