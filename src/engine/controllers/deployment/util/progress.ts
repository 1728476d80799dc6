import type { Deployment } from '../../../api/types';
import { parseTime } from '../../../clock/time';
import { NEW_RS_AVAILABLE_REASON, TIMED_OUT_REASON } from './constants';
import type { DeploymentStatus } from './conditions';
import { getCondition } from './conditions';
import { specReplicas } from './replicas';

// How a rollout's progress is judged (deployment_util.go: DeploymentComplete,
// DeploymentProgressing, DeploymentTimedOut). Time is the engine's virtual clock in ms.

const MAX_INT32 = 2147483647;

/** Reports whether progressDeadlineSeconds applies (unset or MaxInt32 means never time out). */
export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s != null && s !== MAX_INT32;
}

/** Reports whether old ReplicaSets are cleaned up (unset or MaxInt32 keeps every revision). */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const n = d.spec?.revisionHistoryLimit;
  return n != null && n !== MAX_INT32;
}

/** Reports a finished rollout: every replica updated and available, the spec observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus | undefined): boolean {
  const replicas = specReplicas(d);
  return (
    (status?.updatedReplicas ?? 0) === replicas &&
    (status?.replicas ?? 0) === replicas &&
    (status?.availableReplicas ?? 0) === replicas &&
    (status?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

/**
 * Reports progress between the stored and the new status: more updated, ready or available
 * pods, or fewer old ones (DeploymentProgressing).
 */
export function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * Reports a rollout past its deadline: the Progressing condition was last updated more than
 * progressDeadlineSeconds ago, or already says ProgressDeadlineExceeded (DeploymentTimedOut).
 */
export function deploymentTimedOut(d: Deployment, next: DeploymentStatus, nowMs: number) {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(next, 'Progressing');
  if (!cond || cond.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (cond.reason === TIMED_OUT_REASON) return true;
  const deadline = parseTime(cond.lastUpdateTime) + (d.spec?.progressDeadlineSeconds ?? 0) * 1000;
  return deadline < nowMs;
}
