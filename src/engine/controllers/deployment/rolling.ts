import type { Deployment, ReplicaSet } from '../../api/types';
import type { Task } from '../../client/task';
import type { SyncContext } from './context';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { syncRolloutStatus } from './progress';
import { scaleReplicaSetAndRecordEvent } from './scale';
import { cleanupDeployment } from './status';
import { deploymentComplete } from './util/progress';
import { byCreationTimestamp, filterActive } from './util/replicaSets';
import {
  availableReplicaCount,
  maxUnavailable,
  newRSNewReplicas,
  replicaCount,
  specReplicas,
} from './util/replicas';

// RollingUpdate (rolling.go). One pass either scales the new ReplicaSet up within
// replicas + maxSurge, or scales old ones down while keeping replicas − maxUnavailable available,
// then writes status; the next ReplicaSet status change triggers the next pass.

const available = (rs: ReplicaSet): number => rs.status?.availableReplicas ?? 0;

function invalidScaleDown(what: string, rs: ReplicaSet, to: number): Error {
  const { namespace, name } = rs.metadata ?? {};
  return new Error(
    `${what}, got invalid request to scale down ${namespace}/${name} ${specReplicas(rs)} -> ${to}`,
  );
}

/** Grows the new ReplicaSet as far as surge allows, or trims it to replicas. */
function* reconcileNewReplicaSet(
  ctx: SyncContext,
  allRSs: readonly ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): Task<boolean> {
  const replicas = specReplicas(d);
  if (specReplicas(newRS) === replicas) return false;
  const target = specReplicas(newRS) > replicas ? replicas : newRSNewReplicas(d, allRSs, newRS);
  const [scaled] = yield* scaleReplicaSetAndRecordEvent(ctx, newRS, target, d);
  return scaled;
}

/**
 * Scales old ReplicaSets down by their unavailable replicas first, oldest first, since removing
 * those costs no availability (issue 16737: otherwise they block the rollout).
 */
function* cleanupUnhealthyReplicas(
  ctx: SyncContext,
  oldRSs: ReplicaSet[],
  d: Deployment,
  maxCleanupCount: number,
): Task<[ReplicaSet[], number]> {
  oldRSs.sort(byCreationTimestamp);
  let total = 0;
  for (const [i, rs] of oldRSs.entries()) {
    if (total >= maxCleanupCount) break;
    if (specReplicas(rs) === 0 || specReplicas(rs) === available(rs)) continue;
    const count = Math.min(maxCleanupCount - total, specReplicas(rs) - available(rs));
    const target = specReplicas(rs) - count;
    if (target > specReplicas(rs))
      throw invalidScaleDown('when cleaning up unhealthy replicas', rs, target);
    const [, updated] = yield* scaleReplicaSetAndRecordEvent(ctx, rs, target, d);
    total += count;
    oldRSs[i] = updated;
  }
  return [oldRSs, total];
}

/** Scales old ReplicaSets down, oldest first, by what is available beyond minAvailable. */
function* scaleDownOldReplicaSetsForRollingUpdate(
  ctx: SyncContext,
  allRSs: readonly ReplicaSet[],
  oldRSs: ReplicaSet[],
  d: Deployment,
): Task<number> {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const availablePods = availableReplicaCount(allRSs);
  if (availablePods <= minAvailable) return 0;
  oldRSs.sort(byCreationTimestamp);
  const wanted = availablePods - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= wanted) break;
    if (specReplicas(rs) === 0) continue;
    const target = specReplicas(rs) - Math.min(specReplicas(rs), wanted - total);
    if (target > specReplicas(rs)) throw invalidScaleDown('when scaling down old RS', rs, target);
    yield* scaleReplicaSetAndRecordEvent(ctx, rs, target, d);
    total += specReplicas(rs) - target;
  }
  return total;
}

/**
 * Scales old ReplicaSets down if availability allows (reconcileOldReplicaSets):
 * maxScaledDown = Σ replicas − minAvailable − unavailable pods of the new ReplicaSet. Errors are
 * swallowed, as upstream does; the pass just reports that nothing was scaled.
 */
function* reconcileOldReplicaSets(
  ctx: SyncContext,
  allRSs: readonly ReplicaSet[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): Task<boolean> {
  if (replicaCount(oldRSs) === 0) return false;
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - available(newRS);
  const maxScaledDown = replicaCount(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  try {
    const [cleaned, cleanupCount] = yield* cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
    const all = [...cleaned, newRS];
    const scaledDown = yield* scaleDownOldReplicaSetsForRollingUpdate(ctx, all, cleaned, d);
    return cleanupCount + scaledDown > 0;
  } catch {
    return false;
  }
}

/** Runs one RollingUpdate pass for a Deployment (rolloutRolling). */
export function* rolloutRolling(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): Task<void> {
  const [created, oldRSs] = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  const newRS = created as ReplicaSet;
  const allRSs = [...oldRSs, newRS];
  if (yield* reconcileNewReplicaSet(ctx, allRSs, newRS, d))
    return yield* syncRolloutStatus(ctx, allRSs, newRS, d);
  if (yield* reconcileOldReplicaSets(ctx, allRSs, filterActive(oldRSs), newRS, d))
    return yield* syncRolloutStatus(ctx, allRSs, newRS, d);
  if (deploymentComplete(d, d.status)) yield* cleanupDeployment(oldRSs, d);
  yield* syncRolloutStatus(ctx, allRSs, newRS, d);
}
