import type { Deployment, DeploymentCondition, ReplicaSet } from '../../api/types';
import { parseTime } from '../../clock/time';
import type { Task } from '../../client/task';
import type { SyncContext } from './context';
import { updateDeploymentStatus } from './context';
import { calculateStatus, statusEqual, wireStatus } from './status';
import {
  deploymentProgressMessage,
  NEW_RS_AVAILABLE_REASON,
  progressedMessage,
  progressingMessage,
  REPLICA_SET_UPDATED_REASON,
  TIMED_OUT_REASON,
  timedOutMessage,
} from './util/constants';
import type { DeploymentStatus } from './util/conditions';
import {
  getCondition,
  newCondition,
  removeCondition,
  replicaSetToDeploymentCondition,
  setCondition,
} from './util/conditions';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  hasProgressDeadline,
} from './util/progress';

// The Progressing condition during a rollout (progress.go): NewReplicaSetAvailable once complete,
// ReplicaSetUpdated (with a fresh lastUpdateTime) whenever pods move, ProgressDeadlineExceeded
// once progressDeadlineSeconds pass without either; a Deployment with no news is requeued for the
// moment its deadline expires.

function message(kind: 'progressing' | 'progressed' | 'timedOut', d: Deployment, rs?: ReplicaSet) {
  const rsName = rs?.metadata?.name;
  if (rsName === undefined) return deploymentProgressMessage[kind](d.metadata?.name ?? '');
  if (kind === 'progressing') return progressingMessage(rsName);
  return kind === 'progressed' ? progressedMessage(rsName) : timedOutMessage(rsName);
}

function updateProgressing(
  d: Deployment,
  next: DeploymentStatus,
  newRS: ReplicaSet | undefined,
  current: DeploymentCondition | undefined,
  nowMs: number,
): void {
  if (deploymentComplete(d, next)) {
    const msg = message('progressed', d, newRS);
    setCondition(next, newCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, msg, nowMs));
  } else if (deploymentProgressing(d, next)) {
    const msg = message('progressing', d, newRS);
    const cond = newCondition('Progressing', 'True', REPLICA_SET_UPDATED_REASON, msg, nowMs);
    // Same reason again still refreshes lastUpdateTime: remove, then set, keeping the transition.
    if (current) {
      if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
      removeCondition(next, 'Progressing');
    }
    setCondition(next, cond);
  } else if (deploymentTimedOut(d, next, nowMs)) {
    const msg = message('timedOut', d, newRS);
    setCondition(next, newCondition('Progressing', 'False', TIMED_OUT_REASON, msg, nowMs));
  }
}

// getReplicaFailures: the new ReplicaSet's ReplicaFailure wins over the old ones'.
function replicaFailure(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): DeploymentCondition | undefined {
  for (const rs of [newRS, ...allRSs]) {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    if (c) return replicaSetToDeploymentCondition(c);
  }
  return undefined;
}

/**
 * Asks to be synced again when the deadline of a stuck rollout passes (requeueStuckDeployment):
 * lastUpdateTime + progressDeadlineSeconds, plus a second against clock skew.
 */
function requeueStuckDeployment(ctx: SyncContext, d: Deployment, next: DeploymentStatus): void {
  const current = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, next) || current.reason === TIMED_OUT_REASON) return;
  const deadline = (d.spec?.progressDeadlineSeconds ?? 0) * 1000;
  const after = parseTime(current.lastUpdateTime) + deadline - ctx.now();
  if (after < 1000) ctx.enqueueRateLimited();
  else ctx.enqueueAfter(after + 1000);
}

/** Updates a Deployment's status during a rollout, judging its progress (syncRolloutStatus). */
export function* syncRolloutStatus(
  ctx: SyncContext,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): Task<void> {
  const now = ctx.now();
  const next = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(next, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const complete =
    (next.replicas ?? 0) === (next.updatedReplicas ?? 0) &&
    current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !complete) updateProgressing(d, next, newRS, current, now);
  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(next, failure);
  else removeCondition(next, 'ReplicaFailure');
  if (statusEqual(d.status, next)) {
    requeueStuckDeployment(ctx, d, next);
    return;
  }
  d.status = wireStatus(next);
  yield* updateDeploymentStatus(d);
}
