import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import type { Task } from '../../client/task';
import type { SyncContext } from './context';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { syncRolloutStatus } from './progress';
import { scaleReplicaSetAndRecordEvent } from './scale';
import { cleanupDeployment } from './status';
import { deploymentComplete } from './util/progress';
import { filterActive } from './util/replicaSets';
import { actualReplicaCount, specReplicas } from './util/replicas';

// Recreate (recreate.go): scale every old ReplicaSet to 0, wait until none of their pods is
// running, and only then create (or scale up) the new ReplicaSet, so old and new never overlap.

/**
 * Reports old pods still around: an old ReplicaSet still counting pods in its status, or any
 * pod of an old ReplicaSet not yet Succeeded or Failed (oldPodsRunning).
 */
function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
  podMap: ReadonlyMap<string, readonly Pod[]>,
): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [rsUid, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === rsUid) continue;
    // A pod in a terminal phase no longer runs; any other phase (Unknown included) might.
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded'))
      return true;
  }
  return false;
}

function* scaleDownOldReplicaSetsForRecreate(
  ctx: SyncContext,
  oldRSs: ReplicaSet[],
  d: Deployment,
): Task<boolean> {
  let scaled = false;
  for (const [i, rs] of oldRSs.entries()) {
    if (specReplicas(rs) === 0) continue;
    const [didScale, updated] = yield* scaleReplicaSetAndRecordEvent(ctx, rs, 0, d);
    if (didScale) {
      oldRSs[i] = updated;
      scaled = true;
    }
  }
  return scaled;
}

/** Runs one Recreate pass for a Deployment (rolloutRecreate). */
export function* rolloutRecreate(
  ctx: SyncContext,
  d: Deployment,
  rsList: ReplicaSet[],
  podMap: ReadonlyMap<string, readonly Pod[]>,
): Task<void> {
  // The new ReplicaSet is not created yet, so nothing scales up before the old ones are down.
  let [newRS, oldRSs] = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  if (yield* scaleDownOldReplicaSetsForRecreate(ctx, filterActive(oldRSs), d))
    return yield* syncRolloutStatus(ctx, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return yield* syncRolloutStatus(ctx, allRSs, newRS, d);
  if (!newRS) {
    [newRS, oldRSs] = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
    allRSs = [...oldRSs, newRS];
  }
  yield* scaleReplicaSetAndRecordEvent(ctx, newRS as ReplicaSet, specReplicas(d), d);
  if (deploymentComplete(d, d.status)) yield* cleanupDeployment(oldRSs, d);
  yield* syncRolloutStatus(ctx, allRSs, newRS, d);
}
