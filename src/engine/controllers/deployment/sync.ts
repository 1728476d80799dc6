import { wireCopy } from '../../api/object';
import { fromLabelSelector } from '../../api/labels';
import type { Deployment, ReplicaSet } from '../../api/types';
import type { Task } from '../../client/task';
import { claimReplicaSets } from './claim';
import type { SyncContext } from './context';
import { tryUpdateDeploymentStatus, updateDeploymentStatus } from './context';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { rolloutRecreate } from './recreate';
import { getRollbackTo, rollback } from './rollback';
import { rolloutRolling } from './rolling';
import { scale } from './scale';
import { cleanupDeployment, syncDeploymentStatus } from './status';
import { intAnnotation, specReplicas } from './util/replicas';
import {
  DESIRED_REPLICAS_ANNOTATION,
  PAUSED_DEPLOY_REASON,
  PAUSED_MESSAGE,
  RESUMED_DEPLOY_REASON,
  RESUMED_MESSAGE,
  SELECTING_ALL_MESSAGE,
  SELECTING_ALL_REASON,
  TIMED_OUT_REASON,
} from './util/constants';
import { getCondition, newCondition, setCondition } from './util/conditions';
import { hasProgressDeadline } from './util/progress';
import { filterActive } from './util/replicaSets';

// One sync of one Deployment (deployment_controller.go: syncDeployment; sync.go: sync,
// syncStatusOnly, checkPausedConditions, isScalingEvent). The order decides what wins:
// deletion > pause > rollback > scaling > rollout.

/** Writes only status: used while the Deployment is being deleted (syncStatusOnly). */
function* syncStatusOnly(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): Task<void> {
  const [newRS, oldRSs] = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  yield* syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/** Reconciles a scaling event or a paused Deployment: scale, clean up if paused, status. */
function* sync(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): Task<void> {
  const [newRS, oldRSs] = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  yield* scale(ctx, d, newRS, oldRSs);
  if (d.spec?.paused && getRollbackTo(d) === undefined) yield* cleanupDeployment(oldRSs, d);
  yield* syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/**
 * Marks Progressing Unknown with DeploymentPaused or DeploymentResumed, so time spent paused is
 * never counted against progressDeadlineSeconds (checkPausedConditions).
 */
function* checkPausedConditions(ctx: SyncContext, d: Deployment): Task<void> {
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, 'Progressing');
  if (cond?.reason === TIMED_OUT_REASON) return;
  const pausedCond = cond?.reason === PAUSED_DEPLOY_REASON;
  const paused = Boolean(d.spec?.paused);
  if (paused === pausedCond) return;
  const [reason, message] = paused
    ? [PAUSED_DEPLOY_REASON, PAUSED_MESSAGE]
    : [RESUMED_DEPLOY_REASON, RESUMED_MESSAGE];
  setCondition(
    (d.status ??= {}),
    newCondition('Progressing', 'Unknown', reason, message, ctx.now()),
  );
  yield* updateDeploymentStatus(d);
}

/** Reports a scaling event: an active ReplicaSet's desired-replicas differs from spec.replicas. */
function* isScalingEvent(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): Task<boolean> {
  const [newRS, oldRSs] = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  return filterActive([...oldRSs, newRS]).some((rs) => {
    const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
    return desired !== undefined && desired !== specReplicas(d);
  });
}

// A Deployment selecting everything is refused: a warning, and only observedGeneration moves.
function* refuseEmptySelector(ctx: SyncContext, d: Deployment): Task<void> {
  ctx.event(d, 'Warning', SELECTING_ALL_REASON, SELECTING_ALL_MESSAGE);
  const generation = d.metadata?.generation ?? 0;
  if ((d.status?.observedGeneration ?? 0) >= generation) return;
  (d.status ??= {}).observedGeneration = generation;
  yield* tryUpdateDeploymentStatus(d);
}

/**
 * Syncs one Deployment from its cached copy (syncDeployment). candidates are the ReplicaSets it
 * controls or could adopt; the copy is changed in place as the sync writes.
 */
export function* syncDeployment(
  ctx: SyncContext,
  cached: Deployment,
  candidates: readonly ReplicaSet[],
): Task<void> {
  const d = wireCopy(cached);
  const selector = d.spec?.selector;
  const requirements = fromLabelSelector(selector) ?? [];
  if (selector && requirements.length === 0) return yield* refuseEmptySelector(ctx, d);
  const rsList = yield* claimReplicaSets(d, requirements, candidates);
  const recreate = d.spec?.strategy?.type === 'Recreate';
  const podMap = recreate ? ctx.podMap(d, rsList) : new Map();
  if (d.metadata?.deletionTimestamp) return yield* syncStatusOnly(ctx, d, rsList);
  yield* checkPausedConditions(ctx, d);
  if (d.spec?.paused) return yield* sync(ctx, d, rsList);
  const rollbackTo = getRollbackTo(d);
  if (rollbackTo !== undefined) return yield* rollback(ctx, d, rsList, rollbackTo);
  if (yield* isScalingEvent(ctx, d, rsList)) return yield* sync(ctx, d, rsList);
  switch (d.spec?.strategy?.type) {
    case 'Recreate':
      return yield* rolloutRecreate(ctx, d, rsList, podMap);
    case 'RollingUpdate':
      return yield* rolloutRolling(ctx, d, rsList);
  }
  throw new Error(`unexpected deployment strategy type: ${d.spec?.strategy?.type}`);
}
