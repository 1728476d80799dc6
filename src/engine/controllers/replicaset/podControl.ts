import { wireCopy } from '../../api/object';
import { intern } from '../../api/strings';
import type { Pod, ReplicaSet } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import type { EventType } from '../../client/eventRecorder';
import type { Task } from '../../client/task';
import { call } from '../../client/task';
import { controllerRef } from './claim';
import {
  FAILED_CREATE_POD_REASON,
  FAILED_DELETE_POD_REASON,
  NAMESPACE_TERMINATING_CAUSE,
  NO_LABELS_MESSAGE,
  SUCCESSFUL_CREATE_POD_REASON,
  SUCCESSFUL_DELETE_POD_REASON,
  createdPodMessage,
  deletedPodMessage,
  errorCreatingMessage,
  errorDeletingMessage,
  unableToDeleteMessage,
} from './constants';

// RealPodControl (controller_utils.go): one pod create or delete, and the event it leaves on the
// ReplicaSet, from source component "replicaset-controller".

/** Records an event on the ReplicaSet. */
export type RecordEvent = (
  rs: ReplicaSet,
  type: EventType,
  reason: string,
  message: string,
) => void;

// A DNS subdomain is at most 253 characters, generated suffix aside (getPodsPrefix).
const MAX_NAME_LENGTH = 253;

/** Returns the pod a ReplicaSet creates from its template (GetPodFromTemplate). */
export function podFromTemplate(rs: ReplicaSet): Pod {
  const name = rs.metadata?.name ?? '';
  const template = rs.spec?.template ?? {};
  const meta = template.metadata ?? {};
  // Go's omitempty drops empty maps and slices, so only non-empty ones travel.
  const nonEmpty = <T extends object>(v: T | undefined): T | undefined =>
    v && Object.keys(v).length > 0 ? wireCopy(v) : undefined;
  return wireCopy({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      // One string for every pod of the ReplicaSet. [STR2]
      generateName: name.length + 1 <= MAX_NAME_LENGTH ? intern(`${name}-`) : name,
      labels: nonEmpty(meta.labels),
      annotations: nonEmpty(meta.annotations),
      finalizers: nonEmpty(meta.finalizers),
      ownerReferences: [controllerRef(rs)],
    },
    spec: template.spec,
  }) as Pod;
}

/** Reports whether a create failed only because the namespace is being terminated. */
export function isNamespaceTerminating(e: unknown): boolean {
  if (!(e instanceof StatusError)) return false;
  return (e.status.details?.causes ?? []).some((c) => c.reason === NAMESPACE_TERMINATING_CAUSE);
}

/** Creates one pod for a ReplicaSet and records SuccessfulCreate or FailedCreate. */
export function* createPod(rs: ReplicaSet, event: RecordEvent): Task<void> {
  const body = podFromTemplate(rs);
  if (Object.keys(body.metadata?.labels ?? {}).length === 0) throw new Error(NO_LABELS_MESSAGE);
  let pod: Pod;
  try {
    pod = yield* call<Pod>({
      verb: 'create',
      resource: 'pods',
      namespace: rs.metadata?.namespace,
      body,
    });
  } catch (e) {
    // No event when the namespace is going away: every create would fail the same way.
    if (!isNamespaceTerminating(e))
      event(rs, 'Warning', FAILED_CREATE_POD_REASON, errorCreatingMessage(messageOf(e)));
    throw e;
  }
  event(rs, 'Normal', SUCCESSFUL_CREATE_POD_REASON, createdPodMessage(pod.metadata?.name ?? ''));
}

/**
 * Deletes one of a ReplicaSet's pods and records SuccessfulDelete or FailedDelete. A pod already
 * gone rethrows the 404 without an event; other failures become "unable to delete pods: …".
 */
export function* deletePod(rs: ReplicaSet, pod: Pod, event: RecordEvent): Task<void> {
  const name = pod.metadata?.name ?? '';
  try {
    yield* call({ verb: 'delete', resource: 'pods', namespace: rs.metadata?.namespace, name });
  } catch (e) {
    if (e instanceof StatusError && e.code === 404) throw e;
    event(rs, 'Warning', FAILED_DELETE_POD_REASON, errorDeletingMessage(messageOf(e)));
    throw new Error(unableToDeleteMessage(messageOf(e)), { cause: e });
  }
  event(rs, 'Normal', SUCCESSFUL_DELETE_POD_REASON, deletedPodMessage(name));
}

/** Returns an error's message as Go's err.Error() would print it. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
