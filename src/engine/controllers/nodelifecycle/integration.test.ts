import { describe, expect, it } from 'vitest';
import type { Lease, Node, NodeCondition, Pod, Taint } from '../../api/types';
import { parseTime } from '../../clock/time';
import { defaultNodes } from '../../cluster';
import type { Engine } from '../../engine';
import { sh } from '../../kubectl/testing';
import { eventsFor } from '../../kubelet/testing';
import { createSimulation } from '../../simulation';
import { NODE_MONITOR_GRACE_PERIOD_MS } from './nodeHealth';

// The whole cluster: kubelets stop and start, the node lifecycle controller notices, the taint
// eviction controller evicts, the ReplicaSet controller and scheduler replace.

const S = 1000;

function node(e: Engine, name: string): Node {
  return e.request('test', { verb: 'get', resource: 'nodes', name }).body as Node;
}

function ready(e: Engine, name: string): NodeCondition | undefined {
  return node(e, name).status?.conditions?.find((c) => c.type === 'Ready');
}

function noExecute(e: Engine, name: string): Taint[] {
  return (node(e, name).spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

function pods(e: Engine, nodeName?: string): Pod[] {
  const res = e.request('test', {
    verb: 'list',
    resource: 'pods',
    namespace: 'default',
    fieldSelector: nodeName ? `spec.nodeName=${nodeName}` : undefined,
  });
  return (res.body as { items: Pod[] }).items;
}

function lastRenew(e: Engine, name: string): number {
  const res = e.request('test', {
    verb: 'get',
    resource: 'leases',
    namespace: 'kube-node-lease',
    name,
  });
  return parseTime((res.body as Lease).spec?.renewTime);
}

/** A cluster of n nodes running web with one pod per node, once every pod is Running. */
function running(n = 3): Engine {
  const e = createSimulation({ nodes: defaultNodes(n) });
  sh(e, `kubectl create deployment web --image=nginx --replicas=${n}`);
  e.runFor(20 * S);
  return e;
}

const stop = (e: Engine, name: string): void => e.component(`kubelet/${name}`)?.stop();

describe('a node whose kubelet stops', () => {
  it('stays Ready for the grace period after its last heartbeat, then turns Unknown', () => {
    const e = running();
    stop(e, 'node-1');
    const renewed = lastRenew(e, 'node-1');
    e.runFor(renewed + NODE_MONITOR_GRACE_PERIOD_MS - e.loop.now());
    expect(ready(e, 'node-1')?.status).toBe('True');
    e.runFor(5 * S + 100);
    const unknown = ready(e, 'node-1');
    expect(unknown).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
    const at = parseTime(unknown?.lastTransitionTime);
    expect(at).toBeGreaterThanOrEqual(renewed + NODE_MONITOR_GRACE_PERIOD_MS - S);
    expect(ready(e, 'node-2')?.status).toBe('True');
  });

  it('gets unreachable:NoSchedule at once and unreachable:NoExecute on the next pass', () => {
    const e = running();
    stop(e, 'node-1');
    e.runFor(60 * S);
    const unknownAt = parseTime(ready(e, 'node-1')?.lastTransitionTime);
    const taints = node(e, 'node-1').spec?.taints ?? [];
    expect(taints.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    const [noSchedule, noExec] = taints.map((t) => parseTime(t.timeAdded));
    expect(noSchedule).toBe(unknownAt);
    expect(noExec).toBe(unknownAt + 5 * S);
  });

  it('marks its pods not Ready, with events on the node and the pods', () => {
    const e = running();
    stop(e, 'node-1');
    e.runFor(60 * S);
    const [pod] = pods(e, 'node-1');
    const name = pod?.metadata?.name ?? '';
    expect(pod?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(pod?.status?.containerStatuses?.[0]?.ready).toBe(true);
    expect(eventsFor(e, name)).toContain('NodeNotReady: Node is not ready');
    expect(eventsFor(e, 'node-1')).toContain(
      'NodeNotReady: Node node-1 status is now: NodeNotReady',
    );
  });

  it('has its pods evicted 300 s after the NoExecute taint and replaced on other nodes', () => {
    const e = running();
    stop(e, 'node-1');
    e.runFor(60 * S);
    const tainted = parseTime(noExecute(e, 'node-1')[0]?.timeAdded);
    e.runFor(tainted + 300 * S - e.loop.now() - S);
    expect(pods(e, 'node-1')[0]?.metadata?.deletionTimestamp).toBeUndefined();
    e.runFor(10 * S);
    const [evicted] = pods(e, 'node-1');
    const name = evicted?.metadata?.name ?? '';
    // The kubelet that would finish it is stopped: it stays Terminating.
    expect(evicted?.metadata?.deletionTimestamp).toBeDefined();
    expect(evicted?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')?.reason).toBe(
      'DeletionByTaintManager',
    );
    expect(eventsFor(e, name)).toContain(
      `TaintManagerEviction: Marking for deletion Pod default/${name}`,
    );
    const elsewhere = pods(e).filter((p) => p.spec?.nodeName !== 'node-1');
    expect(elsewhere.map((p) => p.status?.phase)).toEqual(['Running', 'Running', 'Running']);
  });

  it('comes back Ready when its kubelet starts, loses its taints and finishes its evicted pods', () => {
    const e = running();
    stop(e, 'node-1');
    e.runFor(400 * S);
    e.component('kubelet/node-1')?.start();
    e.runFor(10 * S);
    expect(ready(e, 'node-1')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(node(e, 'node-1').spec?.taints).toBeUndefined();
    expect(pods(e, 'node-1')).toEqual([]);
    expect(pods(e).map((p) => p.status?.phase)).toEqual(['Running', 'Running', 'Running']);
  });

  it('keeps its pods when the kubelet is back before their tolerations run out', () => {
    const e = running();
    stop(e, 'node-1');
    e.runFor(120 * S);
    const [pod] = pods(e, 'node-1');
    e.component('kubelet/node-1')?.start();
    e.runFor(400 * S);
    const [still] = pods(e, 'node-1');
    expect(still?.metadata?.uid).toBe(pod?.metadata?.uid);
    expect(still?.metadata?.deletionTimestamp).toBeUndefined();
    expect(still?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(noExecute(e, 'node-1')).toEqual([]);
  });
});

describe('a restarted node lifecycle controller', () => {
  it('gives every node a fresh grace period: it trusts only its own clock', () => {
    const e = running();
    stop(e, 'node-1');
    e.runFor(40 * S);
    const controller = e.component('node-lifecycle-controller');
    controller?.stop();
    controller?.start();
    const restarted = e.loop.now();
    e.runFor(NODE_MONITOR_GRACE_PERIOD_MS - S);
    expect(ready(e, 'node-1')?.status).toBe('True');
    e.runFor(5 * S);
    expect(ready(e, 'node-1')?.status).toBe('Unknown');
    expect(parseTime(ready(e, 'node-1')?.lastTransitionTime)).toBeGreaterThan(restarted);
  });
});

describe('rate limits and disruption', () => {
  it('taints nodes failing together one every 10 s (--node-eviction-rate 0.1)', () => {
    const e = running(6);
    stop(e, 'node-1');
    stop(e, 'node-2');
    e.runFor(90 * S);
    const times = ['node-1', 'node-2'].map((n) => parseTime(noExecute(e, n)[0]?.timeAdded));
    expect(Math.abs((times[1] ?? 0) - (times[0] ?? 0))).toBe(10 * S);
  });

  it('taints nothing when every node is down: the controller suspects itself', () => {
    const e = running(1);
    stop(e, 'node-1');
    e.runFor(120 * S);
    expect(ready(e, 'node-1')?.status).toBe('Unknown');
    expect(noExecute(e, 'node-1')).toEqual([]);
    expect(e.component('node-lifecycle-controller')?.snapshot().details?.zones).toEqual({
      '': 'FullDisruption',
    });
  });
});
