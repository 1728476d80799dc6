import type { Deployment, ReplicaSet } from '../../../api/types';
import { MAX_REPLICAS_ANNOTATION } from './constants';

// The rollout arithmetic of pkg/controller/deployment/util/deployment_util.go: fenceposts,
// surge and unavailability, replica sums, and the proportions used when a Deployment is scaled
// in the middle of a rollout. Pure functions over API objects.

type IntOrString = number | string | undefined | null;

/** Reports a spec.replicas as defaulting leaves it (1 when unset). */
export function specReplicas(obj: Deployment | ReplicaSet | undefined): number {
  return obj?.spec?.replicas ?? 1;
}

/**
 * Resolves an int-or-percent against a total (intstr.GetScaledValueFromIntOrPercent): a
 * percentage is rounded up or down; anything else that is not a number is refused.
 */
export function scaledValue(value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !value.endsWith('%'))
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const pct = Number.parseInt(value.slice(0, -1), 10);
  if (!Number.isFinite(pct))
    throw new Error(`invalid value for IntOrString: invalid value "${value}"`);
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * Resolves maxSurge and maxUnavailable together (ResolveFenceposts): surge rounds up,
 * unavailability rounds down, and if both come to 0 unavailability becomes 1 so the rollout can
 * still move when surge is blocked (by quota, upstream's comment says).
 */
export function resolveFenceposts(
  maxSurge: IntOrString,
  maxUnavailable: IntOrString,
  desired: number,
): [surge: number, unavailable: number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** Reports whether a Deployment rolls out with RollingUpdate. */
export function isRollingUpdate(d: Deployment): boolean {
  return d.spec?.strategy?.type === 'RollingUpdate';
}

function fenceposts(d: Deployment): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, specReplicas(d));
}

/** Returns how many pods above replicas a rolling Deployment may run (0 for Recreate). */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return fenceposts(d)[0];
}

/** Returns how many pods a rolling Deployment may have unavailable, capped at replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d)[1], replicas);
}

/** Sums spec.replicas (GetReplicaCountForReplicaSets). */
export function replicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

/** Sums status.replicas (GetActualReplicaCountForReplicaSets). */
export function actualReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

/** Sums status.readyReplicas. */
export function readyReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

/** Sums status.availableReplicas. */
export function availableReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * Returns the replicas the new ReplicaSet should have now (NewRSNewReplicas): for RollingUpdate,
 * as many more as replicas + maxSurge leaves room for, never above replicas; for Recreate, all.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet) {
  const replicas = specReplicas(d);
  switch (d.spec?.strategy?.type) {
    case 'RollingUpdate': {
      const surge = scaledValue(d.spec.strategy.rollingUpdate?.maxSurge, replicas, true);
      const current = replicaCount(allRSs);
      const maxTotal = replicas + surge;
      if (current >= maxTotal) return specReplicas(newRS);
      const up = Math.min(maxTotal - current, replicas - specReplicas(newRS));
      return specReplicas(newRS) + up;
    }
    case 'Recreate':
      return replicas;
    default:
      throw new Error(`deployment type ${d.spec?.strategy?.type} isn't supported`);
  }
}

/** Reads an integer annotation such as deployment.kubernetes.io/desired-replicas (strconv.Atoi). */
export function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number.parseInt(v, 10);
}

/** Rounds half away from zero, as integer.RoundToInt32 (math.Round) does. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

// getReplicaSetFraction: this ReplicaSet's share of the new size, from the size it was scaled
// for (its max-replicas annotation) to the size allowed now.
function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentReplicas = specReplicas(d) + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  const newSize = (specReplicas(rs) * deploymentReplicas) / annotated;
  return roundHalfAway(newSize) - specReplicas(rs);
}

/**
 * Estimates how many replicas this ReplicaSet gains or loses in a proportional scale
 * (GetProportion), never more than what is still left to distribute.
 */
export function getProportion(
  rs: ReplicaSet | undefined,
  d: Deployment,
  toAdd: number,
  added: number,
): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
