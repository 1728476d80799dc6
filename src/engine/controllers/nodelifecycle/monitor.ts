import type { Lease, Node, NodeCondition, Pod } from '../../api/types';
import { allSettled, request, sleep, type Task } from '../../client/task';
import { BY_NODE_NAME } from '../tainteviction/podsByNode';
import type { LifecycleContext } from './context';
import {
  NODE_NOT_READY_STATUS,
  REGISTERED_NODE,
  REMOVING_NODE,
  recordNodeEvent,
  recordNodeStatusChange,
  registeredNode,
  removingNode,
} from './events';
import { markPodsNotReady } from './markPodsNotReady';
import { checkNodeHealth, type HealthCheck, type NodeHealth } from './nodeHealth';
import { NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE, taintExists } from './taints';
import { markNodeAsReachable, processTaintBaseEviction } from './noExecuteTainting';
import { LABEL_EXCLUDE_DISRUPTION, zoneKey } from './zones';

// One monitorNodeHealth pass over every node, every node-monitor-period (5 s). It is the only
// place that scans all nodes, and for a healthy node it sends nothing. [SCALE1]
//   [MON1] a node seen for the first time gets a RegisteredNode event; a vanished one RemovingNode.
//   [MON2] nodes are checked by 8 workers in parallel (ParallelizeUntil); a failed status write
//          re-reads the node and retries, 5 attempts 20 ms apart, then the node is skipped.
//   [MON3] a node that just stopped being Ready gets a NodeNotReady event and its pods are marked
//          not Ready; if marking fails it is retried on later passes.
//   [MON4] afterwards the zones' states and tainting rates are updated (zones.ts).

/** How often the pass runs (--node-monitor-period), in ms. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
const WORKERS = 8;
const STATUS_ATTEMPTS = 5;
const STATUS_RETRY_MS = 20;
const LEASE_NAMESPACE = 'kube-node-lease';

const asNode = (o: unknown): Node => o as Node;

/** The controller's memory of nodes between passes. */
export class NodeHealthMonitor {
  /** Per node: last observed health, in the controller's clock. */
  readonly health = new Map<string, NodeHealth>();
  private readonly known = new Map<string, Node>();
  private readonly nodesToRetry = new Set<string>();

  constructor(private readonly ctx: LifecycleContext) {}

  /** Runs one pass. */
  *monitorNodeHealth(): Task<void> {
    const { ctx } = this;
    const nodes = ctx.nodes.items().map(asNode);
    const { added, deleted, newZones } = this.classify(nodes);
    for (const n of newZones) ctx.zones.add(zoneKey(n));
    for (const n of added) {
      recordNodeEvent(ctx.recorder, n, REGISTERED_NODE, registeredNode(name(n)));
      this.known.set(name(n), n);
      ctx.zones.add(zoneKey(n));
      yield* markNodeAsReachable(ctx, n);
    }
    for (const n of deleted) {
      recordNodeEvent(ctx.recorder, n, REMOVING_NODE, removingNode(name(n)));
      this.known.delete(name(n));
    }
    const zoneConditions = new Map<string, (NodeCondition | undefined)[]>();
    const cursor = { next: 0 };
    yield* allSettled(
      Array.from({ length: Math.min(WORKERS, nodes.length) }, () =>
        this.worker(nodes, cursor, zoneConditions),
      ),
    );
    if (!ctx.alive()) return;
    const action = ctx.zones.handleDisruption(zoneConditions, ctx.now());
    if (action === 'markAllReachable') {
      for (const n of nodes) yield* markNodeAsReachable(ctx, n);
      ctx.zones.stopTainting(ctx.now());
    } else if (action === 'resetProbes') {
      const now = ctx.now();
      for (const h of this.health.values()) {
        h.probeTimestamp = now;
        h.readyTransitionTimestamp = now;
      }
    }
  }

  private *worker(
    nodes: readonly Node[],
    cursor: { next: number },
    zoneConditions: Map<string, (NodeCondition | undefined)[]>,
  ): Task<void> {
    while (cursor.next < nodes.length && this.ctx.alive()) {
      const check = this.check(nodes[cursor.next++] as Node);
      // Most nodes on most passes are Ready, stay so, carry no NoExecute taint and are owed
      // nothing: they need no task and no API call. [SCALE1]
      if (this.steady(check)) {
        this.recordZone(check, zoneConditions);
        this.ctx.zones.tainters.get(zoneKey(check.node))?.remove(name(check.node));
      } else yield* this.updateNode(check, zoneConditions);
    }
  }

