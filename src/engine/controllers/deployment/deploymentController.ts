import equal from 'fast-deep-equal';
import type { StoredObject } from '../../api/object';
import { namespacedName } from '../../api/object';
import { fromLabelSelector, matches } from '../../api/labels';
import type { Deployment, OwnerReference, Pod, ReplicaSet } from '../../api/types';
import type { Component } from '../../component';
import { Controller, type ReconcileResult } from '../../client/controller';
import type { EventRecorder, EventType } from '../../client/eventRecorder';
import { Informer } from '../../client/informer';
import type { Task } from '../../client/task';
import type { Engine } from '../../engine';
import { controllerOf } from '../../api/owners';
import type { SyncContext } from './context';
import { syncDeployment } from './sync';

/** The controller's name in the trace and the source of its events. */
export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

// Informer indexes, so no event or sync scans every object [SCALE1].
const BY_NAMESPACE = 'namespace';
const BY_CONTROLLER = 'controller';
const ORPHANS = 'orphan';

const asDeployment = (o: StoredObject): Deployment => o as unknown as Deployment;
const asReplicaSet = (o: StoredObject): ReplicaSet => o as unknown as ReplicaSet;

/**
 * kube-controller-manager's deployment controller (pkg/controller/deployment): Deployments,
 * ReplicaSets and pods are watched; any change to a Deployment or to a ReplicaSet it controls
 * queues the Deployment, and each sync (sync.ts) rolls it out one step.
 */
export class DeploymentController extends Controller {
  private readonly deployments: Informer<StoredObject>;
  private readonly replicaSets: Informer<StoredObject>;
  private readonly pods: Informer<StoredObject>;
  private readonly recorder: EventRecorder;

  constructor(engine: Engine) {
    super(DEPLOYMENT_CONTROLLER, engine.deps(DEPLOYMENT_CONTROLLER));
    const client = this.deps.client;
    this.recorder = this.deps.recorder({ component: DEPLOYMENT_CONTROLLER });
    this.deployments = new Informer(client, { resource: 'deployments' });
    this.replicaSets = new Informer(client, { resource: 'replicasets' });
    this.pods = new Informer(client, { resource: 'pods' });
    this.deployments.addIndexer(BY_NAMESPACE, (o) => [o.metadata.namespace ?? '']);
    const ownerUid = (o: StoredObject): string[] => {
      const uid = controllerOf(o)?.uid;
      return uid ? [uid] : [];
    };
    this.replicaSets.addIndexer(BY_CONTROLLER, ownerUid);
    this.replicaSets.addIndexer(ORPHANS, (o) =>
      controllerOf(o) ? [] : [o.metadata.namespace ?? ''],
    );
    this.pods.addIndexer(BY_CONTROLLER, ownerUid);
    this.deployments.addHandlers({
      add: (d) => this.enqueue(namespacedName(d)),
      update: (_old, d) => this.enqueue(namespacedName(d)),
      delete: (d) => this.enqueue(namespacedName(d)),
    });
    this.replicaSets.addHandlers({
      add: (rs) => this.addReplicaSet(asReplicaSet(rs)),
      update: (old, rs) => this.updateReplicaSet(asReplicaSet(old), asReplicaSet(rs)),
      delete: (rs) => this.deleteReplicaSet(asReplicaSet(rs)),
    });
    this.pods.addHandlers({ delete: (p) => this.deletePod(p as unknown as Pod) });
  }

  protected informers(): Informer[] {
    return [this.deployments, this.replicaSets, this.pods];
  }

  protected *reconcile(key: string): Task<ReconcileResult | void> {
    const cached = this.deployments.get(key);
    // Deleted: its ReplicaSets are the garbage collector's now.
    if (!cached) return;
    const d = asDeployment(cached);
    yield* syncDeployment(this.syncContext(key), d, this.candidates(d));
  }

  // The ReplicaSets a sync may claim: those this Deployment controls and the namespace's orphans
  // (upstream lists the whole namespace; ReplicaSets of other controllers are ignored anyway).
  private candidates(d: Deployment): ReplicaSet[] {
    const owned = this.replicaSets.byIndex(BY_CONTROLLER, d.metadata?.uid ?? '');
    const orphans = this.replicaSets.byIndex(ORPHANS, d.metadata?.namespace ?? '');
    return [...owned, ...orphans].map(asReplicaSet);
  }

