import { describe, expect, it } from 'vitest';
import type { Lease, Node, NodeCondition } from '../../api/types';
import { rfc3339, rfc3339Micro } from '../../clock/time';
import {
  checkNodeHealth,
  NODE_MONITOR_GRACE_PERIOD_MS,
  NODE_STARTUP_GRACE_PERIOD_MS,
  type NodeHealth,
} from './nodeHealth';

const S = 1000;

const condition = (type: string, status: string, heartbeat = 0): NodeCondition => ({
  type,
  status,
  reason: `Kubelet${type}`,
  message: `kubelet says ${type}`,
  lastHeartbeatTime: rfc3339(heartbeat),
  lastTransitionTime: rfc3339(0),
});

const node = (conditions?: NodeCondition[]): Node => ({
  metadata: { name: 'node-1', creationTimestamp: rfc3339(0) },
  status: conditions ? { conditions } : {},
});

const reporting = (heartbeat = 0): Node =>
  node(
    ['MemoryPressure', 'DiskPressure', 'PIDPressure']
      .map((t) => condition(t, 'False', heartbeat))
      .concat(condition('Ready', 'True', heartbeat)),
  );

const lease = (renewMs: number): Lease => ({
  metadata: { name: 'node-1', namespace: 'kube-node-lease' },
  spec: { renewTime: rfc3339Micro(renewMs) },
});

/** Checks a node at each time in turn, carrying the health forward, as the monitor does. */
function observe(steps: [number, Node, Lease | undefined][]): ReturnType<typeof checkNodeHealth> {
  let health: NodeHealth | undefined;
  let last: ReturnType<typeof checkNodeHealth> | undefined;
  for (const [at, n, l] of steps) {
    last = checkNodeHealth(health, n, l, at);
    health = last.health;
  }
  return last as ReturnType<typeof checkNodeHealth>;
}

describe('checkNodeHealth (tryUpdateNodeHealth)', () => {
  it('[HEALTH1] starts the clock when it first sees a node', () => {
    const c = checkNodeHealth(undefined, reporting(), lease(0), 7 * S);
    expect(c.health.probeTimestamp).toBe(7 * S);
    expect(c.updateStatus).toBe(false);
  });

  it('[HEALTH1] counts a renewed Lease as a heartbeat, seen in its own clock', () => {
    const c = observe([
      [0, reporting(), lease(0)],
      [10 * S, reporting(), lease(0)],
      [15 * S, reporting(), lease(12 * S)],
    ]);
    expect(c.health.probeTimestamp).toBe(15 * S);
  });

  it('[HEALTH1] counts a new Ready lastHeartbeatTime as a heartbeat', () => {
    const c = observe([
      [0, reporting(0), undefined],
      [20 * S, reporting(20 * S), undefined],
    ]);
    expect(c.health.probeTimestamp).toBe(20 * S);
    expect(c.health.readyTransitionTimestamp).toBe(0);
  });

  it('[HEALTH2][HEALTH3] marks every monitored condition Unknown after the grace period', () => {
    const grace = NODE_MONITOR_GRACE_PERIOD_MS;
    const fresh = observe([
      [0, reporting(), lease(0)],
      [grace - 1, reporting(), lease(0)],
    ]);
    expect(fresh.updateStatus).toBe(false);
    const stale = observe([
      [0, reporting(), lease(0)],
      [grace, reporting(), lease(0)],
    ]);
    expect(stale.updateStatus).toBe(true);
    expect(stale.observedReady.status).toBe('True');
    expect(stale.currentReady?.status).toBe('Unknown');
    expect(stale.node.status?.conditions).toEqual(
      ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
        type,
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastHeartbeatTime: rfc3339(0),
        lastTransitionTime: rfc3339(grace),
      })),
    );
  });

  it('[HEALTH4] writes nothing once the node is already Unknown', () => {
    const unknown = observe([
      [0, reporting(), lease(0)],
      [60 * S, reporting(), lease(0)],
    ]).node;
    const again = checkNodeHealth(
      {
        probeTimestamp: 0,
        readyTransitionTimestamp: 0,
        status: unknown.status ?? {},
        lease: lease(0),
      },
      unknown,
      lease(0),
      65 * S,
    );
    expect(again.updateStatus).toBe(false);
    expect(again.currentReady?.status).toBe('Unknown');
  });

  it('[HEALTH2][HEALTH3] gives a node that never posted status the startup grace period', () => {
    const early = checkNodeHealth(undefined, node(), undefined, NODE_STARTUP_GRACE_PERIOD_MS - 1);
    expect(early.updateStatus).toBe(false);
    expect(early.health.probeTimestamp).toBe(0);
    const late = checkNodeHealth(undefined, node(), undefined, NODE_STARTUP_GRACE_PERIOD_MS);
    expect(late.updateStatus).toBe(true);
    expect(late.node.status?.conditions?.map((c) => [c.type, c.reason, c.message])).toEqual(
      ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((t) => [
        t,
        'NodeStatusNeverUpdated',
        'Kubelet never posted node status.',
      ]),
    );
    expect(late.node.status?.conditions?.[0]?.lastHeartbeatTime).toBe(rfc3339(0));
  });

  it('[HEALTH1] does not trust kubelet timestamps: an old heartbeat seen late starts the clock', () => {
    const c = observe([
      [0, reporting(0), undefined],
      [100 * S, reporting(5 * S), undefined],
      [100 * S + NODE_MONITOR_GRACE_PERIOD_MS - 1, reporting(5 * S), undefined],
    ]);
    expect(c.updateStatus).toBe(false);
  });
});
