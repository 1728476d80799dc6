import equal from 'fast-deep-equal';
import type { Deployment, ReplicaSet } from '../../api/types';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { StatusError } from '../../apiserver/errors';
import type { SyncContext } from './context';
import { updateDeploymentStatus } from './context';
import {
  MIN_AVAILABILITY_MESSAGE,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  NO_MIN_AVAILABILITY_MESSAGE,
} from './util/constants';
import type { DeploymentStatus } from './util/conditions';
import { newCondition, setCondition } from './util/conditions';
import { hasRevisionHistoryLimit } from './util/progress';
import { byRevision } from './util/replicaSets';
import {
  actualReplicaCount,
  availableReplicaCount,
  maxUnavailable,
  readyReplicaCount,
  replicaCount,
  specReplicas,
} from './util/replicas';

// A Deployment's status from its ReplicaSets (sync.go: calculateStatus, syncDeploymentStatus) and
// the revision-history cleanup (cleanupDeployment).

const COUNTS = [
  'observedGeneration',
  'replicas',
  'updatedReplicas',
  'readyReplicas',
  'availableReplicas',
  'unavailableReplicas',
] as const;

/** Returns a status as Go marshals it: fields in declaration order, zero counts omitted. */
export function wireStatus(s: DeploymentStatus | undefined): DeploymentStatus {
  const out: DeploymentStatus = {};
  for (const k of COUNTS) if (s?.[k]) out[k] = s[k];
  if (s?.conditions?.length) out.conditions = s.conditions;
  if (s?.collisionCount != null) out.collisionCount = s.collisionCount;
  return out;
}

/** Compares two statuses as reflect.DeepEqual would compare the Go structs. */
export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined) {
  return equal(wireStatus(a), wireStatus(b));
}

/**
 * Computes a Deployment's status (calculateStatus): counts summed over its ReplicaSets, the stored
 * conditions carried over, and Available set from replicas − maxUnavailable.
 */
export function calculateStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  // unavailableReplicas counts wanted pods (spec) that are not available; never below 0.
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation ?? 0,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, replicaCount(allRSs) - available),
  };
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (d.status?.collisionCount != null) status.collisionCount = d.status.collisionCount;
  const condition =
    available >= specReplicas(d) - maxUnavailable(d)
      ? newCondition(
          'Available',
          'True',
          MINIMUM_REPLICAS_AVAILABLE,
          MIN_AVAILABILITY_MESSAGE,
          nowMs,
        )
      : newCondition(
          'Available',
          'False',
          MINIMUM_REPLICAS_UNAVAILABLE,
          NO_MIN_AVAILABILITY_MESSAGE,
          nowMs,
        );
  setCondition(status, condition);
  return status;
}

/** Writes the computed status if it differs from the stored one (syncDeploymentStatus). */
export function* syncDeploymentStatus(
  ctx: SyncContext,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): Task<void> {
  const next = calculateStatus(allRSs, newRS, d, ctx.now());
  if (statusEqual(d.status, next)) return;
  d.status = wireStatus(next);
  yield* updateDeploymentStatus(d);
}

const isDeleting = (rs: ReplicaSet): boolean => Boolean(rs.metadata?.deletionTimestamp);

/**
 * Deletes the oldest old ReplicaSets beyond spec.revisionHistoryLimit (cleanupDeployment), but
 * only those scaled to 0, with no pods left, whose spec the ReplicaSet controller has observed.
 */
export function* cleanupDeployment(oldRSs: readonly ReplicaSet[], d: Deployment): Task<void> {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !isDeleting(rs));
  const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (const rs of cleanable.slice(0, diff)) {
    const busy =
      (rs.status?.replicas ?? 0) !== 0 ||
      specReplicas(rs) !== 0 ||
      (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
      isDeleting(rs);
    if (busy) continue;
    const res = yield* request({
      verb: 'delete',
      resource: 'replicasets',
      namespace: rs.metadata?.namespace,
      name: rs.metadata?.name,
    });
    // Stop at the first real error rather than pressing on against a struggling apiserver.
    if (res.error && res.error.code !== 404) throw new StatusError(res.error);
  }
}