  private syncContext(key: string): SyncContext {
    const { loop } = this.deps;
    return {
      now: () => loop.now(),
      event: (d: Deployment, type: EventType, reason: string, message: string) =>
        this.recorder.event(d, type, reason, message),
      cachedReplicaSet: (ns, name) => {
        const rs = this.replicaSets.get(`${ns}/${name}`);
        return rs && asReplicaSet(rs);
      },
      podMap: (d, rsList) => this.podMap(d, rsList),
      enqueueAfter: (ms) => this.queue.addAfter(key, ms),
      enqueueRateLimited: () => this.queue.addRateLimited(key),
    };
  }

  // getPodMapForDeployment: the pods matching the selector, grouped by controlling ReplicaSet.
  private podMap(d: Deployment, rsList: readonly ReplicaSet[]): Map<string, Pod[]> {
    const selector = fromLabelSelector(d.spec?.selector) ?? [];
    const map = new Map<string, Pod[]>();
    for (const rs of rsList) {
      const uid = rs.metadata?.uid ?? '';
      const pods = this.pods.byIndex(BY_CONTROLLER, uid).map((p) => p as unknown as Pod);
      map.set(
        uid,
        pods.filter((p) => matches(selector, p.metadata?.labels)),
      );
    }
    return map;
  }

  // resolveControllerRef: the Deployment a controller reference names, if it still has that uid.
  private resolve(namespace: string | undefined, ref: OwnerReference): Deployment | undefined {
    if (ref.kind !== 'Deployment') return undefined;
    const d = this.deployments.get(`${namespace}/${ref.name}`);
    return d && d.metadata.uid === ref.uid ? asDeployment(d) : undefined;
  }

  // GetDeploymentsForReplicaSet: Deployments whose non-empty selector matches an orphan's labels.
  private deploymentsFor(rs: ReplicaSet): Deployment[] {
    const labels = rs.metadata?.labels;
    if (!labels || Object.keys(labels).length === 0) return [];
    return this.deployments
      .byIndex(BY_NAMESPACE, rs.metadata?.namespace ?? '')
      .map(asDeployment)
      .filter((d) => {
        const selector = fromLabelSelector(d.spec?.selector);
        return selector !== null && selector.length > 0 && matches(selector, labels);
      });
  }

  private enqueueDeployment(d: Deployment | undefined): void {
    if (d) this.enqueue(namespacedName(d));
  }

  private addReplicaSet(rs: ReplicaSet): void {
    // A ReplicaSet already being deleted when first seen (after a restart) counts as a delete.
    if (rs.metadata?.deletionTimestamp) return this.deleteReplicaSet(rs);
    const ref = controllerOf(rs);
    if (ref) return this.enqueueDeployment(this.resolve(rs.metadata?.namespace, ref));
    for (const d of this.deploymentsFor(rs)) this.enqueueDeployment(d);
  }

  private updateReplicaSet(old: ReplicaSet, cur: ReplicaSet): void {
    if (cur.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !equal(curRef, oldRef);
    if (refChanged && oldRef) this.enqueueDeployment(this.resolve(old.metadata?.namespace, oldRef));
    if (curRef) return this.enqueueDeployment(this.resolve(cur.metadata?.namespace, curRef));
    // An orphan whose labels or owner changed may now be someone's to adopt.
    if (refChanged || !equal(cur.metadata?.labels, old.metadata?.labels))
      for (const d of this.deploymentsFor(cur)) this.enqueueDeployment(d);
  }

  private deleteReplicaSet(rs: ReplicaSet): void {
    const ref = controllerOf(rs);
    if (ref) this.enqueueDeployment(this.resolve(rs.metadata?.namespace, ref));
  }

  // A Recreate rollout waits for old pods to go: sync once the Deployment has no pods left.
  private deletePod(pod: Pod): void {
    const podRef = controllerOf(pod);
    if (podRef?.kind !== 'ReplicaSet') return;
    const cached = this.replicaSets.get(`${pod.metadata?.namespace}/${podRef.name}`);
    if (!cached || cached.metadata.uid !== podRef.uid) return;
    const rsRef = controllerOf(cached);
    const d = rsRef && this.resolve(cached.metadata.namespace, rsRef);
    if (d?.spec?.strategy?.type !== 'Recreate') return;
    const rsList = this.replicaSets.byIndex(BY_CONTROLLER, d.metadata?.uid ?? '').map(asReplicaSet);
    let pods = 0;
    for (const list of this.podMap(d, rsList).values()) pods += list.length;
    if (pods === 0) this.enqueueDeployment(d);
  }
}

/** Builds the deployment controller. */
export function createDeploymentController(engine: Engine): Component {
  return new DeploymentController(engine);
}
