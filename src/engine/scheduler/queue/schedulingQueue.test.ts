import { describe, expect, it } from 'vitest';
import { EventLoop } from '../../clock/eventLoop';
import { makePod } from '../fixtures';
import type { QueuedPodInfo } from '../framework/interface';
import { ActionType } from '../framework/interface';
import { lessByPriority } from '../plugins/queuesort/prioritySort';
import { SchedulingQueue } from './schedulingQueue';

const NODE_ADD = { resource: 'Node', actionType: ActionType.Add } as const;

function queue(): { loop: EventLoop; q: SchedulingQueue } {
  const loop = new EventLoop();
  const q = new SchedulingQueue(loop, {
    less: lessByPriority,
    isInterested: (plugin, e) => plugin === 'NodeResourcesFit' && e.resource === 'Node',
    isEventOfInterest: () => true,
    onActive: () => {},
  });
  q.start();
  return { loop, q };
}

function fail(
  q: SchedulingQueue,
  p: QueuedPodInfo,
  plugins: string[] = ['NodeResourcesFit'],
): void {
  p.unschedulablePlugins = new Set(plugins);
  q.addUnschedulableIfNotPresent(p, q.schedulingCycle());
}

describe('SchedulingQueue', () => {
  it('pops by priority, then by queue time [Q1]', () => {
    const { loop, q } = queue();
    q.add(makePod({ name: 'low-early' }));
    loop.runFor(10);
    q.add(makePod({ name: 'high', priority: 100 }));
    q.add(makePod({ name: 'low-late' }));
    const order = [q.pop(), q.pop(), q.pop()].map((p) => p?.podInfo.pod.metadata?.name);
    expect(order).toEqual(['high', 'low-early', 'low-late']);
  });

  it('backs off 1 s, 2 s, 4 s, 8 s, then 10 s, flushed on 1 s ticks [Q2]', () => {
    const { q } = queue();
    const p = {
      podInfo: makePod(),
      timestamp: 0,
      attempts: 0,
      unschedulablePlugins: new Set<string>(),
      cause: null,
      seq: 0,
    };
    expect([1, 2, 3, 4, 5, 6].map((attempts) => q.backoffDuration({ ...p, attempts }))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('retries an errored pod after its backoff, in virtual time [Q2][Q4]', () => {
    const { loop, q } = queue();
    q.add(makePod());
    loop.runFor(300);
    fail(q, q.pop() as QueuedPodInfo, []);
    expect(q.sizes().backoffQ).toBe(1);
    loop.runFor(1000); // t=1300: backoff ends at 1300, the tick at 1000 was too early
    expect(q.hasActive()).toBe(false);
    loop.runFor(700); // tick at 2000
    expect(q.hasActive()).toBe(true);
    fail(q, q.pop() as QueuedPodInfo, []); // second attempt fails at t=2000: 2 s backoff
    loop.runFor(1999);
    expect(q.hasActive()).toBe(false);
    loop.runFor(1);
    expect(q.hasActive()).toBe(true);
  });

  it('parks a rejected pod until a relevant event, which respects its backoff [Q3]', () => {
    const { loop, q } = queue();
    q.add(makePod());
    fail(q, q.pop() as QueuedPodInfo);
    expect(q.sizes().unschedulablePods).toBe(1);
    q.moveAllToActiveOrBackoff({ resource: 'Pod', actionType: ActionType.Delete });
    expect(q.sizes().unschedulablePods).toBe(1);
    q.moveAllToActiveOrBackoff(NODE_ADD, () => false);
    expect(q.sizes().unschedulablePods).toBe(1);
    q.moveAllToActiveOrBackoff(NODE_ADD);
    expect(q.sizes()).toEqual({ activeQ: 0, backoffQ: 1, unschedulablePods: 0 });
    loop.runFor(1000);
    expect(q.hasActive()).toBe(true);
  });

  it('retries a parked pod after 5 minutes, checked every 30 s [Q3]', () => {
    const { loop, q } = queue();
    q.add(makePod());
    fail(q, q.pop() as QueuedPodInfo);
    loop.runFor(300_000);
    expect(q.hasActive()).toBe(false);
    loop.runFor(30_000);
    expect(q.hasActive()).toBe(true);
  });

  it('requeues a parked pod when more than its status changes [Q5]', () => {
    const { q } = queue();
    const pi = makePod();
    q.add(pi);
    fail(q, q.pop() as QueuedPodInfo);
    const statusOnly = makePod();
    (statusOnly.pod.status ??= {}).phase = 'Pending';
    q.update(pi.pod, statusOnly);
    expect(q.sizes().unschedulablePods).toBe(1);
    const relabeled = makePod();
    (relabeled.pod.metadata ??= {}).labels = { fixed: 'yes' };
    q.update(pi.pod, relabeled);
    expect(q.sizes().unschedulablePods).toBe(0);
  });

  it('sends a pod rejected during a move request straight to backoffQ [Q4]', () => {
    const { q } = queue();
    q.add(makePod());
    const p = q.pop() as QueuedPodInfo;
    q.moveAllToActiveOrBackoff(NODE_ADD);
    fail(q, p);
    expect(q.sizes()).toEqual({ activeQ: 0, backoffQ: 1, unschedulablePods: 0 });
  });
});
