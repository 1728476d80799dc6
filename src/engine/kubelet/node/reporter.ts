import equal from 'fast-deep-equal';
import type { KubeObject } from '../../api/object';
import type { Node, NodeCondition } from '../../api/types';
import type { Client } from '../../client/client';
import type { EventRecorder } from '../../client/eventRecorder';
import type { EventLoop, Timer } from '../../clock/eventLoop';
import { ALLOCATABLE_ENFORCED, Reason, STARTING_KUBELET, nodeStatusNow } from '../events';
import type { Containerd } from '../runtime/containerd';
import type { NodeFacts, NodeStatus } from './nodeObject';
import { CONDITION_EVENTS, nodeConditions, nodeObject, nodeStatus } from './nodeObject';

// Node registration and status (kubelet_node_status.go: registerWithAPIServer, updateNodeStatus).
//   [NSTAT1] the kubelet POSTs its Node; if it already exists (a restarted kubelet) it reads it.
//   [NSTAT2] right after registering it PATCHes nodes/<node>/status with the full status.
//   [NSTAT3] every 10 s (nodeStatusUpdateFrequency) it compares the status; it PATCHes when
//          something changed or 5 min (nodeStatusReportFrequency) have passed. lastHeartbeatTime
//          only moves when status is posted.
//   [NSTAT4] events: "Starting kubelet.", each condition's "Node x status is now: …" when it becomes
//          what it is, and "Updated Node Allocatable limit across pods".

/** How often the kubelet checks its node status, in ms. [NSTAT3] */
export const NODE_STATUS_UPDATE_MS = 10_000;
/** How often it posts an unchanged status, in ms. [NSTAT3] */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

/** Registers the node and reports its status. */
export class NodeReporter {
  private node: Node | undefined;
  private lastPosted: NodeStatus | undefined;
  private lastPostMs = -Infinity;
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

  /** Registers (or finds) the Node and posts its first status; done(ok) when finished. [NSTAT1][NSTAT2] */
  register(alive: () => boolean, done: (ok: boolean) => void): void {
    const name = this.facts.spec.name;
    this.recorder.event(this.ref(), 'Normal', Reason.Starting, STARTING_KUBELET);
    const now = this.loop.now();
    const body = nodeObject(
      this.facts,
      nodeStatus(this.facts, nodeConditions(undefined, now), this.runtime.images.values()),
    );
    this.client.request({ verb: 'create', resource: 'nodes', body }, (res) => {
      if (!alive()) return;
      if (res.code === 201) return this.posted(res.body as Node, undefined, alive, done);
      if (res.code !== 409) return done(false);
      this.client.request({ verb: 'get', resource: 'nodes', name }, (got) => {
        if (!alive()) return;
        if (got.error) return done(false);
        const existing = got.body as Node;
        this.posted(existing, existing.status?.conditions, alive, done);
      });
    });
  }

  /** Starts the 10-second status loop. [NSTAT3] */
  startLoop(alive: () => boolean): void {
    this.timer = this.loop.schedule(
      NODE_STATUS_UPDATE_MS,
      () => {
        if (!alive()) return;
        this.update(false, alive);
        this.startLoop(alive);
      },
      { background: true },
    );
  }

  /** Stops the status loop. */
  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private posted(
    node: Node,
    before: readonly NodeCondition[] | undefined,
    alive: () => boolean,
    done: (ok: boolean) => void,
  ): void {
    this.node = node;
    this.update(true, alive, () => {
      const after = this.node?.status?.conditions ?? [];
      for (const c of after) {
        const old = before?.find((b) => b.type === c.type);
        const event = CONDITION_EVENTS[c.type];
        if (event && c.type !== 'Ready' && old?.status !== c.status)
          this.recorder.event(
            this.ref(),
            'Normal',
            event,
            nodeStatusNow(this.facts.spec.name, event),
          );
      }
      this.recorder.event(
        this.ref(),
        'Normal',
        Reason.NodeAllocatableEnforced,
        ALLOCATABLE_ENFORCED,
      );
      const ready = after.find((c) => c.type === 'Ready');
      if (ready && before?.find((b) => b.type === 'Ready')?.status !== ready.status)
        this.recorder.event(
          this.ref(),
          'Normal',
          Reason.NodeReady,
          nodeStatusNow(this.facts.spec.name, Reason.NodeReady),
        );
      done(true);
    });
  }

  /** Posts the status if it changed, if forced, or if 5 min passed. [NSTAT3] */
  private update(force: boolean, alive: () => boolean, after?: () => void): void {
    const now = this.loop.now();
    const previous = this.node?.status;
    const status = nodeStatus(
      this.facts,
      nodeConditions(previous?.conditions, now),
      this.runtime.images.values(),
    );
    const due = now - this.lastPostMs >= NODE_STATUS_REPORT_MS;
    if (!force && !due && equal(withoutHeartbeats(status), withoutHeartbeats(this.lastPosted)))
      return after?.();
    this.lastPostMs = now;
    this.lastPosted = status;
    const name = this.facts.spec.name;
    this.client.request(
      {
        verb: 'patch',
        resource: 'nodes',
        name,
        subresource: 'status',
        patchType: 'strategic',
        body: { status },
      },
      (res) => {
        if (!alive()) return;
        if (!res.error) this.node = res.body as Node;
        after?.();
      },
    );
  }

  private ref(): KubeObject {
    // The kubelet's node reference uses the node name as its uid (kubelet.go: nodeRef).
    const name = this.facts.spec.name;
    return { kind: 'Node', metadata: { name, uid: name } };
  }
}

function withoutHeartbeats(s: NodeStatus | undefined): unknown {
  if (!s) return undefined;
  return {
    ...s,
    conditions: s.conditions?.map(({ lastHeartbeatTime: _h, ...c }: NodeCondition) => c),
  };
}
