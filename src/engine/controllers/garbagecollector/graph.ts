import type { OwnerReference } from '../../api/types';

// The dependency graph (pkg/controller/garbagecollector/graph.go): one node per object uid, with
// edges from each owner to its dependents. Owners are matched by uid, never by name.
//   [GC1] an owner that is referenced but not yet observed is a "virtual" node until an informer
//         sees it or a GET proves it absent.

/** An object's coordinates as the graph knows them (upstream objectReference). */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  /** Empty for cluster-scoped objects (and for virtual owners, the dependent's namespace). */
  namespace: string;
}

/** One object in the dependency graph (upstream node). */
export interface GraphNode {
  identity: ObjectIdentity;
  /** The object's ownerReferences as last observed. */
  owners: OwnerReference[];
  /** Changed only through addDependent and removeDependent. */
  dependents: ReadonlySet<GraphNode>;
  /** Built from a dependent's ownerReference and never observed through an informer. [GC1] */
  virtual: boolean;
  /** The object has a deletionTimestamp. */
  beingDeleted: boolean;
  /** The object is being deleted in the foreground (finalizer foregroundDeletion). */
  deletingDependents: boolean;
}

// Most nodes (pods) never have a dependent: they share one empty set until they get one.
const NO_DEPENDENTS: ReadonlySet<GraphNode> = new Set();

/** Adds a dependent to an owner's node. */
export function addDependent(owner: GraphNode, dependent: GraphNode): void {
  if (owner.dependents === NO_DEPENDENTS) owner.dependents = new Set([dependent]);
  else (owner.dependents as Set<GraphNode>).add(dependent);
}

/** Removes a dependent from an owner's node. */
export function removeDependent(owner: GraphNode, dependent: GraphNode): void {
  if (owner.dependents !== NO_DEPENDENTS) (owner.dependents as Set<GraphNode>).delete(dependent);
}

/** Builds a node with no dependents. */
export function newNode(
  identity: ObjectIdentity,
  owners: OwnerReference[],
  flags: Partial<Pick<GraphNode, 'virtual' | 'beingDeleted' | 'deletingDependents'>> = {},
): GraphNode {
  return {
    identity,
    owners,
    dependents: NO_DEPENDENTS,
    virtual: flags.virtual ?? false,
    beingDeleted: flags.beingDeleted ?? false,
    deletingDependents: flags.deletingDependents ?? false,
  };
}

/** Copies a node with a new identity, keeping its dependents (upstream node.clone). */
export function cloneNode(n: GraphNode, identity: ObjectIdentity): GraphNode {
  const copy = newNode(identity, n.owners, n);
  for (const d of n.dependents) addDependent(copy, d);
  return copy;
}

/** Returns the identity an ownerReference names, placed in the dependent's namespace. */
export function ownerIdentity(ref: OwnerReference, namespace: string): ObjectIdentity {
  return { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid, namespace };
}

/** Reports whether two identities are the same coordinates. */
export function sameIdentity(a: ObjectIdentity, b: ObjectIdentity): boolean {
  return (
    a.uid === b.uid &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.apiVersion === b.apiVersion &&
    a.namespace === b.namespace
  );
}

/** Reports whether an ownerReference names these coordinates (namespace aside). */
export function refMatches(ref: OwnerReference, id: ObjectIdentity): boolean {
  return (
    ref.uid === id.uid &&
    ref.name === id.name &&
    ref.kind === id.kind &&
    ref.apiVersion === id.apiVersion
  );
}

/** Formats an identity as upstream's objectReference.String() does in log and error text. */
export function describeIdentity(id: ObjectIdentity): string {
  return `[${id.apiVersion}/${id.kind}, namespace: ${id.namespace}, name: ${id.name}, uid: ${id.uid}]`;
}

/** Returns the dependents whose reference to n blocks n's foreground deletion. */
export function blockingDependents(n: GraphNode): GraphNode[] {
  return [...n.dependents].filter((dep) =>
    dep.owners.some((o) => o.uid === n.identity.uid && o.blockOwnerDeletion === true),
  );
}

/** An ownerReference whose content changed between two versions of a dependent. */
export interface ChangedRef {
  oldRef: OwnerReference;
  newRef: OwnerReference;
}

/** Splits two ownerReference lists, by uid, into added, removed and changed references. */
export function referencesDiffs(
  before: readonly OwnerReference[],
  after: readonly OwnerReference[],
): { added: OwnerReference[]; removed: OwnerReference[]; changed: ChangedRef[] } {
  const old = new Map(before.map((r) => [r.uid, r]));
  const added: OwnerReference[] = [];
  const changed: ChangedRef[] = [];
  for (const ref of after) {
    const prev = old.get(ref.uid);
    if (!prev) added.push(ref);
    else if (JSON.stringify(prev) !== JSON.stringify(ref))
      changed.push({ oldRef: prev, newRef: ref });
    old.delete(ref.uid);
  }
  return { added, removed: [...old.values()], changed };
}

/**
 * Divides dependents into those whose reference to the owner's uid matches these coordinates and
 * those that name the uid with other coordinates (upstream partitionDependents).
 */
export function partitionDependents(
  dependents: Iterable<GraphNode>,
  owner: ObjectIdentity,
): { matching: GraphNode[]; nonmatching: GraphNode[] } {
  const matching: GraphNode[] = [];
  const nonmatching: GraphNode[] = [];
  for (const dep of dependents) {
    let match = false;
    let mismatch = false;
    // A namespaced owner can only own dependents in its own namespace.
    if (owner.namespace !== '' && owner.namespace !== dep.identity.namespace) mismatch = true;
    else
      for (const ref of dep.owners) {
        if (ref.uid !== owner.uid) continue;
        if (refMatches(ref, owner)) match = true;
        else mismatch = true;
      }
    if (match) matching.push(dep);
    if (mismatch) nonmatching.push(dep);
  }
  return { matching, nonmatching };
}

/**
 * Returns another identity the dependents use for an owner uid verified absent under `absent`,
 * so the virtual node can be checked again under that name (upstream getAlternateOwnerIdentity,
 * minus its lexical ordering).
 */
export function alternateOwnerIdentity(
  dependents: readonly GraphNode[],
  absent: ObjectIdentity,
): ObjectIdentity | undefined {
  for (const dep of dependents)
    for (const ref of dep.owners) {
      if (ref.uid !== absent.uid) continue;
      const alt = ownerIdentity(ref, dep.identity.namespace);
      if (
        absent.namespace === '' &&
        alt.kind === absent.kind &&
        alt.apiVersion === absent.apiVersion
      )
        alt.namespace = '';
      if (!sameIdentity(alt, absent)) return alt;
    }
  return undefined;
}
