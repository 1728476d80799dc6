import { StatusError } from '../../../apiserver/errors';
import type { Pod } from '../../../api/types';
import { allSettled, request, type Task } from '../../../client/task';
import type { ApiRequest } from '../../../apiserver/types';
import type { SchedulerServices } from '../../framework/interface';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, type Status, asStatus } from '../../framework/status';
import { podStatusPatch, podStatusRequest } from '../../util/podStatusPatch';
import type { Candidate } from './pickNode';

// prepareCandidate (preemption.go, v1.31), run inside the scheduling cycle before the preemptor
// is nominated:
//   [PREP1] each victim not already terminating, in parallel: DisruptionTarget=True (reason
//           PreemptionByScheduler) patched into its status, then a DELETE with its own grace
//           period, then a Normal "Preempted" event on it naming the preemptor's UID and the node.
//           A victim already gone (404) is skipped without an event.
//   [PREP2] any other failure fails the preemption; the preemptor keeps its old nomination.
//   [PREP3] lower-priority pods nominated to the same node lose their nomination (best effort),
//           so they look elsewhere instead of waiting for room that is no longer theirs.

/** The victim's condition reason (v1.PodReasonPreemptionByScheduler). */
export const REASON_PREEMPTION_BY_SCHEDULER = 'PreemptionByScheduler';
/** The event reason on a victim. */
export const REASON_PREEMPTED = 'Preempted';

/** Formats the DisruptionTarget message. */
export const preemptingMessage = (schedulerName: string): string =>
  `${schedulerName}: preempting to accommodate a higher priority pod`;

/** Formats the Preempted event message. */
export const preemptedMessage = (preemptor: Pod, node: string): string =>
  `Preempted by pod ${preemptor.metadata?.uid} on node ${node}`;

/** Evicts a candidate's victims and clears lower nominations on its node. [PREP2] */
export function* prepareCandidate(
  services: SchedulerServices,
  c: Candidate,
  preemptor: PodInfo,
): Task<Status> {
  const live = c.victims.filter((v) => !v.pod.metadata?.deletionTimestamp);
  const outcomes = yield* allSettled(live.map((v) => preemptPod(services, c.node, preemptor, v)));
  const failed = outcomes.find((o) => !o.ok);
  if (failed && !failed.ok) return asStatus(failed.error);
  const lower = services.nominator
    .nominatedPodsForNode(c.node)
    .filter((p) => p.priority < preemptor.priority);
  yield* allSettled(lower.map((p) => clearNominatedNodeName(services, p.pod)));
  return SUCCESS;
}

/** Preempts one victim. [PREP1] */
function* preemptPod(
  services: SchedulerServices,
  node: string,
  preemptor: PodInfo,
  victim: PodInfo,
): Task<void> {
  const pod = victim.pod;
  const patch = podStatusPatch(
    pod,
    {
      condition: {
        type: 'DisruptionTarget',
        status: 'True',
        reason: REASON_PREEMPTION_BY_SCHEDULER,
        message: preemptingMessage(preemptor.pod.spec?.schedulerName ?? ''),
      },
    },
    services.now(),
  );
  if (patch && (yield* gone(podStatusRequest(pod, patch)))) return;
  const target = { namespace: pod.metadata?.namespace, name: pod.metadata?.name };
  if (yield* gone({ verb: 'delete', resource: 'pods', ...target })) return;
  services.recorder.event(pod, 'Normal', REASON_PREEMPTED, preemptedMessage(preemptor.pod, node));
}

/** Clears a pod's status.nominatedNodeName. [PREP3] */
function* clearNominatedNodeName(services: SchedulerServices, pod: Pod): Task<void> {
  const patch = podStatusPatch(pod, { nominatedNodeName: '' }, services.now());
  if (patch) yield* gone(podStatusRequest(pod, patch));
}

// Sends a request; returns true when the pod no longer exists, throws on any other error.
function* gone(req: ApiRequest): Task<boolean> {
  const res = yield* request(req);
  if (!res.error) return false;
  if (res.error.code === 404) return true;
  throw new StatusError(res.error);
}
