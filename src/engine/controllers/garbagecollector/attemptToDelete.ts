import type { StoredObject } from '../../api/object';
import type { OwnerReference } from '../../api/types';
import type { PropagationPolicy } from '../../apiserver/types';
import type { Task } from '../../client/task';
import type { GraphNode } from './graph';
import { blockingDependents, ownerIdentity } from './graph';
import type { GraphBuilder } from './graphBuilder';
import {
  FINALIZER_DELETE_DEPENDENTS,
  FINALIZER_ORPHAN_DEPENDENTS,
  hasFinalizer,
} from './graphBuilder';
import {
  apiResource,
  deleteObject,
  deleteOwnerRefPatch,
  getObject,
  patchObject,
  removeFinalizer,
  unblockOwnerReferencesPatch,
} from './operations';

// attemptToDeleteItem (garbagecollector.go): decide, from live GETs of an object and of each of
// its owners, whether to leave it, strip dangling references, or delete it.
//   [GC5] an object with at least one live owner is kept; references to absent owners (and to
//         owners waiting for foreground deletion) are removed from it.
//   [GC6] an object with no live owner is deleted with the policy its own finalizers ask for
//         (orphan, foreground, else background), under a uid precondition.
//   [GC7] a foreground-deleting owner loses its finalizer once no dependent with
//         blockOwnerDeletion=true is left.

/** What attemptToDeleteItem needs from the collector. */
export interface CollectorContext {
  graph: GraphBuilder;
  attemptToDelete(n: GraphNode): void;
}

/** attemptToDeleteItem's answer when a GET proved the item absent (enqueuedVirtualDeleteEventErr). */
export const VIRTUAL_DELETED = 'virtual-deleted';

/** A cluster-scoped object names a namespaced owner; it can never be collected. */
export class NamespacedOwnerOfClusterScopedObjectError extends Error {
  constructor() {
    super('cluster-scoped objects cannot refer to namespaced owners');
  }
}

/** Processes one node from the attemptToDelete queue. [GC5][GC6] */
export function* attemptToDeleteItem(
  ctx: CollectorContext,
  item: GraphNode,
): Task<typeof VIRTUAL_DELETED | void> {
  // "Being deleted" is a one-way trip: wait for the final deletion, then handle the dependents.
  if (item.beingDeleted && !item.deletingDependents) return;
  const latest = yield* getObject(item.identity);
  if (!latest || latest.metadata.uid !== item.identity.uid) {
    ctx.graph.virtualDelete(item.identity);
    return VIRTUAL_DELETED;
  }
  if (item.deletingDependents) return yield* processDeletingDependentsItem(ctx, item);
  const refs = latest.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const { solid, dangling, waiting } = yield* classifyReferences(ctx, item, refs);
  if (solid.length > 0) {
    if (dangling.length === 0 && waiting.length === 0) return;
    // Waiting references go too, or their owners would wait on this dependent forever.
    const uids = [...dangling, ...waiting].map((r) => r.uid);
    yield* patchObject(item.identity, deleteOwnerRefPatch(item.identity.uid, uids), 'strategic');
    return;
  }
  if (waiting.length > 0 && item.dependents.size > 0) {
    // A dependent also deleting in the foreground may be a cycle: stop blocking the owners.
    if ([...item.dependents].some((d) => d.deletingDependents))
      yield* patchObject(item.identity, unblockOwnerReferencesPatch(item), 'strategic');
    // Foreground, so this item in turn waits for its own blocking dependents.
    yield* deleteObject(item.identity, 'Foreground');
    return;
  }
  yield* deleteObject(item.identity, policyFromFinalizers(latest));
}

function policyFromFinalizers(obj: StoredObject): PropagationPolicy {
  if (hasFinalizer(obj, FINALIZER_ORPHAN_DEPENDENTS)) return 'Orphan';
  if (hasFinalizer(obj, FINALIZER_DELETE_DEPENDENTS)) return 'Foreground';
  return 'Background';
}

/** Removes the foreground finalizer once nothing blocks, else queues the blockers. [GC7] */
function* processDeletingDependentsItem(ctx: CollectorContext, item: GraphNode): Task<void> {
  const blocking = blockingDependents(item);
  if (blocking.length === 0) {
    yield* removeFinalizer(item.identity, FINALIZER_DELETE_DEPENDENTS);
    return;
  }
  for (const dep of blocking) if (!dep.deletingDependents) ctx.attemptToDelete(dep);
}

interface Classified {
  solid: OwnerReference[];
  dangling: OwnerReference[];
  waiting: OwnerReference[];
}

function* classifyReferences(
  ctx: CollectorContext,
  item: GraphNode,
  refs: readonly OwnerReference[],
): Task<Classified> {
  const out: Classified = { solid: [], dangling: [], waiting: [] };
  for (const ref of refs) {
    const owner = yield* liveOwner(ctx, ref, item);
    if (!owner) out.dangling.push(ref);
    else if (owner.metadata.deletionTimestamp && hasFinalizer(owner, FINALIZER_DELETE_DEPENDENTS))
      out.waiting.push(ref);
    else out.solid.push(ref);
  }
  return out;
}

// isDangling: the owner is absent if remembered so, if the GET answers 404, or if the name now
// belongs to an object with another uid.
function* liveOwner(
  ctx: CollectorContext,
  ref: OwnerReference,
  item: GraphNode,
): Task<StoredObject | undefined> {
  const absent = ctx.graph.absentOwners;
  const clusterScoped = ownerIdentity(ref, '');
  const namespaced = ownerIdentity(ref, item.identity.namespace);
  if (absent.has(clusterScoped) || absent.has(namespaced)) return undefined;
  const info = apiResource(ref.apiVersion, ref.kind);
  if (item.identity.namespace === '' && info.namespaced)
    throw new NamespacedOwnerOfClusterScopedObjectError();
  const key = info.namespaced ? namespaced : clusterScoped;
  const owner = yield* getObject(key);
  if (owner && owner.metadata.uid === ref.uid) return owner;
  absent.add(key);
  return undefined;
}
