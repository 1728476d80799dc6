import type { KubeObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import type { Pod } from '../../api/types';
import type { EventRecorder } from '../../client/eventRecorder';
import { call, sleep, type Task } from '../../client/task';
import { updatePodCondition } from './podCondition';

// What a fired eviction does (taint_eviction.go deletePodHandler, addConditionAndDeletePod).
//   [DEL1] the TaintManagerEviction event is recorded first, about the pod by name (no uid).
//   [DEL2] each attempt GETs the pod, PATCHes pods/status with DisruptionTarget=True unless it
//          already says so, then DELETEs the pod with its own grace period.
//   [DEL3] a failed attempt is retried after 10 ms, five attempts in all.

/** Event reason for a deletion and for its cancellation. */
export const TAINT_MANAGER_EVICTION = 'TaintManagerEviction';
/** The DisruptionTarget condition's reason. */
export const DELETION_BY_TAINT_MANAGER = 'DeletionByTaintManager';
/** The DisruptionTarget condition's message. */
export const DELETION_BY_TAINT_MANAGER_MESSAGE = 'Taint manager: deleting due to NoExecute taint';

const ATTEMPTS = 5;
const RETRY_MS = 10;

/** Returns `Marking for deletion Pod <namespace>/<name>`. */
export const markingForDeletion = (key: string): string => `Marking for deletion Pod ${key}`;
/** Returns `Cancelling deletion of Pod <namespace>/<name>`. */
export const cancellingDeletion = (key: string): string => `Cancelling deletion of Pod ${key}`;

/** Returns the reference events about a pod carry: kind and name, without a uid. */
export function podRef(namespace: string, name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
}

/** Evicts one pod: event, then condition and DELETE with retries. [DEL1][DEL3] */
export function* deletePod(
  recorder: EventRecorder,
  namespace: string,
  name: string,
  now: () => number,
): Task<void> {
  recorder.event(
    podRef(namespace, name),
    'Normal',
    TAINT_MANAGER_EVICTION,
    markingForDeletion(`${namespace}/${name}`),
  );
  let failure: unknown;
  for (let i = 0; i < ATTEMPTS; i++) {
    try {
      yield* addConditionAndDeletePod(namespace, name, now);
      return;
    } catch (e) {
      failure = e;
      yield* sleep(RETRY_MS);
    }
  }
  throw failure;
}

function* addConditionAndDeletePod(namespace: string, name: string, now: () => number): Task<void> {
  const pod = yield* call<Pod>({ verb: 'get', resource: 'pods', namespace, name });
  const status = wireCopy(pod.status ?? {});
  const changed = updatePodCondition(
    status,
    {
      type: 'DisruptionTarget',
      status: 'True',
      // Go marshals the zero time as null; every condition written from Go carries it.
      lastProbeTime: null as unknown as string,
      reason: DELETION_BY_TAINT_MANAGER,
      message: DELETION_BY_TAINT_MANAGER_MESSAGE,
    },
    now(),
  );
  if (changed) {
    const condition = status.conditions?.find((c) => c.type === 'DisruptionTarget');
    // PatchPodStatus: a strategic merge patch of the one condition, with a uid precondition.
    yield* call({
      verb: 'patch',
      resource: 'pods',
      subresource: 'status',
      namespace,
      name,
      patchType: 'strategic',
      body: {
        metadata: { uid: pod.metadata?.uid },
        status: {
          '$setElementOrder/conditions': status.conditions?.map((c) => ({ type: c.type })),
          conditions: [condition],
        },
      },
    });
  }
  yield* call({ verb: 'delete', resource: 'pods', namespace, name });
}
