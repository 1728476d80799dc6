import type { Requirement } from '../../api/labels';
import { matches } from '../../api/labels';
import type { OwnerReference, Pod, ReplicaSet } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { call, request } from '../../client/task';
import { controllerOf } from '../../api/owners';

// ControllerRef claiming of pods (controller_ref_manager.go: ClaimObject, ClaimPods, AdoptPod,
// ReleasePod, RecheckDeletionTimestamp; replica_set.go claimPods).
//   [CLAIM1] a pod controlled by another owner is never touched.
//   [CLAIM2] an owned pod whose labels no longer match is released (unless the ReplicaSet is
//            being deleted); an orphan that matches, is not being deleted and lives in the same
//            namespace is adopted with a controller ownerReference.
//   [CLAIM3] before the first adoption of a sync, the ReplicaSet is re-read from the apiserver
//            (uncached), and adoption is refused if it is gone or being deleted.

/** The ownerReference a ReplicaSet puts on its pods (metav1.NewControllerRef). */
export function controllerRef(rs: ReplicaSet): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name: rs.metadata?.name ?? '',
    uid: rs.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

interface Claimer {
  rs: ReplicaSet;
  selector: Requirement[] | null;
  /** The CanAdopt answer, computed at most once per sync: null means adoption is allowed. */
  canAdopt?: string | null;
}

// How Go's %v prints a *metav1.Time: 2025-01-01 00:00:10 +0000 UTC.
const goTime = (ts: string): string => ts.replace('T', ' ').replace('Z', ' +0000 UTC');

function* canAdopt(c: Claimer): Task<string | null> {
  if (c.canAdopt !== undefined) return c.canAdopt;
  const { namespace, name, uid } = c.rs.metadata ?? {};
  const res = yield* request({ verb: 'get', resource: 'replicasets', namespace, name });
  const fresh = res.body as ReplicaSet | undefined;
  const recheck = "can't recheck DeletionTimestamp";
  if (res.error || !fresh) c.canAdopt = `${recheck}: ${res.error?.message}`;
  else if (fresh.metadata?.uid !== uid)
    c.canAdopt = `${recheck}: original ReplicaSet ${namespace}/${name} is gone: got uid ${fresh.metadata?.uid}, wanted ${uid}`;
  else if (fresh.metadata?.deletionTimestamp)
    c.canAdopt = `${namespace}/${name} has just been deleted at ${goTime(fresh.metadata.deletionTimestamp)}`;
  else c.canAdopt = null;
  return c.canAdopt;
}

function* patchPod(pod: Pod, body: unknown): Task<void> {
  const { namespace, name } = pod.metadata ?? {};
  yield* call({ verb: 'patch', resource: 'pods', namespace, name, patchType: 'strategic', body });
}

// AdoptPod: the strategic patch carries the pod's uid, so a pod deleted and recreated under the
// same name is not adopted by mistake.
function* adopt(c: Claimer, pod: Pod): Task<void> {
  const refusal = yield* canAdopt(c);
  const { namespace, name, uid } = pod.metadata ?? {};
  if (refusal) throw new Error(`can't adopt Pod ${namespace}/${name} (${uid}): ${refusal}`);
  yield* patchPod(pod, { metadata: { ownerReferences: [controllerRef(c.rs)], uid } });
}

// ReleasePod: 404 (gone) and 422 (not ours any more, or recreated) are ignored.
function* release(c: Claimer, pod: Pod): Task<void> {
  const ownerUid = c.rs.metadata?.uid;
  const body = {
    metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUid }], uid: pod.metadata?.uid },
  };
  try {
    yield* patchPod(pod, body);
  } catch (e) {
    if (e instanceof StatusError && (e.code === 404 || e.code === 422)) return;
    throw e;
  }
}

type Decision = 'keep' | 'ignore' | 'release' | 'adopt';

// ClaimObject's decision for one pod, made without a request so that syncing a ReplicaSet with
// many pods costs no generator per pod. [CLAIM1][CLAIM2]
function decide(c: Claimer, pod: Pod): Decision {
  const ref = controllerOf(pod);
  const deleting = Boolean(c.rs.metadata?.deletionTimestamp);
  const match = c.selector !== null && matches(c.selector, pod.metadata?.labels);
  if (ref) {
    if (ref.uid !== c.rs.metadata?.uid) return 'ignore';
    if (match) return 'keep';
    // Things already owned may be kept while being deleted, but not released.
    return deleting ? 'ignore' : 'release';
  }
  if (deleting || !match || pod.metadata?.deletionTimestamp) return 'ignore';
  if (pod.metadata?.namespace !== c.rs.metadata?.namespace) return 'ignore';
  return 'adopt';
}

// Adopts an orphan: true if the ReplicaSet now owns it (a pod gone meanwhile is not an error).
function* tryAdopt(c: Claimer, pod: Pod): Task<boolean> {
  try {
    yield* adopt(c, pod);
  } catch (e) {
    if (e instanceof StatusError && e.code === 404) return false;
    throw e;
  }
  return true;
}

/**
 * Returns the pods a ReplicaSet controls after adopting and releasing (ClaimPods). Failures are
 * collected and thrown together, as utilerrors.NewAggregate prints them.
 */
export function* claimPods(
  rs: ReplicaSet,
  selector: Requirement[] | null,
  pods: readonly Pod[],
): Task<Pod[]> {
  const c: Claimer = { rs, selector };
  const claimed: Pod[] = [];
  const errors: string[] = [];
  for (const pod of pods) {
    const decision = decide(c, pod);
    if (decision === 'keep') claimed.push(pod);
    if (decision !== 'adopt' && decision !== 'release') continue;
    try {
      if (decision === 'release') yield* release(c, pod);
      else if (yield* tryAdopt(c, pod)) claimed.push(pod);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (errors.length === 1) throw new Error(errors[0]);
  if (errors.length > 1) throw new Error(`[${errors.join(', ')}]`);
  return claimed;
}
