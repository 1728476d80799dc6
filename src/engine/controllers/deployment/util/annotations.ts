import type { Deployment, ReplicaSet } from '../../../api/types';
import {
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
} from './constants';
import { maxSurge, specReplicas } from './replicas';

// Revisions and the annotations a Deployment shares with its ReplicaSets (deployment_util.go).
// The objects passed in are the controller's own mutable copies, changed in place as upstream
// does, and each setter reports whether it changed anything.

/** Limits deployment.kubernetes.io/revision-history to about 100 entries (sync.go). */
const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

// annotationsToSkip: never copied from a Deployment to its ReplicaSets, nor back on rollback.
const SKIPPED = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

const INT64 = /^[+-]?\d+$/;

/** Returns a ReplicaSet's revision: 0 without the annotation, undefined if it does not parse. */
export function revision(rs: ReplicaSet): number | undefined {
  const v = rs.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return INT64.test(v) ? Number.parseInt(v, 10) : undefined;
}

/** Returns the highest revision among ReplicaSets (MaxRevision), skipping unparsable ones. */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  return rss.reduce((max, rs) => Math.max(max, revision(rs) ?? 0), 0);
}

/** Returns the second-highest revision (LastRevision): what `rollout undo` goes back to. */
export function lastRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rss) {
    const v = revision(rs);
    if (v === undefined) continue;
    if (v >= max) [second, max] = [max, v];
    else if (v > second) second = v;
  }
  return second;
}

/** Writes the revision annotation on a Deployment (SetDeploymentRevision). */
export function setDeploymentRevision(d: Deployment, rev: string): boolean {
  const annotations = ((d.metadata ??= {}).annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === rev) return false;
  annotations[REVISION_ANNOTATION] = rev;
  return true;
}

function copyDeploymentAnnotations(d: Deployment, rs: ReplicaSet): boolean {
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (SKIPPED.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

// A ReplicaSet that gets a newer revision was rolled back to: remember its old numbers, dropping
// the oldest while the list would exceed the length limit.
function appendRevisionHistory(rs: ReplicaSet, oldRevision: string, limit: number): void {
  const annotations = rs.metadata?.annotations ?? {};
  const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
  if (history === '') {
    annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    return;
  }
  const old = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > limit && start < old.length) total -= (old[start++] as string).length + 1;
  if (total <= limit)
    annotations[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
}

/**
 * Brings a new ReplicaSet's annotations in line with its Deployment (SetNewReplicaSetAnnotations):
 * copies the Deployment's own annotations, raises the revision to newRevision (never lowers it)
 * and, for a ReplicaSet about to be created, records desired and max replicas.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: string,
  exists: boolean,
  historyLimit = MAX_REV_HISTORY_LENGTH_IN_CHARS,
): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  const had = REVISION_ANNOTATION in annotations;
  const oldRevision = annotations[REVISION_ANNOTATION] ?? '';
  let oldInt = 0;
  if (oldRevision !== '') {
    if (!INT64.test(oldRevision)) return false;
    oldInt = Number.parseInt(oldRevision, 10);
  }
  if (!INT64.test(newRevision)) return false;
  const newInt = Number.parseInt(newRevision, 10);
  if (oldInt < newInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (had) appendRevisionHistory(rs, oldRevision, historyLimit);
  }
  const replicas = specReplicas(d);
  if (!exists && setReplicasAnnotations(rs, replicas, replicas + maxSurge(d))) changed = true;
  return changed;
}

/** Makes a Deployment's annotations those of the ReplicaSet it rolls back to, skipped keys kept. */
export function setDeploymentAnnotationsTo(d: Deployment, rs: ReplicaSet): void {
  const kept = Object.entries(d.metadata?.annotations ?? {}).filter(([k]) => SKIPPED.has(k));
  const copied = Object.entries(rs.metadata?.annotations ?? {}).filter(([k]) => !SKIPPED.has(k));
  (d.metadata ??= {}).annotations = Object.fromEntries([...kept, ...copied]);
}

/** Records desired-replicas and max-replicas on a ReplicaSet (SetReplicasAnnotations). */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  let updated = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    updated = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    updated = true;
  }
  return updated;
}

/** Reports whether desired-replicas or max-replicas would change (ReplicasAnnotationsNeedUpdate). */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number) {
  const annotations = rs.metadata?.annotations;
  if (!annotations) return true;
  return (
    annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired) ||
    annotations[MAX_REPLICAS_ANNOTATION] !== String(max)
  );
}
