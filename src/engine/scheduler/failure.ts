import { namespacedName } from '../api/object';
import type { Pod } from '../api/types';
import type { QueuedPodInfo } from './framework/interface';
import { newPodInfo } from './framework/podInfo';
import type { Status } from './framework/status';
import type { SchedulerParts } from './parts';
import { podStatusPatch, podStatusRequest } from './util/podStatusPatch';

// handleSchedulingFailure (schedule_one.go): a failed attempt is reported three ways, as the
// real scheduler does: a Warning FailedScheduling event, a PodScheduled=False condition patched
// onto pods/<name>/status with the same message, and the pod put back in the queue.
//   [FAIL1] reason Unschedulable when plugins rejected the pod, SchedulerError for errors.
//   [FAIL2] the message is cut to 1024 characters (NoteLengthLimit), ending " ...".
//   [FAIL3] the condition is patched only when it changes; lastTransitionTime moves only when
//           its status does (util/podStatusPatch.ts).
//   [FAIL4] a pod deleted or bound meanwhile is not requeued.
//   [FAIL5] a nomination from preemption (or its clearing) goes to the nominator at once and
//           into status.nominatedNodeName with the same patch; undefined leaves both as they are.

/** The event reason of a failed attempt. */
export const REASON_FAILED_SCHEDULING = 'FailedScheduling';
/** The event reason of a successful binding. */
export const REASON_SCHEDULED = 'Scheduled';
/** PodScheduled=False reason when plugins rejected the pod (v1.PodReasonUnschedulable). */
export const POD_REASON_UNSCHEDULABLE = 'Unschedulable';
/** PodScheduled=False reason for an error (v1.PodReasonSchedulerError). */
export const POD_REASON_SCHEDULER_ERROR = 'SchedulerError';
/** validation.NoteLengthLimit. */
export const NOTE_LENGTH_LIMIT = 1024;

/** Formats the Scheduled event message. */
export const scheduledMessage = (pod: Pod, node: string): string =>
  `Successfully assigned ${pod.metadata?.namespace}/${pod.metadata?.name} to ${node}`;

/** Formats the event for a popped pod that is being deleted. */
export const skipDeletingMessage = (pod: Pod): string =>
  `skip schedule deleting pod: ${pod.metadata?.namespace}/${pod.metadata?.name}`;

/** Truncates a message to the event note limit. [FAIL2] */
export function truncateMessage(msg: string): string {
  if (msg.length <= NOTE_LENGTH_LIMIT) return msg;
  const suffix = ' ...';
  return msg.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}

/** Reports a failed attempt and requeues the pod. [FAIL1][FAIL4][FAIL5] */
export function handleSchedulingFailure(
  parts: SchedulerParts,
  q: QueuedPodInfo,
  status: Status,
  podCycle: number,
  nominatedNodeName?: string,
): void {
  const { queue, pods, recorder, deps } = parts;
  const pod = q.podInfo.pod;
  const reason = status.isRejected() ? POD_REASON_UNSCHEDULABLE : POD_REASON_SCHEDULER_ERROR;
  const message = status.message();
  const cached = pods.get(namespacedName(pod));
  const assigned = Boolean(cached?.spec?.nodeName);
  if (cached && !assigned) {
    const podInfo = newPodInfo(cached);
    queue.addUnschedulableIfNotPresent({ ...q, podInfo }, podCycle);
    queue.nominator.add(podInfo, nominatedNodeName);
  }
  recorder.event(pod, 'Warning', REASON_FAILED_SCHEDULING, truncateMessage(message));
  // A pod bound meanwhile (a lost binding response) keeps its PodScheduled=True.
  if (assigned) return;
  const condition = { type: 'PodScheduled', status: 'False', reason, message };
  const patch = podStatusPatch(pod, { condition, nominatedNodeName }, deps.loop.now());
  if (!patch) return;
  deps.client.request(podStatusRequest(pod, patch), () => {});
}
