import type { Deployment, DeploymentCondition, ReplicaSet } from '../../../api/types';
import { rfc3339 } from '../../../clock/time';

// Deployment conditions as deployment_util.go manages them. A condition that already has the same
// status and reason is left alone, so its timestamps keep saying when it first became true; a new
// reason with the same status keeps lastTransitionTime.

/** A Deployment's status, as the controller computes it. */
export type DeploymentStatus = NonNullable<Deployment['status']>;

/** Condition types a Deployment carries. */
type DeploymentConditionType = 'Available' | 'Progressing' | 'ReplicaFailure';

/** Builds a condition stamped now (NewDeploymentCondition), fields in Go's order. */
export function newCondition(
  type: DeploymentConditionType,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  nowMs: number,
): DeploymentCondition {
  const now = rfc3339(nowMs);
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** Returns the condition of a type, if present (GetDeploymentCondition). */
export function getCondition(
  status: DeploymentStatus | undefined,
  type: DeploymentConditionType,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** Adds or replaces a condition unless one with the same status and reason exists. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type as DeploymentConditionType);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status)
    next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** Removes the condition of a type (RemoveDeploymentCondition). */
export function removeCondition(status: DeploymentStatus, type: DeploymentConditionType): void {
  const kept = (status.conditions ?? []).filter((c) => c.type !== type);
  if (kept.length > 0) status.conditions = kept;
  else delete status.conditions;
}

/** Promotes a ReplicaSet condition (ReplicaFailure) to a Deployment condition. */
export function replicaSetToDeploymentCondition(
  c: NonNullable<NonNullable<ReplicaSet['status']>['conditions']>[number],
): DeploymentCondition {
  const cond: DeploymentCondition = {
    type: c.type,
    status: c.status,
    lastUpdateTime: c.lastTransitionTime,
    lastTransitionTime: c.lastTransitionTime,
  };
  if (c.reason) cond.reason = c.reason;
  if (c.message) cond.message = c.message;
  return cond;
}
