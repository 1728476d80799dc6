import type { PodCondition, PodStatus } from '../../api/types';
import { rfc3339 } from '../../clock/time';

/**
 * Sets a condition in a pod status copy, as pkg/api/v1/pod UpdatePodCondition does: a new
 * lastTransitionTime only when the status changes. Returns whether anything changed.
 */
export function updatePodCondition(
  status: PodStatus,
  condition: PodCondition,
  now: number,
): boolean {
  const conditions = (status.conditions ??= []);
  const at = conditions.findIndex((c) => c.type === condition.type);
  const old = conditions[at];
  const next: PodCondition = { ...condition, lastTransitionTime: rfc3339(now) };
  if (!old) {
    conditions.push(next);
    return true;
  }
  if (next.status === old.status) next.lastTransitionTime = old.lastTransitionTime;
  conditions[at] = next;
  return !(
    next.status === old.status &&
    (next.reason ?? '') === (old.reason ?? '') &&
    (next.message ?? '') === (old.message ?? '') &&
    (next.lastProbeTime ?? null) === (old.lastProbeTime ?? null) &&
    next.lastTransitionTime === old.lastTransitionTime
  );
}
