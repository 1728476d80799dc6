import { describe, expect, it } from 'vitest';
import type { ObjectList } from '../apiserver/types';
import type { Event, Pod } from '../api/types';
import { Engine } from '../engine';
import { createScheduler, type Scheduler } from './scheduler';

// Integration: the scheduler against the real apiserver, with nodes created directly (as
// kubelets would register them) and pods created as kubectl would.

function addNode(e: Engine, name: string, cpu: string, memory = '8Gi'): void {
  e.request('test', {
    verb: 'create',
    resource: 'nodes',
    body: {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    },
  });
  e.request('test', {
    verb: 'patch',
    resource: 'nodes',
    subresource: 'status',
    name,
    patchType: 'merge',
    body: {
      status: {
        capacity: { cpu, memory, pods: '110' },
        allocatable: { cpu, memory, pods: '110' },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      },
    },
  });
  // Admission (TaintNodesByCondition) registers nodes with node.kubernetes.io/not-ready:NoSchedule;
  // the node lifecycle controller lifts it once the node is Ready. Lift it as that controller would.
  e.request('test', {
    verb: 'patch',
    resource: 'nodes',
    name,
    patchType: 'merge',
    body: { spec: { taints: null } },
  });
}

function addPod(e: Engine, name: string, cpu: string, memory = '1Gi'): void {
  const res = e.request('test', {
    verb: 'create',
    resource: 'pods',
    namespace: 'default',
    body: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: {
        containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu, memory } } }],
      },
    },
  });
  expect(res.error).toBeUndefined();
}

function pods(e: Engine): Pod[] {
  const res = e.request('test', { verb: 'list', resource: 'pods', namespace: 'default' });
  return (res.body as ObjectList).items as Pod[];
}

function events(e: Engine): Event[] {
  const res = e.request('test', { verb: 'list', resource: 'events', namespace: 'default' });
  return (res.body as ObjectList).items as Event[];
}

function cluster(seed = 1): { e: Engine; scheduler: Scheduler } {
  let scheduler: Scheduler | undefined;
  const e = new Engine({ nodes: [], seed }, [(x) => (scheduler = createScheduler(x))]);
  for (const n of ['node-1', 'node-2', 'node-3']) addNode(e, n, '4');
  e.runUntilIdle();
  return { e, scheduler: scheduler as Scheduler };
}

function placements(e: Engine): Record<string, string | undefined> {
  return Object.fromEntries(pods(e).map((p) => [p.metadata?.name, p.spec?.nodeName]));
}

const BIG_POD_MESSAGE =
  '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';

describe('kube-scheduler with the real engine', () => {
  it('binds pods, records Scheduled events and spreads them by LeastAllocated', () => {
    const { e, scheduler } = cluster();
    for (const p of ['web-1', 'web-2', 'web-3']) addPod(e, p, '1');
    e.runUntilIdle();
    const placed = placements(e);
    expect(new Set(Object.values(placed))).toEqual(new Set(['node-1', 'node-2', 'node-3']));
    const scheduled = events(e).filter((ev) => ev.reason === 'Scheduled');
    expect(scheduled.map((ev) => ev.message).sort()).toEqual(
      Object.entries(placed)
        .map(([pod, node]) => `Successfully assigned default/${pod} to ${node}`)
        .sort(),
    );
    expect(scheduled.every((ev) => ev.source?.component === 'default-scheduler')).toBe(true);
    expect(scheduled.every((ev) => ev.type === 'Normal')).toBe(true);
    const bound = pods(e)[0] as Pod;
    const cond = bound.status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond?.status).toBe('True');
    expect(scheduler.snapshot().state).toBe('waiting');
  });

  it('keeps an unfittable pod Pending with the exact FailedScheduling message', () => {
    const { e } = cluster();
    addPod(e, 'big', '100');
    e.runUntilIdle();
    const big = pods(e).find((p) => p.metadata?.name === 'big') as Pod;
    expect(big.spec?.nodeName).toBeUndefined();
    const cond = big.status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: BIG_POD_MESSAGE,
    });
    const failed = events(e).filter((ev) => ev.reason === 'FailedScheduling');
    expect(failed.map((ev) => [ev.type, ev.message])).toEqual([['Warning', BIG_POD_MESSAGE]]);
  });

  it('schedules the pending pod once a node that fits is added', () => {
    const { e } = cluster();
    addPod(e, 'big', '100');
    e.runUntilIdle();
    addNode(e, 'node-4', '128');
    e.runUntilIdle();
    e.runFor(15_000);
    expect(placements(e).big).toBe('node-4');
  });

  it("frees a finished pod's resources for a pending pod [EH1]", () => {
    const { e } = cluster();
    for (const p of ['job-1', 'job-2', 'job-3']) addPod(e, p, '3');
    e.runUntilIdle();
    addPod(e, 'next', '2');
    e.runUntilIdle();
    expect(placements(e).next).toBeUndefined();
    const done = e.request('test', {
      verb: 'patch',
      resource: 'pods',
      subresource: 'status',
      namespace: 'default',
      name: 'job-2',
      patchType: 'merge',
      body: { status: { phase: 'Succeeded' } },
    });
    expect(done.error).toBeUndefined();
    e.runUntilIdle();
    e.runFor(15_000);
    expect(placements(e).next).toBe(placements(e)['job-2']);
  });

  it('records every plugin verdict and score for the view', () => {
    const { e, scheduler } = cluster();
    addPod(e, 'web-1', '1');
    addPod(e, 'big', '100');
    e.runUntilIdle();
    const web = scheduler.result('default/web-1');
    expect(web?.outcome).toBe('Scheduled');
    expect(web?.evaluatedNodes).toBe(3);
    expect(web?.filter['node-1']?.NodeResourcesFit?.code).toBe('Success');
    const score = web?.score['node-1']?.TaintToleration;
    expect(score).toEqual({ raw: 0, normalized: 100, weighted: 300 });
    expect(web?.score['node-1']?.NodeResourcesFit?.raw).toBe(81);
    const big = scheduler.result('default/big');
    expect(big?.outcome).toBe('Unschedulable');
    expect(big?.filter['node-2']?.NodeResourcesFit?.reasons).toEqual(['Insufficient cpu']);
    expect(big?.message).toBe(BIG_POD_MESSAGE);
  });

  it('replays the same placements from the same seed', () => {
    const run = (seed: number): Record<string, string | undefined> => {
      const { e } = cluster(seed);
      for (let i = 1; i <= 7; i++) addPod(e, `web-${i}`, '250m', '128Mi');
      e.runUntilIdle();
      return placements(e);
    };
    expect(run(7)).toEqual(run(7));
    expect(Object.values(run(7)).every((n) => n !== undefined)).toBe(true);
  });
});
