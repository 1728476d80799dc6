import { describe, expect, it } from 'vitest';
import type { PodStatus } from '../api/types';
import type { Engine } from '../engine';
import {
  criTimes,
  deletePod,
  eventTimes,
  eventsFor,
  getPod,
  kubeletEngine,
  pod,
  runPod,
  watchPod,
} from './testing';

function lastStatus(engine: Engine, name: string): PodStatus | undefined {
  const patches = engine.trace
    .all()
    .filter((m) => m.type === 'request' && m.resource === 'pods/status' && m.name === name);
  return (patches[patches.length - 1]?.body as { body: { status: PodStatus } } | undefined)?.body
    .status;
}

/** Returns when the kubelet's StopContainer calls were answered, after t0. */
function stopsAnswered(engine: Engine, t0: number): number[] {
  return engine.trace
    .all()
    .filter(
      (m) => m.type === 'cri' && m.verb === 'StopContainer' && m.from.startsWith('containerd/'),
    )
    .map((m) => m.t - t0);
}

/** Returns when the kubelet deleted the pod object (grace 0, after its final status), after t0. */
function kubeletDeletes(engine: Engine, t0: number): number[] {
  return engine.trace
    .all()
    .filter((m) => m.type === 'request' && m.verb === 'DELETE' && m.from === 'kubelet/node-1')
    .map((m) => m.t - t0);
}

describe('graceful termination [TERM1]-[TERM3] [STAT2]', () => {
  it('stops nginx at once (SIGQUIT, exit 0): Succeeded, then the kubelet deletes the pod', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25' }));
    engine.runUntilIdle();
    const t0 = deletePod(engine, 'web');
    engine.runFor(1000);
    expect(getPod(engine, 'web')).toBeUndefined();
    expect(eventsFor(engine, 'web')).toContain('Killing: Stopping container app');
    const stops = engine.trace.all().filter((m) => m.type === 'cri' && m.verb === 'StopContainer');
    // Sent when the watch delivers the deletionTimestamp; answered when nginx has exited (50 ms).
    expect(stops.map((m) => m.t - t0)).toEqual([4, 55]);
    // After StopPodSandbox, the final status (Succeeded: nginx exited 0), then DELETE grace 0.
    expect(kubeletDeletes(engine, t0)).toEqual([143]);
    expect(lastStatus(engine, 'web')?.phase).toBe('Succeeded');
    expect(criTimes(engine, 'RemovePodSandbox')).toHaveLength(1);
  });

  it('SIGKILLs busybox sleep (which ignores SIGTERM as PID 1) after the 30 s grace period: 137', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('sleepy', { image: 'busybox:1.36', command: ['sleep', '3600'] }));
    engine.runUntilIdle();
    const t0 = deletePod(engine, 'sleepy');
    engine.runFor(29_000);
    expect(getPod(engine, 'sleepy')?.metadata?.deletionTimestamp).toBeDefined();
    engine.runFor(2000);
    expect(getPod(engine, 'sleepy')).toBeUndefined();
    // StopContainer reaches containerd at +5 ms; SIGKILL comes exactly 30 s later.
    expect(stopsAnswered(engine, t0)).toEqual([30_005]);
    // The final status is terminal, so kubectl shows its reason rather than Terminating.
    expect(watchPod(engine, 'sleepy').slice(-2)).toEqual([
      '1011 1/1 Running 0',
      '31104 0/1 Error 0',
    ]);
    const final = lastStatus(engine, 'sleepy');
    expect(final?.phase).toBe('Failed');
    expect(final?.containerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    });
  });

  it('ends a process that exits 143 on SIGTERM within the grace period', () => {
    const { engine } = kubeletEngine();
    const script = "trap 'exit 143' TERM; while true; do sleep 1; done";
    runPod(engine, pod('trap', { image: 'busybox:1.36', command: ['sh', '-c', script] }));
    engine.runUntilIdle();
    engine.runFor(500);
    const t0 = deletePod(engine, 'trap');
    engine.runFor(3000);
    expect(getPod(engine, 'trap')).toBeUndefined();
    // The trap runs once the current sleep 1 ends.
    expect(stopsAnswered(engine, t0)).toEqual([393]);
    const final = lastStatus(engine, 'trap');
    expect(final?.phase).toBe('Failed');
    expect(final?.containerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 143,
      reason: 'Error',
    });
  });

  it('honours --grace-period=5, and a shorter one given while stopping [TERM4]', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('a', { image: 'wheelhouse/stubborn' }));
    runPod(engine, pod('b', { image: 'wheelhouse/stubborn' }));
    engine.runUntilIdle();
    const t0 = deletePod(engine, 'a', 5);
    engine.runFor(1000);
    deletePod(engine, 'b');
    engine.runFor(1000);
    deletePod(engine, 'b', 3);
    engine.runFor(10_000);
    expect(getPod(engine, 'a')).toBeUndefined();
    expect(getPod(engine, 'b')).toBeUndefined();
    // b's container exits at the shorter deadline; both of its StopContainer calls return then.
    expect(stopsAnswered(engine, t0)).toEqual([5005, 5015, 5015]);
    expect(eventTimes(engine, 'b', 'Killing').map((t) => t - t0)).toEqual([1009, 2014]);
    const stops = engine.trace
      .all()
      .filter(
        (m) => m.type === 'cri' && m.verb === 'StopContainer' && m.from.startsWith('kubelet/'),
      )
      .map((m) => (m.body as { timeout: number }).timeout);
    expect(stops).toEqual([5, 30, 3]);
  });

  it('kills the containers of a force-deleted pod with its terminationGracePeriodSeconds', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('gone', { image: 'wheelhouse/stubborn' }));
    engine.runUntilIdle();
    const t0 = deletePod(engine, 'gone', 0);
    expect(getPod(engine, 'gone')).toBeUndefined();
    engine.runFor(31_000);
    // The apiserver forgot the pod at once; the kubelet sees it vanish from its watch and stops
    // the container as for a deletion with grace 0: with the pod's own 30 s. [TERM1]
    expect(eventTimes(engine, 'gone', 'Killing').map((t) => t - t0)).toEqual([4]);
    expect(stopsAnswered(engine, t0)).toEqual([30_005]);
    expect(criTimes(engine, 'RemovePodSandbox').map((t) => t - t0)).toEqual([30_088]);
    expect(kubeletDeletes(engine, t0)).toEqual([]);
  });
});
