import type { StoredObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { apiVersionOf, resourceForKind } from '../../api/resources';
import { StatusError } from '../../apiserver/errors';
import type { PropagationPolicy } from '../../apiserver/types';
import { allSettled, call, request, sleep, type Task } from '../../client/task';
import type { GraphNode, ObjectIdentity } from './graph';
import { describeIdentity } from './graph';

// The collector's API calls (garbagecollector/operations.go and patch.go): metadata GETs,
// deletes with a uid precondition, and patches that strip owner references or finalizers.

/** The owner reference names a kind the apiserver does not serve (upstream restMappingError). */
class RestMappingError extends Error {
  constructor(apiVersion: string, kind: string) {
    super(`unable to get REST mapping for ${apiVersion}/${kind}.`);
  }
}

/** Resolves apiVersion + kind to a served resource, as the collector's RESTMapper does. */
export function apiResource(apiVersion: string, kind: string): ResourceInfo {
  const info = resourceForKind(kind);
  if (!info || apiVersionOf(info) !== apiVersion) throw new RestMappingError(apiVersion, kind);
  return info;
}

function target(id: ObjectIdentity): { resource: string; namespace?: string; name: string } {
  const info = apiResource(id.apiVersion, id.kind);
  return {
    resource: info.resource,
    namespace: info.namespaced ? id.namespace : undefined,
    name: id.name,
  };
}

/** Returns 404 as undefined; other errors throw. */
export function* getObject(id: ObjectIdentity): Task<StoredObject | undefined> {
  const res = yield* request({ verb: 'get', ...target(id) });
  if (res.error?.code === 404) return undefined;
  if (res.error) throw new StatusError(res.error);
  return res.body as StoredObject;
}

/**
 * Deletes exactly this object: the uid precondition makes the apiserver refuse (409) if the name
 * now belongs to a recreated object.
 */
export function* deleteObject(id: ObjectIdentity, policy: PropagationPolicy): Task<void> {
  yield* call({
    verb: 'delete',
    ...target(id),
    propagationPolicy: policy,
    preconditions: { uid: id.uid },
  });
}

/** Sends a patch to an object. */
export function* patchObject(
  id: ObjectIdentity,
  body: unknown,
  patchType: 'strategic' | 'merge',
): Task<StoredObject> {
  return yield* call<StoredObject>({ verb: 'patch', ...target(id), patchType, body });
}

/**
 * Builds the strategic merge patch that drops ownerReferences by owner uid; metadata.uid makes
 * the write fail if the dependent was replaced (GenerateDeleteOwnerRefStrategicMergeBytes).
 */
export function deleteOwnerRefPatch(dependentUid: string, ownerUids: readonly string[]): unknown {
  return {
    metadata: {
      ownerReferences: ownerUids.map((uid) => ({ $patch: 'delete', uid })),
      uid: dependentUid,
    },
  };
}

/** Builds the patch that sets blockOwnerDeletion=false on a node's blocking references. */
export function unblockOwnerReferencesPatch(n: GraphNode): unknown {
  const refs = n.owners
    .filter((o) => o.blockOwnerDeletion === true)
    .map((o) => ({ ...o, blockOwnerDeletion: false }));
  return { metadata: { ownerReferences: refs, uid: n.identity.uid } };
}

// retry.DefaultBackoff: 5 steps, 10 ms apart (jitter left out).
const RETRY_STEPS = 5;
const RETRY_DELAY_MS = 10;

/**
 * Removes one finalizer from an object with a JSON merge patch of the remaining list, guarded by
 * the resourceVersion it read; a conflict re-reads and retries (removeFinalizer).
 */
export function* removeFinalizer(id: ObjectIdentity, finalizer: string): Task<void> {
  for (let step = 1; ; step++) {
    const obj = yield* getObject(id);
    if (!obj) return;
    const finalizers = obj.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) return;
    const remaining = finalizers.filter((f) => f !== finalizer);
    const res = yield* request({
      verb: 'patch',
      ...target(id),
      patchType: 'merge',
      // A Go nil slice marshals as null, which the merge patch reads as "remove the field".
      body: {
        metadata: {
          resourceVersion: obj.metadata.resourceVersion,
          finalizers: remaining.length > 0 ? remaining : null,
        },
      },
    });
    if (!res.error) return;
    if (res.error.code !== 409) throw new StatusError(res.error);
    if (step === RETRY_STEPS)
      throw new Error(
        `updateMaxRetries(${RETRY_STEPS}) has reached. The garbage collector will retry later for owner ${describeIdentity(id)}`,
      );
    yield* sleep(RETRY_DELAY_MS);
  }
}

/** Removes the owner's reference from every dependent, in parallel (orphanDependents). */
export function* orphanDependents(owner: ObjectIdentity, dependents: GraphNode[]): Task<void> {
  const results = yield* allSettled(
    dependents.map((dep) =>
      patchObject(dep.identity, deleteOwnerRefPatch(dep.identity.uid, [owner.uid]), 'strategic'),
    ),
  );
  const errors: string[] = [];
  results.forEach((r, i) => {
    if (r.ok || (r.error instanceof StatusError && r.error.code === 404)) return;
    const dep = dependents[i] as GraphNode;
    errors.push(`orphaning ${describeIdentity(dep.identity)} failed, ${messageOf(r.error)}`);
  });
  if (errors.length === 0) return;
  const joined = errors.length === 1 ? (errors[0] as string) : `[${errors.join(', ')}]`;
  throw new Error(
    `failed to orphan dependents of owner ${describeIdentity(owner)}, got errors: ${joined}`,
  );
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
