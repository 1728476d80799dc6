import equal from 'fast-deep-equal';
import { fromLabelSelector, matches } from '../../api/labels';
import type { StoredObject } from '../../api/object';
import { namespacedName } from '../../api/object';
import type { OwnerReference, Pod, ReplicaSet } from '../../api/types';
import type { Component } from '../../component';
import { Controller, type ReconcileResult } from '../../client/controller';
import type { EventRecorder } from '../../client/eventRecorder';
import { Informer } from '../../client/informer';
import type { Task } from '../../client/task';
import type { Engine } from '../../engine';
import { REPLICASET_CONTROLLER } from './constants';
import type { SyncContext } from './context';
import { Expectations } from './expectations';
import { controllerOf } from '../../api/owners';
import { isPodReady, podKey } from './podutil';
import { syncReplicaSet } from './reconcile';

export { REPLICASET_CONTROLLER } from './constants';

// Informer indexes, so no event and no sync scans every pod or ReplicaSet [SCALE1]:
// pods by controller uid, orphans under one key per namespace (controller.PodControllerUIDIndex,
// OrphanPodIndexKeyForNamespace); ReplicaSets by namespace and by controller uid.
const BY_CONTROLLER = 'controllerUID';
const BY_NAMESPACE = 'namespace';
const orphanKey = (namespace: string | undefined): string => `_ORPHAN_POD/${namespace ?? ''}`;

const asPod = (o: StoredObject): Pod => o as unknown as Pod;
const asReplicaSet = (o: StoredObject): ReplicaSet => o as unknown as ReplicaSet;

/**
 * kube-controller-manager's ReplicaSet controller (pkg/controller/replicaset): ReplicaSets and
 * pods are watched; a change to a ReplicaSet, to a pod it controls or to an orphan it could adopt
 * queues the ReplicaSet, and each sync (reconcile.ts) claims, creates or deletes pods and writes
 * status.
 */
export class ReplicaSetController extends Controller {
  private readonly replicaSets: Informer<StoredObject>;
  private readonly pods: Informer<StoredObject>;
  private readonly recorder: EventRecorder;
  private readonly expectations: Expectations;

  constructor(engine: Engine) {
    super(REPLICASET_CONTROLLER, engine.deps(REPLICASET_CONTROLLER));
    const { client, loop } = this.deps;
    this.recorder = this.deps.recorder({ component: REPLICASET_CONTROLLER });
    this.expectations = new Expectations(() => loop.now());
    this.replicaSets = new Informer(client, { resource: 'replicasets' });
    this.pods = new Informer(client, { resource: 'pods' });
    this.replicaSets.addIndexer(BY_NAMESPACE, (o) => [o.metadata.namespace ?? '']);
    this.replicaSets.addIndexer(BY_CONTROLLER, (o) => {
      const uid = controllerOf(o)?.uid;
      return uid ? [uid] : [];
    });
    this.pods.addIndexer(BY_CONTROLLER, (o) => [
      controllerOf(o)?.uid ?? orphanKey(o.metadata.namespace),
    ]);
    this.replicaSets.addHandlers({
      add: (rs) => this.enqueue(namespacedName(rs)),
      update: (old, rs) => this.updateRS(asReplicaSet(old), asReplicaSet(rs)),
      delete: (rs) => this.deleteRS(asReplicaSet(rs)),
    });
    this.pods.addHandlers({
      add: (p) => this.addPod(asPod(p)),
      update: (old, p) => this.updatePod(asPod(old), asPod(p)),
      delete: (p) => this.deletePod(asPod(p)),
    });
  }

  protected informers(): Informer[] {
    return [this.replicaSets, this.pods];
  }

  protected *reconcile(key: string): Task<ReconcileResult | void> {
    const cached = this.replicaSets.get(key);
    if (!cached) {
      this.expectations.delete(key);
      return;
    }
    const rs = asReplicaSet(cached);
    yield* syncReplicaSet(this.syncContext(key), rs, this.candidates(rs));
  }

  /** Stops, forgetting expectations as a restarted controller manager would. */
  override stop(): void {
    super.stop();
    this.expectations.clear();
  }

  protected override details(): Record<string, unknown> {
    return { expectations: this.expectations.outstanding() };
  }

  // FilterPodsByOwner: the pods this ReplicaSet controls and the orphans of its namespace.
  private candidates(rs: ReplicaSet): Pod[] {
    const owned = this.pods.byIndex(BY_CONTROLLER, rs.metadata?.uid ?? '');
    const orphans = this.pods.byIndex(BY_CONTROLLER, orphanKey(rs.metadata?.namespace));
    return [...owned, ...orphans].map(asPod);
  }

  private syncContext(key: string): SyncContext {
    const { loop } = this.deps;
    return {
      key,
      now: () => loop.now(),
      expectations: this.expectations,
      event: (rs, type, reason, message) => this.recorder.event(rs, type, reason, message),
      relatedPods: (rs) => this.relatedPods(rs),
      enqueueAfter: (ms) => this.queue.addAfter(key, ms),
    };
  }

