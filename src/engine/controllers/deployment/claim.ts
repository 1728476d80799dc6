import { controllerOf } from '../../api/owners';
import type { Requirement } from '../../api/labels';
import { matches } from '../../api/labels';
import type { Deployment, OwnerReference, ReplicaSet } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { patchReplicaSet } from './context';

// ControllerRef claiming (pkg/controller/controller_ref_manager.go: ClaimObject,
// AdoptReplicaSet, ReleaseReplicaSet). A Deployment keeps the ReplicaSets it controls whose labels
// still match its selector, releases those that no longer match, and adopts matching orphans
// after re-reading itself from the apiserver, once, to be sure it is not being deleted.

interface Claimer {
  d: Deployment;
  selector: Requirement[];
  canAdopt?: string | null;
}

// How Go's %v prints a metav1.Time: 2025-01-01 00:00:10 +0000 UTC.
function goTime(rfc3339: string): string {
  return rfc3339.replace('T', ' ').replace('Z', ' +0000 UTC');
}

// RecheckDeletionTimestamp: an uncached GET of the Deployment before the first adoption.
function* canAdopt(c: Claimer): Task<string | null> {
  if (c.canAdopt !== undefined) return c.canAdopt;
  const { namespace, name, uid } = c.d.metadata ?? {};
  const res = yield* request({ verb: 'get', resource: 'deployments', namespace, name });
  const fresh = res.body as Deployment | undefined;
  if (res.error || !fresh) c.canAdopt = `can't recheck DeletionTimestamp: ${res.error?.message}`;
  else if (fresh.metadata?.uid !== uid)
    c.canAdopt = `can't recheck DeletionTimestamp: original Deployment ${namespace}/${name} is gone: got uid ${fresh.metadata?.uid}, wanted ${uid}`;
  else if (fresh.metadata?.deletionTimestamp)
    c.canAdopt = `${namespace}/${name} has just been deleted at ${goTime(fresh.metadata.deletionTimestamp)}`;
  else c.canAdopt = null;
  return c.canAdopt;
}

function* adopt(c: Claimer, rs: ReplicaSet): Task<void> {
  const refusal = yield* canAdopt(c);
  const { namespace, name, uid } = rs.metadata ?? {};
  if (refusal) throw new Error(`can't adopt ReplicaSet ${namespace}/${name} (${uid}): ${refusal}`);
  const ref: OwnerReference = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: c.d.metadata?.name ?? '',
    uid: c.d.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
  yield* patchReplicaSet(rs, { metadata: { ownerReferences: [ref], uid } });
}

function* release(c: Claimer, rs: ReplicaSet): Task<void> {
  const patch = {
    metadata: {
      ownerReferences: [{ $patch: 'delete', uid: c.d.metadata?.uid }],
      uid: rs.metadata?.uid,
    },
  };
  try {
    yield* patchReplicaSet(rs, patch);
  } catch (e) {
    // Gone, or no longer ours (Invalid): nothing left to release.
    if (e instanceof StatusError && (e.reason === 'NotFound' || e.reason === 'Invalid')) return;
    throw e;
  }
}

// ClaimObject for one ReplicaSet: true if the Deployment keeps it.
function* claimOne(c: Claimer, rs: ReplicaSet): Task<boolean> {
  const ref = controllerOf(rs);
  const deleting = Boolean(c.d.metadata?.deletionTimestamp);
  const match = matches(c.selector, rs.metadata?.labels);
  if (ref) {
    if (ref.uid !== c.d.metadata?.uid) return false;
    if (match) return true;
    if (!deleting) yield* release(c, rs);
    return false;
  }
  if (deleting || !match || rs.metadata?.deletionTimestamp) return false;
  if (rs.metadata?.namespace !== c.d.metadata?.namespace) return false;
  try {
    yield* adopt(c, rs);
  } catch (e) {
    if (e instanceof StatusError && e.reason === 'NotFound') return false;
    throw e;
  }
  return true;
}

/**
 * Returns the ReplicaSets a Deployment controls, adopting and releasing as needed
 * (ClaimReplicaSets). candidates are the namespace's ReplicaSets the Deployment controls or that
 * have no controller; errors are collected and thrown together, as an aggregate.
 */
export function* claimReplicaSets(
  d: Deployment,
  selector: Requirement[],
  candidates: readonly ReplicaSet[],
): Task<ReplicaSet[]> {
  const c: Claimer = { d, selector };
  const claimed: ReplicaSet[] = [];
  const errors: string[] = [];
  for (const rs of candidates) {
    try {
      if (yield* claimOne(c, rs)) claimed.push(rs);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (errors.length === 1) throw new Error(errors[0]);
  if (errors.length > 1) throw new Error(`[${errors.join(', ')}]`);
  return claimed;
}