  /** Sorts nodes into new, deleted, and known ones in a zone not seen yet. [MON1] */
  private classify(nodes: readonly Node[]): { added: Node[]; deleted: Node[]; newZones: Node[] } {
    const added: Node[] = [];
    const newZones: Node[] = [];
    for (const n of nodes) {
      if (!this.known.has(name(n))) added.push(n);
      else if (!this.ctx.zones.states.has(zoneKey(n))) newZones.push(n);
    }
    const deleted: Node[] = [];
    if (this.known.size + added.length !== nodes.length) {
      const present = new Set(nodes.map(name));
      for (const [k, n] of this.known) if (!present.has(k)) deleted.push(n);
    }
    return { added, deleted, newZones };
  }

  /** Checks one node's heartbeats against its Lease and what the last pass saw. */
  private check(node: Node): HealthCheck {
    const nodeName = name(node);
    const lease = this.ctx.leases.get(`${LEASE_NAMESPACE}/${nodeName}`) as Lease | undefined;
    const check = checkNodeHealth(this.health.get(nodeName), node, lease, this.ctx.now());
    this.health.set(nodeName, check.health);
    return check;
  }

  private steady({ node, observedReady, currentReady, updateStatus }: HealthCheck): boolean {
    const taints = node.spec?.taints;
    return (
      !updateStatus &&
      observedReady.status === 'True' &&
      currentReady?.status === 'True' &&
      !taintExists(taints, UNREACHABLE_NO_EXECUTE) &&
      !taintExists(taints, NOT_READY_NO_EXECUTE) &&
      !this.nodesToRetry.has(name(node))
    );
  }

  private recordZone(
    { node, currentReady }: HealthCheck,
    zoneConditions: Map<string, (NodeCondition | undefined)[]>,
  ): void {
    if (LABEL_EXCLUDE_DISRUPTION in (node.metadata?.labels ?? {})) return;
    const zone = zoneKey(node);
    let list = zoneConditions.get(zone);
    if (!list) zoneConditions.set(zone, (list = []));
    list.push(currentReady);
  }

  /** Writes a silent node's status, then taints, events and pods as its Ready condition calls for. [MON3] */
  private *updateNode(
    first: HealthCheck,
    zoneConditions: Map<string, (NodeCondition | undefined)[]>,
  ): Task<void> {
    const { ctx } = this;
    const checked = first.updateStatus ? yield* this.writeStatus(first) : first;
    if (!checked) return;
    const { node, observedReady, currentReady } = checked;
    const nodeName = name(node);
    this.recordZone(checked, zoneConditions);
    if (currentReady) {
      yield* processTaintBaseEviction(ctx, node, observedReady);
      const becameNotReady = currentReady.status !== 'True' && observedReady.status === 'True';
      const retry = this.nodesToRetry.has(nodeName) && observedReady.status !== 'True';
      if (becameNotReady) recordNodeStatusChange(ctx.recorder, node, NODE_NOT_READY_STATUS);
      if (becameNotReady || retry) {
        // Read only when needed: a healthy node's pass touches none of its pods. [SCALE1]
        const pods = ctx.pods.byIndex(BY_NODE_NAME, nodeName) as unknown as Pod[];
        const marked = yield* markPodsNotReady(pods, nodeName, ctx.recorder, () => ctx.now());
        if (!marked) {
          this.nodesToRetry.add(nodeName);
          return;
        }
      }
    }
    this.nodesToRetry.delete(nodeName);
  }

  /** Writes the Unknown conditions; a failure re-reads the node and checks again. [MON2] */
  private *writeStatus(first: HealthCheck): Task<HealthCheck | undefined> {
    const { ctx } = this;
    const nodeName = name(first.node);
    let check = first;
    for (let attempt = 1; ; attempt++) {
      if (!check.updateStatus) return check;
      const res = yield* request({
        verb: 'update',
        resource: 'nodes',
        subresource: 'status',
        name: nodeName,
        body: check.node,
      });
      if (!res.error) {
        this.health.set(nodeName, {
          status: check.node.status ?? {},
          probeTimestamp: check.health.probeTimestamp,
          readyTransitionTimestamp: ctx.now(),
          lease: ctx.leases.get(`${LEASE_NAMESPACE}/${nodeName}`) as Lease | undefined,
        });
        return check;
      }
      if (attempt === STATUS_ATTEMPTS) return undefined;
      const fresh = yield* request({ verb: 'get', resource: 'nodes', name: nodeName });
      if (fresh.error) return undefined;
      yield* sleep(STATUS_RETRY_MS);
      check = this.check(fresh.body as Node);
    }
  }
}

function name(node: Node): string {
  return node.metadata?.name ?? '';
}
