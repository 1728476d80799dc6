import type { StoredObject } from '../../api/object';
import { Controller, type ReconcileResult } from '../../client/controller';
import { Informer } from '../../client/informer';
import type { Task } from '../../client/task';
import type { Component } from '../../component';
import type { Engine } from '../../engine';
import { deleteNamespace } from './deleter';

/** The controller's name in the trace. */
export const NAMESPACE_CONTROLLER = 'namespace-controller';

/**
 * How long a namespace event waits before it is processed (namespaceDeletionGracePeriod), so HA
 * apiservers' admission sees the deletion and last-moment creations reach every etcd member.
 */
export const NAMESPACE_DELETION_GRACE_PERIOD_MS = 5_000;

/** Returns how long to wait for content still expected to go: estimate/2 + 1 seconds. [NS1] */
function requeueAfterMs(estimateSeconds: number): number {
  return (Math.floor(estimateSeconds / 2) + 1) * 1000;
}

/**
 * kube-controller-manager's namespace controller (pkg/controller/namespace): a namespace informer
 * queues every namespace with a deletionTimestamp, and each pass (deleter.ts) empties it and
 * finally removes the "kubernetes" finalizer.
 */
export class NamespaceController extends Controller {
  private readonly namespaces: Informer<StoredObject>;

  constructor(engine: Engine) {
    super(NAMESPACE_CONTROLLER, engine.deps(NAMESPACE_CONTROLLER));
    this.namespaces = new Informer(this.deps.client, { resource: 'namespaces' });
    this.namespaces.addHandlers({
      add: (ns) => this.enqueueNamespace(ns),
      update: (_old, ns) => this.enqueueNamespace(ns),
    });
  }

  protected informers(): Informer[] {
    return [this.namespaces];
  }

  // Only namespaces being deleted are queued, each after the grace period.
  private enqueueNamespace(ns: StoredObject): void {
    if (!ns.metadata.deletionTimestamp) return;
    this.queue.addAfter(ns.metadata.name, NAMESPACE_DELETION_GRACE_PERIOD_MS);
  }

  protected *reconcile(key: string): Task<ReconcileResult | void> {
    // Gone from the cache: the namespace has been deleted.
    if (!this.namespaces.get(key)) return;
    const { loop } = this.deps;
    const estimate = yield* deleteNamespace(key, () => loop.now());
    if (estimate !== undefined) return { requeueAfter: requeueAfterMs(estimate) };
  }
}

/** Builds the namespace controller. */
export function createNamespaceController(engine: Engine): Component {
  return new NamespaceController(engine);
}
