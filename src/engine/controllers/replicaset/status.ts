import equal from 'fast-deep-equal';
import { matches } from '../../api/labels';
import { wireCopy } from '../../api/object';
import type { Pod, ReplicaSet } from '../../api/types';
import { rfc3339 } from '../../clock/time';
import type { Task } from '../../client/task';
import { call } from '../../client/task';
import {
  FAILED_CREATE_POD_REASON,
  FAILED_DELETE_POD_REASON,
  REPLICA_FAILURE_CONDITION,
  STATUS_UPDATE_RETRIES,
} from './constants';
import { messageOf } from './podControl';
import { isPodAvailable, isPodReady } from './podutil';

// ReplicaSet status (replica_set_utils.go: calculateStatus, updateReplicaSetStatus).
//   [STAT1] replicas counts the claimed active pods; fullyLabeledReplicas those carrying every
//           template label; readyReplicas the Ready ones; availableReplicas those Ready for more
//           than minReadySeconds (virtual time).
//   [STAT2] a failed manageReplicas adds ReplicaFailure=True (FailedCreate or FailedDelete, the
//           error as message) unless one is already there; a clean sync removes it.
//   [STAT3] status is written only when a count, the conditions or observedGeneration changed,
//           by PUT replicasets/<name>/status; a failed PUT is retried once after a fresh GET.

type RSStatus = NonNullable<ReplicaSet['status']>;
type RSCondition = NonNullable<RSStatus['conditions']>[number];

// Go's omitempty: zero counts and an empty condition list are not sent.
function setCount(status: RSStatus, field: keyof RSStatus, n: number): void {
  if (n === 0) delete status[field];
  else (status as Record<string, unknown>)[field] = n;
}

function failureCondition(rs: ReplicaSet, pods: number, err: unknown, nowMs: number): RSCondition {
  const diff = pods - (rs.spec?.replicas ?? 1);
  const reason = diff < 0 ? FAILED_CREATE_POD_REASON : diff > 0 ? FAILED_DELETE_POD_REASON : '';
  const cond: RSCondition = {
    type: REPLICA_FAILURE_CONDITION,
    status: 'True',
    lastTransitionTime: rfc3339(nowMs),
    message: messageOf(err),
  };
  if (reason) cond.reason = reason;
  return cond;
}

/** Computes a ReplicaSet's new status from its claimed active pods. [STAT1][STAT2] */
export function calculateStatus(
  rs: ReplicaSet,
  pods: readonly Pod[],
  manageErr: unknown,
  nowMs: number,
): RSStatus {
  const status: RSStatus = wireCopy(rs.status ?? { replicas: 0 });
  const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {}).map(
    ([key, value]) => ({ key, operator: 'Equals' as const, values: [value] }),
  );
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (matches(templateLabels, pod.metadata?.labels)) fullyLabeled++;
    if (!isPodReady(pod)) continue;
    ready++;
    if (isPodAvailable(pod, minReady, nowMs)) available++;
  }
  const others = (status.conditions ?? []).filter((c) => c.type !== REPLICA_FAILURE_CONDITION);
  const hasFailure = others.length !== (status.conditions ?? []).length;
  if (manageErr !== undefined && !hasFailure)
    status.conditions = [...others, failureCondition(rs, pods.length, manageErr, nowMs)];
  else if (manageErr === undefined && hasFailure) {
    if (others.length > 0) status.conditions = others;
    else delete status.conditions;
  }
  status.replicas = pods.length;
  setCount(status, 'fullyLabeledReplicas', fullyLabeled);
  setCount(status, 'readyReplicas', ready);
  setCount(status, 'availableReplicas', available);
  return status;
}

/** Reports whether status must be written: counts, conditions or observedGeneration moved. */
export function statusChanged(rs: ReplicaSet, next: RSStatus): boolean {
  const cur = rs.status ?? { replicas: 0 };
  return (
    (cur.replicas ?? 0) !== (next.replicas ?? 0) ||
    (cur.fullyLabeledReplicas ?? 0) !== (next.fullyLabeledReplicas ?? 0) ||
    (cur.readyReplicas ?? 0) !== (next.readyReplicas ?? 0) ||
    (cur.availableReplicas ?? 0) !== (next.availableReplicas ?? 0) ||
    (rs.metadata?.generation ?? 0) !== (cur.observedGeneration ?? 0) ||
    !equal(cur.conditions ?? null, next.conditions ?? null)
  );
}

function* putStatus(rs: ReplicaSet): Task<ReplicaSet> {
  const { namespace, name } = rs.metadata ?? {};
  return yield* call<ReplicaSet>({
    verb: 'update',
    resource: 'replicasets',
    subresource: 'status',
    namespace,
    name,
    body: rs,
  });
}

/**
 * Writes a ReplicaSet's status if it changed and returns the ReplicaSet as stored. [STAT3]
 * observedGeneration is the generation this sync acted on, also when the retry re-reads.
 */
export function* updateReplicaSetStatus(rs: ReplicaSet, next: RSStatus): Task<ReplicaSet> {
  if (!statusChanged(rs, next)) return rs;
  const generation = rs.metadata?.generation ?? 0;
  const status = { ...next };
  setCount(status, 'observedGeneration', generation);
  let current: ReplicaSet = { ...wireCopy(rs), status };
  for (let attempt = 0; ; attempt++) {
    try {
      return yield* putStatus(current);
    } catch (e) {
      if (attempt >= STATUS_UPDATE_RETRIES) throw e;
    }
    const { namespace, name } = rs.metadata ?? {};
    const fresh = yield* call<ReplicaSet>({
      verb: 'get',
      resource: 'replicasets',
      namespace,
      name,
    });
    current = { ...wireCopy(fresh), status };
  }
}