  // getIndirectlyRelatedPods: pods matching the selector of any ReplicaSet with the same
  // controller. A ReplicaSet without a controller has none (upstream logs an error and ranks
  // every pod 0 for co-location).
  private relatedPods(rs: ReplicaSet): Pod[] {
    const owner = controllerOf(rs);
    if (!owner) return [];
    const seen = new Set<string>();
    const out: Pod[] = [];
    for (const related of this.replicaSets.byIndex(BY_CONTROLLER, owner.uid).map(asReplicaSet)) {
      const selector = fromLabelSelector(related.spec?.selector);
      if (!selector) continue;
      for (const pod of this.candidates(related)) {
        const uid = pod.metadata?.uid ?? '';
        if (seen.has(uid) || !matches(selector, pod.metadata?.labels)) continue;
        seen.add(uid);
        out.push(pod);
      }
    }
    return out;
  }

  // resolveControllerRef: the ReplicaSet a controller reference names, if it still has that uid.
  private resolve(namespace: string | undefined, ref: OwnerReference): ReplicaSet | undefined {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.replicaSets.get(`${namespace}/${ref.name}`);
    return rs && rs.metadata.uid === ref.uid ? asReplicaSet(rs) : undefined;
  }

  // GetPodReplicaSets: ReplicaSets whose non-empty selector matches an orphan's labels.
  private podReplicaSets(pod: Pod): ReplicaSet[] {
    const labels = pod.metadata?.labels;
    if (!labels || Object.keys(labels).length === 0) return [];
    return this.replicaSets
      .byIndex(BY_NAMESPACE, pod.metadata?.namespace ?? '')
      .map(asReplicaSet)
      .filter((rs) => {
        const selector = fromLabelSelector(rs.spec?.selector);
        return selector !== null && selector.length > 0 && matches(selector, labels);
      });
  }

  private updateRS(old: ReplicaSet, cur: ReplicaSet): void {
    // Deleted and recreated under the same name between two events: forget the old one first.
    if (cur.metadata?.uid !== old.metadata?.uid) this.deleteRS(old);
    this.enqueue(namespacedName(cur));
  }

  private deleteRS(rs: ReplicaSet): void {
    const key = namespacedName(rs);
    // A ReplicaSet recreated with the same name must start with clean expectations.
    this.expectations.delete(key);
    this.enqueue(key);
  }

  private addPod(pod: Pod): void {
    // Seen already being deleted (after a restart): a deletion, never a creation observed.
    if (pod.metadata?.deletionTimestamp) return this.deletePod(pod);
    const ref = controllerOf(pod);
    if (ref) {
      const rs = this.resolve(pod.metadata?.namespace, ref);
      if (!rs) return;
      const key = namespacedName(rs);
      this.expectations.creationObserved(key);
      return this.enqueue(key);
    }
    // An orphan: every ReplicaSet that might adopt it syncs; no creation is observed.
    for (const rs of this.podReplicaSets(pod)) this.enqueue(namespacedName(rs));
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (cur.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    const labelChanged = !equal(cur.metadata?.labels, old.metadata?.labels);
    // Graceful deletion starts: replace the pod now rather than when the kubelet finishes.
    if (cur.metadata?.deletionTimestamp) {
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !equal(curRef, oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolve(old.metadata?.namespace, oldRef);
      if (rs) this.enqueue(namespacedName(rs));
    }
    if (curRef) return this.updateOwnedPod(old, cur, curRef);
    if (labelChanged || refChanged)
      for (const rs of this.podReplicaSets(cur)) this.enqueue(namespacedName(rs));
  }

  private updateOwnedPod(old: Pod, cur: Pod, ref: OwnerReference): void {
    const rs = this.resolve(cur.metadata?.namespace, ref);
    if (!rs) return;
    const key = namespacedName(rs);
    this.enqueue(key);
    // The pod becomes available minReadySeconds after turning Ready; look again then, plus a
    // second against millisecond skew (kubernetes/kubernetes#39785).
    const minReady = rs.spec?.minReadySeconds ?? 0;
    if (!isPodReady(old) && isPodReady(cur) && minReady > 0)
      this.queue.addAfter(key, (minReady + 1) * 1000);
  }

  private deletePod(pod: Pod): void {
    const ref = controllerOf(pod);
    // Nobody waits for an orphan to go.
    if (!ref) return;
    const rs = this.resolve(pod.metadata?.namespace, ref);
    if (!rs) return;
    const key = namespacedName(rs);
    this.expectations.deletionObserved(key, podKey(pod));
    this.enqueue(key);
  }
}

/** Builds the ReplicaSet controller. */
export function createReplicaSetController(engine: Engine): Component {
  return new ReplicaSetController(engine);
}
