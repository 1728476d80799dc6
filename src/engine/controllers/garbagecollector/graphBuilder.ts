import type { StoredObject } from '../../api/object';
import type { OwnerReference } from '../../api/types';
import { AbsentOwnerCache } from './absentOwnerCache';
import type { ChangedRef, GraphNode, ObjectIdentity } from './graph';
import {
  addDependent,
  alternateOwnerIdentity,
  cloneNode,
  removeDependent,
  newNode,
  ownerIdentity,
  partitionDependents,
  refMatches,
  referencesDiffs,
  sameIdentity,
} from './graph';

// The graph builder (graph_builder.go processGraphChanges): informer events and "virtual" delete
// events (a GET proved an owner absent) update the graph and queue nodes for the collector.
//   [GC2] a node whose owner is removed from the graph is queued for attemptToDelete.
//   [GC3] an object entering deletion with foregroundDeletion queues itself and its dependents;
//         one entering deletion with orphan is queued for attemptToOrphan.
//   [GC4] a dependent's removal (or unblocking) queues an owner that is deleting dependents.

/** The foreground finalizer (metav1.FinalizerDeleteDependents). */
export const FINALIZER_DELETE_DEPENDENTS = 'foregroundDeletion';
/** The orphan finalizer (metav1.FinalizerOrphanDependents). */
export const FINALIZER_ORPHAN_DEPENDENTS = 'orphan';

/** What the graph builder asks of the collector. */
export interface GraphHooks {
  attemptToDelete(n: GraphNode): void;
  attemptToOrphan(n: GraphNode): void;
  /** A dependent names a namespaced owner from another namespace (OwnerRefInvalidNamespace). */
  invalidNamespaceOwnerRef(dependent: GraphNode, ref: OwnerReference): void;
}

/** Returns whether an object carries a finalizer. */
export function hasFinalizer(obj: StoredObject | undefined, finalizer: string): boolean {
  return (obj?.metadata.finalizers ?? []).includes(finalizer);
}

const beingDeleted = (obj: StoredObject | undefined): boolean =>
  Boolean(obj?.metadata.deletionTimestamp);

// deletionStartsWithFinalizer: the new object is being deleted with the finalizer, and the old
// one (if any) was not.
function startsDeletionWith(
  old: StoredObject | undefined,
  obj: StoredObject,
  finalizer: string,
): boolean {
  if (!beingDeleted(obj) || !hasFinalizer(obj, finalizer)) return false;
  return !old || !beingDeleted(old) || !hasFinalizer(old, finalizer);
}

/** The dependency graph and the events that change it. */
export class GraphBuilder {
  private readonly uidToNode = new Map<string, GraphNode>();
  /** Owners verified absent. */
  readonly absentOwners = new AbsentOwnerCache();

  constructor(private readonly hooks: GraphHooks) {}

  /** Returns the node for a uid. */
  node(uid: string): GraphNode | undefined {
    return this.uidToNode.get(uid);
  }

  /** Returns the number of nodes, virtual ones included. */
  size(): number {
    return this.uidToNode.size;
  }

  /** Forgets the whole graph, as a restarted kube-controller-manager would. */
  reset(): void {
    this.uidToNode.clear();
    this.absentOwners.clear();
  }

  /** Applies an informer add (old undefined) or update. [GC3] */
  observe(identity: ObjectIdentity, obj: StoredObject, old?: StoredObject): void {
    let existing = this.uidToNode.get(identity.uid);
    if (existing?.virtual) existing = this.markObserved(existing, identity);
    const owners = obj.metadata.ownerReferences ?? [];
    if (!existing) {
      const deleting = beingDeleted(obj);
      const n = newNode(identity, owners, {
        beingDeleted: deleting,
        deletingDependents: deleting && hasFinalizer(obj, FINALIZER_DELETE_DEPENDENTS),
      });
      this.uidToNode.set(identity.uid, n);
      this.addDependentToOwners(n, owners);
      this.processTransitions(old, obj, n);
      return;
    }
    const { added, removed, changed } = referencesDiffs(existing.owners, owners);
    if (added.length + removed.length + changed.length > 0) {
      this.addUnblockedOwnersToDeleteQueue(removed, changed);
      existing.owners = owners;
      this.addDependentToOwners(existing, added);
      this.removeDependentFromOwners(existing, removed);
    }
    if (beingDeleted(obj)) existing.beingDeleted = true;
    this.processTransitions(old, obj, existing);
  }

  /** Applies an informer delete. [GC2][GC4] */
  observeDeleted(identity: ObjectIdentity): void {
    const existing = this.uidToNode.get(identity.uid);
    if (existing) this.removeAndNotify(existing, identity);
  }

