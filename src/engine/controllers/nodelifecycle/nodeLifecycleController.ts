import type { Node } from '../../api/types';
import type { Component } from '../../component';
import { Controller, type ReconcileResult } from '../../client/controller';
import { Informer } from '../../client/informer';
import { call, type Task } from '../../client/task';
import type { Engine } from '../../engine';
import type { StoredObject } from '../../api/object';
import { reconcileNoScheduleTaints } from './taints';

/** The controller's name in the trace. */
export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';

/**
 * kube-controller-manager's node lifecycle controller. This part keeps the condition taints in
 * step with each node (doNoScheduleTaintingPass): a node registers with
 * node.kubernetes.io/not-ready:NoSchedule and loses it once its kubelet reports Ready; a cordoned
 * node gains node.kubernetes.io/unschedulable:NoSchedule.
 */
export class NodeLifecycleController extends Controller {
  private readonly nodes: Informer<StoredObject>;

  constructor(engine: Engine) {
    super(NODE_LIFECYCLE_CONTROLLER, engine.deps(NODE_LIFECYCLE_CONTROLLER));
    this.nodes = new Informer(this.deps.client, { resource: 'nodes' });
    this.nodes.addHandlers({
      add: (n) => this.enqueue(n.metadata.name),
      update: (_old, n) => this.enqueue(n.metadata.name),
    });
  }

  protected informers(): Informer[] {
    return [this.nodes];
  }

  protected *reconcile(key: string): Task<ReconcileResult | void> {
    const node = this.nodes.get(key) as unknown as Node | undefined;
    if (!node) return;
    const taints = reconcileNoScheduleTaints(node);
    if (!taints) return;
    // A patch carrying the resourceVersion it was computed from, as SwapNodeControllerTaint does:
    // if the node moved meanwhile, the 409 requeues this key and the next pass sees the new state.
    yield* call({
      verb: 'patch',
      resource: 'nodes',
      name: key,
      patchType: 'strategic',
      body: { metadata: { resourceVersion: node.metadata?.resourceVersion }, spec: { taints } },
    });
  }
}

/** Builds the node lifecycle controller. */
export function createNodeLifecycleController(engine: Engine): Component {
  return new NodeLifecycleController(engine);
}
