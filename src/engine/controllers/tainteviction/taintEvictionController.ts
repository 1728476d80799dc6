import equal from 'fast-deep-equal';
import type { StoredObject } from '../../api/object';
import { namespacedName, splitKey } from '../../api/object';
import type { Node, Pod, Taint, Toleration } from '../../api/types';
import { Controller } from '../../client/controller';
import type { EventRecorder } from '../../client/eventRecorder';
import { Informer } from '../../client/informer';
import { runTask, type Task } from '../../client/task';
import type { Component } from '../../component';
import type { Engine } from '../../engine';
import { cancellingDeletion, deletePod, podRef, TAINT_MANAGER_EVICTION } from './deletePod';
import { BY_NODE_NAME, podNodeName } from './podsByNode';
import { TimedWorkerQueue } from './timedWorkers';
import { matchingTolerations, minTolerationMs, noExecuteTaints } from './tolerations';

/** The controller's name, in the trace and as its events' source. */
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

const asPod = (o: StoredObject): Pod => o as unknown as Pod;
const asNode = (o: StoredObject): Node => o as unknown as Node;

/**
 * kube-controller-manager's taint eviction controller (pkg/controller/tainteviction, its own
 * controller since v1.29): pods on a node with NoExecute taints they do not tolerate are deleted
 * at once; pods tolerating them for tolerationSeconds are deleted when that runs out; pods
 * tolerating them forever stay. The queue holds node names and pod keys ("namespace/name").
 *   [TE1] a node is queued when its NoExecute taints change; a pod when its node or tolerations do.
 *   [TE2] tolerationSeconds count from when this controller saw the taint, not the taint's
 *         timeAdded; a deletion already scheduled earlier is kept.
 *   [TE3] when the taints go, scheduled deletions are cancelled with a TaintManagerEviction event.
 */
export class TaintEvictionController extends Controller {
  private readonly nodes: Informer<StoredObject>;
  private readonly pods: Informer<StoredObject>;
  private readonly recorder: EventRecorder;
  private readonly evictions: TimedWorkerQueue;
  private readonly taintedNodes = new Map<string, Taint[]>();

  constructor(engine: Engine) {
    super(TAINT_EVICTION_CONTROLLER, engine.deps(TAINT_EVICTION_CONTROLLER));
    const { client, loop } = this.deps;
    this.recorder = this.deps.recorder({ component: TAINT_EVICTION_CONTROLLER });
    this.evictions = new TimedWorkerQueue(loop, (key, done) => this.evict(key, done));
    this.nodes = new Informer(client, { resource: 'nodes' });
    this.pods = new Informer(client, { resource: 'pods' });
    this.pods.addIndexer(BY_NODE_NAME, podNodeName);
    this.nodes.addHandlers({
      add: (n) => this.nodeUpdated(undefined, asNode(n)),
      update: (old, n) => this.nodeUpdated(asNode(old), asNode(n)),
      delete: (n) => this.nodeUpdated(asNode(n), undefined),
    });
    this.pods.addHandlers({
      add: (p) => this.podUpdated(undefined, asPod(p)),
      update: (old, p) => this.podUpdated(asPod(old), asPod(p)),
      delete: (p) => this.podUpdated(asPod(p), undefined),
    });
  }

  protected informers(): Informer[] {
    return [this.pods, this.nodes];
  }

  // Deciding needs no API call: deletions run later, on their own timers (timedWorkers.ts).
  // eslint-disable-next-line require-yield
  protected *reconcile(key: string): Task<void> {
    // Node names cannot contain "/", pod keys always do.
    if (key.includes('/')) this.handlePodUpdate(key);
    else this.handleNodeUpdate(key);
  }

  protected override details(): Record<string, unknown> {
    return {
      taintedNodes: [...this.taintedNodes.keys()],
      scheduledEvictions: this.evictions.waiting(),
    };
  }

  override stopInformers(): void {
    super.stopInformers();
    // A restarted process starts with no timers and learns the taints again from its informers.
    this.evictions.clear();
    this.taintedNodes.clear();
  }

  /** [TE1] */
  private nodeUpdated(old: Node | undefined, cur: Node | undefined): void {
    const name = (cur ?? old)?.metadata?.name ?? '';
    if (old && cur && equal(noExecuteTaints(old.spec?.taints), noExecuteTaints(cur.spec?.taints)))
      return;
    this.enqueue(name);
  }

  /** [TE1] */
  private podUpdated(old: Pod | undefined, cur: Pod | undefined): void {
    const pod = (cur ?? old) as Pod;
    // A pod never bound has nothing to evict; upstream queues it and finds nothing to do.
    if (!old?.spec?.nodeName && !cur?.spec?.nodeName) return;
    if (
      old &&
      cur &&
      old.spec?.nodeName === cur.spec?.nodeName &&
      equal(old.spec?.tolerations ?? [], cur.spec?.tolerations ?? [])
    )
      return;
    this.enqueue(namespacedName(pod));
  }

  private handleNodeUpdate(name: string): void {
    const node = this.nodes.get(name) as unknown as Node | undefined;
    if (!node) {
      this.taintedNodes.delete(name);
      return;
    }
    const taints = noExecuteTaints(node.spec?.taints);
    if (taints.length === 0) this.taintedNodes.delete(name);
    else this.taintedNodes.set(name, taints);
    const pods = this.pods.byIndex(BY_NODE_NAME, name);
    if (taints.length === 0) {
      for (const p of pods) this.cancelWithEvent(namespacedName(p));
      return;
    }
    const now = this.deps.loop.now();
    for (const p of pods)
      this.processPodOnNode(namespacedName(p), asPod(p).spec?.tolerations, taints, now);
  }

  private handlePodUpdate(key: string): void {
    const cached = this.pods.get(key);
    if (!cached) {
      this.cancelWithEvent(key);
      return;
    }
    const pod = asPod(cached);
    const taints = this.taintedNodes.get(pod.spec?.nodeName ?? '');
    if (!taints) return;
    this.processPodOnNode(key, pod.spec?.tolerations, taints, this.deps.loop.now());
  }

  /** Schedules, keeps or cancels one pod's deletion. [TE2] */
  private processPodOnNode(
    key: string,
    tolerations: readonly Toleration[] | undefined,
    taints: readonly Taint[],
    now: number,
  ): void {
    const { allTolerated, used } = matchingTolerations(taints, tolerations);
    if (!allTolerated) {
      this.cancelWithEvent(key);
      this.evictions.add(key, now, now);
      return;
    }
    const tolerated = minTolerationMs(used);
    if (tolerated < 0) {
      this.cancelWithEvent(key);
      return;
    }
    let start = now;
    const scheduled = this.evictions.get(key);
    if (scheduled) {
      start = scheduled.createdAt;
      if (start + tolerated < now + tolerated) return;
      this.cancelWithEvent(key);
    }
    this.evictions.add(key, start, now + tolerated);
  }

  /** [TE3] */
  private cancelWithEvent(key: string): void {
    if (!this.evictions.cancel(key)) return;
    const { namespace = '', name } = splitKey(key);
    this.recorder.event(
      podRef(namespace, name),
      'Normal',
      TAINT_MANAGER_EVICTION,
      cancellingDeletion(key),
    );
  }

  private evict(key: string, done: () => void): void {
    const { namespace = '', name } = splitKey(key);
    const { client, loop } = this.deps;
    runTask(
      deletePod(this.recorder, namespace, name, () => loop.now()),
      client,
      loop,
      done,
    );
  }
}

/** Builds the taint eviction controller. */
export function createTaintEvictionController(engine: Engine): Component {
  return new TaintEvictionController(engine);
}
