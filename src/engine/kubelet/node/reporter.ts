import type { KubeObject } from '../../api/object';
import type { Node, NodeCondition } from '../../api/types';
import type { Client } from '../../client/client';
import type { EventRecorder } from '../../client/eventRecorder';
import type { EventLoop, Timer } from '../../clock/eventLoop';
import type { Co } from '../coroutine';
import { request, runCo } from '../coroutine';
import { ALLOCATABLE_ENFORCED, Reason, STARTING_KUBELET, nodeStatusNow } from '../events';
import type { Containerd } from '../runtime/containerd';
import type { NodeFacts, NodeStatus } from './nodeObject';
import { nodeConditions, nodeObject, nodeStatus } from './nodeObject';
import { conditionEvents, nodeStatusChanged } from './statusChange';

// Node registration and status (kubelet_node_status.go: registerWithAPIServer, updateNodeStatus,
// tryUpdateNodeStatus).
//   [NSTAT1] the kubelet POSTs its Node; if it already exists (a restarted kubelet) it reads it.
//   [NSTAT2] right after registering it PATCHes nodes/<node>/status with the full status, computed
//            from the Node it created or found: nothing has been reported yet in this run.
//   [NSTAT3] a round starts 10 s (nodeStatusUpdateFrequency) after the previous one ended. It
//            GETs the Node, computes the status from the Node's conditions, and PATCHes when that
//            status differs from the Node's [NSTAT6] or 5 min (nodeStatusReportFrequency) have
//            passed since the last answered PATCH. lastHeartbeatTime only moves when it PATCHes.
//   [NSTAT4] events: "Starting kubelet." once per start; once registered, "Node x status is now:
//            …" for each condition that became what it is and "Updated Node Allocatable limit
//            across pods"; in every round, the condition setters' events [NSTAT7].
//   [NSTAT5] a round makes up to 5 tries (nodeStatusUpdateRetry): the first GET is served from
//            the apiserver's cache (resourceVersion "0"), later ones from etcd; a failed GET or
//            PATCH moves on to the next try at once. Cut off from the apiserver, every try waits
//            out the 10 s request timeout, so a round lasts 50 s and the next starts 10 s later.

/** How often the kubelet checks its node status, in ms. [NSTAT3] */
export const NODE_STATUS_UPDATE_MS = 10_000;
/** How often it posts an unchanged status, in ms. [NSTAT3] */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
/** How many tries one status round makes. [NSTAT5] */
export const NODE_STATUS_UPDATE_RETRY = 5;

/** Registers the node and reports its status. */
export class NodeReporter {
  private node: Node | undefined;
  /** When a status PATCH was last answered (lastStatusReportTime). [NSTAT3] */
  private lastReportMs = -Infinity;
  private timer: Timer | undefined;

  constructor(
    private readonly facts: NodeFacts,
    private readonly client: Client,
    private readonly loop: EventLoop,
    private readonly recorder: EventRecorder,
    private readonly runtime: Containerd,
  ) {}

  /** Returns the node's uid once registered. */
  uid(): string | undefined {
    return this.node?.metadata?.uid;
  }

  /** Records that the kubelet process started (kubelet.go BirthCry). [NSTAT4] */
  birthCry(): void {
    this.recorder.event(this.ref(), 'Normal', Reason.Starting, STARTING_KUBELET);
  }

  /** Registers (or finds) the Node and PATCHes its first status; done(ok) when finished. */
  register(alive: () => boolean, done: (ok: boolean) => void): void {
    this.lastReportMs = -Infinity;
    runCo(this.registration(), alive, done);
  }

  /** Starts the status rounds, each 10 s after the previous one ended. [NSTAT3] */
  startLoop(alive: () => boolean): void {
    this.timer = this.loop.schedule(
      NODE_STATUS_UPDATE_MS,
      () => runCo(this.updateNodeStatus(), alive, () => this.startLoop(alive)),
      { background: true },
    );
  }

  /** Stops the status loop. */
  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private *registration(): Co<boolean> {
    const body = nodeObject(this.facts, this.status(undefined));
    const created = yield* request(this.client, { verb: 'create', resource: 'nodes', body });
    let before: readonly NodeCondition[] | undefined;
    if (created.code === 201) this.node = created.body as Node;
    else if (created.code === 409) {
      const name = this.facts.spec.name;
      const got = yield* request(this.client, { verb: 'get', resource: 'nodes', name });
      if (got.error) return false;
      this.node = got.body as Node;
      before = this.node.status?.conditions;
    } else return false;
    const status = this.status(before);
    yield* this.patchStatus(status);
    const events = conditionEvents(before, status.conditions ?? []);
    for (const e of events) if (e !== Reason.NodeReady) this.recordConditionEvent(e);
    this.recorder.event(this.ref(), 'Normal', Reason.NodeAllocatableEnforced, ALLOCATABLE_ENFORCED);
    // A real new node starts NotReady until its runtime and network are up, then records
    // NodeReady; here it is Ready from its first status, so NodeReady comes with registration.
    if (!before || events.includes(Reason.NodeReady)) this.recordConditionEvent(Reason.NodeReady);
    return true;
  }

  /** One status round: up to 5 tries; true once one of them succeeded. [NSTAT5] */
  private *updateNodeStatus(): Co<boolean> {
    const name = this.facts.spec.name;
    for (let attempt = 0; attempt < NODE_STATUS_UPDATE_RETRY; attempt++) {
      const fromCache = attempt === 0 ? { resourceVersion: '0' } : {};
      const got = yield* request(this.client, {
        verb: 'get',
        resource: 'nodes',
        name,
        ...fromCache,
      });
      if (got.error) continue;
      this.node = got.body as Node;
      if (yield* this.reportStatus(this.node)) return true;
    }
    return false;
  }

  /** PATCHes the status computed from the Node if it changed or is due. [NSTAT3] */
  private *reportStatus(original: Node): Co<boolean> {
    const status = this.status(original.status?.conditions);
    for (const e of conditionEvents(original.status?.conditions, status.conditions ?? []))
      this.recordConditionEvent(e);
    const due = this.loop.now() - this.lastReportMs >= NODE_STATUS_REPORT_MS;
    if (!due && !nodeStatusChanged(original.status, status)) return true;
    return yield* this.patchStatus(status);
  }

  /** PATCHes the status; only an answered PATCH counts as reported, so a lost one is resent. */
  private *patchStatus(status: NodeStatus): Co<boolean> {
    const now = this.loop.now();
    const res = yield* request(this.client, {
      verb: 'patch',
      resource: 'nodes',
      name: this.facts.spec.name,
      subresource: 'status',
      patchType: 'strategic',
      body: { status },
    });
    if (res.error) return false;
    this.lastReportMs = now;
    this.node = res.body as Node;
    return true;
  }

  private status(previous: readonly NodeCondition[] | undefined): NodeStatus {
    const conditions = nodeConditions(previous, this.loop.now());
    return nodeStatus(this.facts, conditions, this.runtime.images.values());
  }

  private recordConditionEvent(event: string): void {
    const message = nodeStatusNow(this.facts.spec.name, event);
    this.recorder.event(this.ref(), 'Normal', event, message);
  }

  private ref(): KubeObject {
    // The kubelet's node reference uses the node name as its uid (kubelet.go: nodeRef).
    const name = this.facts.spec.name;
    return { kind: 'Node', metadata: { name, uid: name } };
  }
}