  /**
   * Applies a virtual delete: a GET found nothing (or another uid) at these coordinates. A node
   * that some dependents name differently stays, and only the matching dependents are queued.
   */
  virtualDelete(deleted: ObjectIdentity): void {
    const existing = this.uidToNode.get(deleted.uid);
    if (!existing) return;
    if (existing.virtual) {
      const { matching, nonmatching } = partitionDependents(existing.dependents, deleted);
      if (nonmatching.length === 0) return this.removeAndNotify(existing, deleted);
      this.queueVerifiedAbsent(deleted, matching);
      if (!sameIdentity(existing.identity, deleted)) return;
      // Check the owner again under another name its dependents use for it.
      const alt = alternateOwnerIdentity(nonmatching, deleted);
      if (!alt) return;
      const replacement = cloneNode(existing, alt);
      this.uidToNode.set(alt.uid, replacement);
      this.hooks.attemptToDelete(replacement);
      return;
    }
    if (sameIdentity(existing.identity, deleted)) return this.removeAndNotify(existing, deleted);
    // An observed object disagrees with the coordinates proved absent: keep it.
    this.queueVerifiedAbsent(deleted, partitionDependents(existing.dependents, deleted).matching);
  }

  private queueVerifiedAbsent(deleted: ObjectIdentity, matching: GraphNode[]): void {
    if (matching.length === 0) return;
    this.absentOwners.add(deleted);
    for (const dep of matching) this.hooks.attemptToDelete(dep);
  }

  private removeAndNotify(n: GraphNode, deleted: ObjectIdentity): void {
    this.uidToNode.delete(n.identity.uid);
    this.removeDependentFromOwners(n, n.owners);
    if (n.dependents.size > 0) this.absentOwners.add(deleted);
    for (const dep of n.dependents) this.hooks.attemptToDelete(dep);
    for (const ref of n.owners) {
      // Lets a foreground-deleting owner see that one more dependent is gone.
      const owner = this.uidToNode.get(ref.uid);
      if (owner?.deletingDependents) this.hooks.attemptToDelete(owner);
    }
  }

  // The informer saw a virtual node's object: it is real now, under the observed coordinates.
  private markObserved(existing: GraphNode, observed: ObjectIdentity): GraphNode {
    let n = existing;
    if (!sameIdentity(observed, existing.identity)) {
      const { nonmatching } = partitionDependents(existing.dependents, observed);
      for (const dep of nonmatching) {
        if (observed.namespace !== '' && dep.identity.namespace !== observed.namespace)
          this.reportInvalidNamespace(dep, observed.uid);
        this.hooks.attemptToDelete(dep);
      }
      n = cloneNode(existing, observed);
      this.uidToNode.set(observed.uid, n);
    }
    n.virtual = false;
    return n;
  }

  private addDependentToOwners(n: GraphNode, refs: readonly OwnerReference[]): void {
    let suspicious = false;
    for (const ref of refs) {
      let owner = this.uidToNode.get(ref.uid);
      if (!owner) {
        // A virtual node: the collector GETs it and removes it if the owner does not exist. [GC1]
        owner = newNode(ownerIdentity(ref, n.identity.namespace), [], { virtual: true });
        this.uidToNode.set(ref.uid, owner);
        addDependent(owner, n);
        this.hooks.attemptToDelete(owner);
        continue;
      }
      addDependent(owner, n);
      if (!suspicious) suspicious = this.isSuspicious(n, ref, owner);
    }
    // The collector verifies the references and deletes n if every owner is absent.
    if (suspicious) this.hooks.attemptToDelete(n);
  }

  private isSuspicious(n: GraphNode, ref: OwnerReference, owner: GraphNode): boolean {
    const ownerNamespaced = owner.identity.namespace !== '';
    if (ownerNamespaced && owner.identity.namespace !== n.identity.namespace) {
      if (!owner.virtual) this.reportInvalidNamespace(n, ref.uid);
      return true;
    }
    if (!refMatches(ref, owner.identity)) return true;
    // A virtual cluster-scoped owner may really be a namespaced kind (issue #98040).
    return !ownerNamespaced && owner.identity.namespace !== n.identity.namespace && owner.virtual;
  }

  private reportInvalidNamespace(dep: GraphNode, ownerUid: string): void {
    const ref = dep.owners.find((o) => o.uid === ownerUid);
    if (ref) this.hooks.invalidNamespaceOwnerRef(dep, ref);
  }

  private removeDependentFromOwners(n: GraphNode, refs: readonly OwnerReference[]): void {
    for (const ref of refs) {
      const owner = this.uidToNode.get(ref.uid);
      if (owner) removeDependent(owner, n);
    }
  }

  // A blocking reference removed or set to blockOwnerDeletion=false may unblock its owner. [GC4]
  private addUnblockedOwnersToDeleteQueue(removed: OwnerReference[], changed: ChangedRef[]): void {
    const unblocked = [
      ...removed.filter((r) => r.blockOwnerDeletion === true),
      ...changed
        .filter((c) => c.oldRef.blockOwnerDeletion === true && c.newRef.blockOwnerDeletion !== true)
        .map((c) => c.newRef),
    ];
    for (const ref of unblocked) {
      const owner = this.uidToNode.get(ref.uid);
      if (owner) this.hooks.attemptToDelete(owner);
    }
  }

  private processTransitions(old: StoredObject | undefined, obj: StoredObject, n: GraphNode): void {
    if (startsDeletionWith(old, obj, FINALIZER_ORPHAN_DEPENDENTS)) {
      this.hooks.attemptToOrphan(n);
      return;
    }
    if (startsDeletionWith(old, obj, FINALIZER_DELETE_DEPENDENTS)) {
      n.deletingDependents = true;
      for (const dep of n.dependents) this.hooks.attemptToDelete(dep);
      this.hooks.attemptToDelete(n);
    }
  }
}
