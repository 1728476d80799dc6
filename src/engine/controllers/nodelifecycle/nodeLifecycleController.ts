import type { StoredObject } from '../../api/object';
import { namespacedName } from '../../api/object';
import type { Node, Pod } from '../../api/types';
import { Controller } from '../../client/controller';
import type { EventRecorder } from '../../client/eventRecorder';
import { Informer } from '../../client/informer';
import type { Task } from '../../client/task';
import type { Component } from '../../component';
import type { Engine } from '../../engine';
import { BY_NODE_NAME, podNodeName } from '../tainteviction/podsByNode';
import { NODE_CONTROLLER_SOURCE } from './events';
import { LifecycleLoops } from './loops';
import { markPodsNotReady } from './markPodsNotReady';
import { nodeCondition } from './nodeHealth';
import { swapNodeControllerTaint } from './swapTaint';
import { noScheduleTaintDiff } from './taints';

/** The controller's name in the trace. */
export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';

/**
 * kube-controller-manager's node lifecycle controller (pkg/controller/nodelifecycle):
 * - its work queue holds node names, whose condition taints (NoSchedule) are kept in step with
 *   the node (doNoScheduleTaintingPass), and pod keys ("namespace/name") of pods just bound to a
 *   node that is not Ready, which are marked not Ready (processPod);
 * - its timed loops (loops.ts) turn silent nodes Unknown every 5 s (monitor.ts) and add NoExecute
 *   taints at a limited rate (noExecuteTainting.ts).
 */
export class NodeLifecycleController extends Controller {
  private readonly nodes: Informer<StoredObject>;
  private readonly leases: Informer<StoredObject>;
  private readonly pods: Informer<StoredObject>;
  private readonly recorder: EventRecorder;
  private loops: LifecycleLoops | undefined;

  constructor(engine: Engine) {
    super(NODE_LIFECYCLE_CONTROLLER, engine.deps(NODE_LIFECYCLE_CONTROLLER));
    const { client } = this.deps;
    this.recorder = this.deps.recorder({ component: NODE_CONTROLLER_SOURCE });
    this.nodes = new Informer(client, { resource: 'nodes' });
    this.leases = new Informer(client, { resource: 'leases', namespace: 'kube-node-lease' });
    this.pods = new Informer(client, { resource: 'pods' });
    this.pods.addIndexer(BY_NODE_NAME, podNodeName);
    this.nodes.addHandlers({
      add: (n) => this.enqueue(n.metadata.name),
      update: (_old, n) => this.enqueue(n.metadata.name),
    });
    this.pods.addHandlers({
      add: (p) => this.podUpdated(undefined, p as unknown as Pod),
      update: (old, p) => this.podUpdated(old as unknown as Pod, p as unknown as Pod),
    });
  }

  protected informers(): Informer[] {
    return [this.leases, this.nodes, this.pods];
  }

  protected *reconcile(key: string): Task<void> {
    // Node names cannot contain "/", pod keys always do.
    if (key.includes('/')) yield* this.processPod(key);
    else yield* this.doNoScheduleTaintingPass(key);
  }

  override startInformers(): void {
    super.startInformers();
    const { nodes, leases, pods } = this;
    this.loops = new LifecycleLoops({ nodes, leases, pods }, this.deps, this.recorder);
    this.loops.start();
  }

  override stopInformers(): void {
    super.stopInformers();
    // A restarted process remembers nothing: health, zones and queues start afresh.
    this.loops?.stop();
    this.loops = undefined;
  }

  protected override details(): Record<string, unknown> {
    return {
      zones: Object.fromEntries(this.loops?.ctx.zones.states ?? []),
      taintQueue: this.loops?.waiting() ?? [],
    };
  }

  /** Condition taints (NoSchedule) for one node; a failure waits for the node's next change. */
  private *doNoScheduleTaintingPass(name: string): Task<void> {
    const node = this.nodes.get(name) as unknown as Node | undefined;
    const diff = node && noScheduleTaintDiff(node);
    if (!node || !diff) return;
    const { loop, rng } = this.deps;
    yield* swapNodeControllerTaint(node, diff.add, diff.remove, loop.now(), rng);
  }

  /** A pod just bound to a node that is not Ready is marked not Ready too (processPod). */
  private *processPod(key: string): Task<void> {
    const pod = this.pods.get(key) as unknown as Pod | undefined;
    const nodeName = pod?.spec?.nodeName ?? '';
    const health = this.loops?.monitor.health.get(nodeName);
    if (!pod || !health) return;
    if (!this.nodes.get(nodeName)) throw new Error(`node "${nodeName}" not found`);
    const ready = nodeCondition(health.status, 'Ready');
    if (!ready || ready.status === 'True') return;
    const { loop } = this.deps;
    if (!(yield* markPodsNotReady([pod], nodeName, this.recorder, () => loop.now())))
      throw new Error(`unable to mark pod ${key} NotReady on node ${nodeName}`);
  }

  private podUpdated(old: Pod | undefined, pod: Pod): void {
    const node = pod.spec?.nodeName;
    if (node && node !== old?.spec?.nodeName) this.enqueue(namespacedName(pod));
  }
}

/** Builds the node lifecycle controller. */
export function createNodeLifecycleController(engine: Engine): Component {
  return new NodeLifecycleController(engine);
}
