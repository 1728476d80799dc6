import type { StoredObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { allResources, apiVersionOf } from '../../api/resources';
import type { OwnerReference } from '../../api/types';
import { Controller, type ReconcileResult } from '../../client/controller';
import type { EventRecorder } from '../../client/eventRecorder';
import { Informer } from '../../client/informer';
import type { Task } from '../../client/task';
import type { Component } from '../../component';
import type { Engine } from '../../engine';
import type { CollectorContext } from './attemptToDelete';
import {
  NamespacedOwnerOfClusterScopedObjectError,
  VIRTUAL_DELETED,
  attemptToDeleteItem,
} from './attemptToDelete';
import type { GraphNode, ObjectIdentity } from './graph';
import { describeIdentity, ownerIdentity } from './graph';
import { FINALIZER_ORPHAN_DEPENDENTS, GraphBuilder } from './graphBuilder';
import { orphanDependents, removeFinalizer } from './operations';

/** The controller's name in the trace and the source of its events. */
export const GARBAGE_COLLECTOR = 'garbage-collector-controller';

/** Resources the collector never watches (DefaultIgnoredResources: core and events.k8s.io events). */
const IGNORED_RESOURCES: ReadonlySet<string> = new Set(['events']);

/** The warning reason for an owner reference that crosses namespaces. */
export const OWNER_REF_INVALID_NAMESPACE = 'OwnerRefInvalidNamespace';

/** Formats the OwnerRefInvalidNamespace message (reportInvalidNamespaceOwnerRef). */
export function ownerRefInvalidNamespaceMessage(owner: ObjectIdentity): string {
  return `ownerRef ${describeIdentity(owner)} does not exist in namespace ${JSON.stringify(owner.namespace)}`;
}

/** A virtual node a GET found but no informer has delivered yet: retried with backoff. */
export const NOT_OBSERVED_MESSAGE = "item hasn't been observed via informer yet";

// Work-queue keys: upstream has two queues of nodes; one queue of prefixed uids does the same.
const DELETE = 'attemptToDelete/';
const ORPHAN = 'attemptToOrphan/';

/** Returns the graph identity of an object an informer of this resource delivered. */
function identityOf(info: ResourceInfo, obj: StoredObject): ObjectIdentity {
  return {
    apiVersion: apiVersionOf(info),
    kind: info.kind,
    name: obj.metadata.name,
    uid: obj.metadata.uid ?? '',
    namespace: obj.metadata.namespace ?? '',
  };
}

/**
 * kube-controller-manager's garbage collector (pkg/controller/garbagecollector): it watches every
 * resource but events, keeps the owner → dependents graph by uid (graphBuilder.ts), and works
 * through two kinds of items: attemptToDelete (attemptToDelete.ts) and attemptToOrphan.
 */
export class GarbageCollector extends Controller {
  /** The dependency graph. */
  readonly graph: GraphBuilder;
  private readonly monitors: Informer[];
  private readonly recorder: EventRecorder;
  private readonly collector: CollectorContext;

  constructor(engine: Engine) {
    super(GARBAGE_COLLECTOR, engine.deps(GARBAGE_COLLECTOR));
    this.recorder = this.deps.recorder({ component: GARBAGE_COLLECTOR });
    this.graph = new GraphBuilder({
      attemptToDelete: (n) => this.enqueue(DELETE + n.identity.uid),
      attemptToOrphan: (n) => this.enqueue(ORPHAN + n.identity.uid),
      invalidNamespaceOwnerRef: (dep, ref) => this.reportInvalidNamespace(dep, ref),
    });
    this.collector = {
      graph: this.graph,
      attemptToDelete: (n) => this.enqueue(DELETE + n.identity.uid),
    };
    this.monitors = allResources()
      .filter((r) => !IGNORED_RESOURCES.has(r.resource))
      .map((r) => this.monitor(r));
  }

  protected informers(): Informer[] {
    return this.monitors;
  }

  private monitor(info: ResourceInfo): Informer {
    const inf = new Informer(this.deps.client, { resource: info.resource });
    const id = (o: StoredObject): ObjectIdentity => identityOf(info, o);
    inf.addHandlers({
      add: (o) => this.graph.observe(id(o), o),
      update: (old, o) => {
        // A relist can turn "deleted, then recreated under the same name" into one update.
        if (old.metadata.uid !== o.metadata.uid) {
          this.graph.observeDeleted(id(old));
          this.graph.observe(id(o), o);
        } else this.graph.observe(id(o), o, old);
      },
      delete: (o) => this.graph.observeDeleted(id(o)),
    });
    return inf;
  }

  protected *reconcile(key: string): Task<ReconcileResult | void> {
    const orphan = key.startsWith(ORPHAN);
    const uid = key.slice(orphan ? ORPHAN.length : DELETE.length);
    const n = this.graph.node(uid);
    if (!n) return;
    if (orphan) return yield* this.attemptToOrphan(n);
    try {
      if ((yield* attemptToDeleteItem(this.collector, n)) === VIRTUAL_DELETED) return;
    } catch (e) {
      // Such a reference can never resolve: forget the item rather than retry forever.
      if (e instanceof NamespacedOwnerOfClusterScopedObjectError) return;
      throw e;
    }
    // Retried until an informer delivers it, so a node added and removed during a relist
    // cannot linger in the graph (attemptToDeleteWorker).
    if (this.graph.node(uid)?.virtual) throw new Error(NOT_OBSERVED_MESSAGE);
  }

  // attemptToOrphanWorker: strip this owner from its dependents, then drop the orphan finalizer.
  private *attemptToOrphan(owner: GraphNode): Task<void> {
    const id = describeIdentity(owner.identity);
    try {
      yield* orphanDependents(owner.identity, [...owner.dependents]);
    } catch (e) {
      throw new Error(`orphanDependents for ${id} failed with ${messageOf(e)}`, { cause: e });
    }
    try {
      yield* removeFinalizer(owner.identity, FINALIZER_ORPHAN_DEPENDENTS);
    } catch (e) {
      throw new Error(`removeOrphanFinalizer for ${id} failed with ${messageOf(e)}`, {
        cause: e,
      });
    }
  }

  private reportInvalidNamespace(dep: GraphNode, ref: OwnerReference): void {
    const { apiVersion, kind, name, namespace, uid } = dep.identity;
    this.recorder.event(
      { apiVersion, kind, metadata: { name, namespace: namespace || undefined, uid } },
      'Warning',
      OWNER_REF_INVALID_NAMESPACE,
      ownerRefInvalidNamespaceMessage(ownerIdentity(ref, namespace)),
    );
  }

  /** Stops watching and forgets the graph, as a restarted process would. */
  override stopInformers(): void {
    super.stopInformers();
    this.graph.reset();
  }

  protected override details(): Record<string, unknown> {
    return { graphNodes: this.graph.size(), absentOwners: this.graph.absentOwners.size() };
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Builds the garbage collector. */
export function createGarbageCollector(engine: Engine): Component {
  return new GarbageCollector(engine);
}
