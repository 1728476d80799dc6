import equal from 'fast-deep-equal';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../../api/types';
import { parseTime } from '../../../clock/time';
import { DESIRED_REPLICAS_ANNOTATION, POD_TEMPLATE_HASH_LABEL } from './constants';
import { revision } from './annotations';
import { intAnnotation, specReplicas } from './replicas';

// Which ReplicaSets are new and old, and the orders upstream visits them in
// (deployment_util.go, pkg/controller/controller_utils.go).

const created = (rs: ReplicaSet): number => parseTime(rs.metadata?.creationTimestamp);
const nameOf = (rs: ReplicaSet): string => rs.metadata?.name ?? '';

/** Orders oldest first, ties by name (ReplicaSetsByCreationTimestamp). */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = created(a);
  const tb = created(b);
  if (ta === tb) return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
  return ta - tb;
}

/** Orders largest first, then oldest first (ReplicaSetsBySizeOlder): who scales down first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const diff = specReplicas(b) - specReplicas(a);
  return diff !== 0 ? diff : byCreationTimestamp(a, b);
}

/** Orders largest first, then newest first (ReplicaSetsBySizeNewer): who scales up first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const diff = specReplicas(b) - specReplicas(a);
  return diff !== 0 ? diff : byCreationTimestamp(b, a);
}

/** Orders by revision, oldest first, falling back to age (ReplicaSetsByRevision). */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revision(a);
  const rb = revision(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreationTimestamp(a, b);
  return ra - rb;
}

/** Keeps ReplicaSets that want pods (FilterActiveReplicaSets). */
export function filterActive(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && specReplicas(rs) > 0);
}

// apiequality.Semantic.DeepEqual treats nil and empty slices and maps alike; after the JSON round
// trip both are absent or empty, so empty values are dropped before comparing.
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(prune);
  if (v === null || typeof v !== 'object') return v ?? undefined;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x);
    if (p !== undefined) out[k] = p;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function withoutHash(t: PodTemplateSpec | undefined): unknown {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return prune({ ...t, metadata: { ...t?.metadata, labels } });
}

/** Reports whether two pod templates are equal ignoring pod-template-hash (EqualIgnoreHash). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined) {
  return equal(withoutHash(a), withoutHash(b));
}

/**
 * Returns the new ReplicaSet: the oldest whose template matches the Deployment's
 * (FindNewReplicaSet). Like upstream, it sorts rsList in place by age.
 */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  rsList.sort(byCreationTimestamp);
  return rsList.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** Returns every ReplicaSet but the new one, in rsList order (FindOldReplicaSets' second list). */
export function findOldReplicaSets(d: Deployment, rsList: ReplicaSet[]): ReplicaSet[] {
  const newRS = findNewReplicaSet(d, rsList);
  return rsList.filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid);
}

/**
 * Returns the only active ReplicaSet, or the newest one if none is active, or undefined when
 * several are active (FindActiveOrLatest). Sorts oldRSs newest first in place, as upstream does.
 */
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  oldRSs.sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActive([...oldRSs, newRS]);
  if (active.length === 0) return newRS ?? oldRSs[0];
  return active.length === 1 ? active[0] : undefined;
}

/**
 * Reports whether the new ReplicaSet owns every replica: its size, its desired-replicas
 * annotation and its available pods all equal the Deployment's replicas (IsSaturated).
 */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
  if (desired === undefined) return false;
  const replicas = specReplicas(d);
  return (
    specReplicas(rs) === replicas &&
    desired === replicas &&
    (rs.status?.availableReplicas ?? 0) === replicas
  );
}
