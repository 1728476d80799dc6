import { describe, expect, it } from 'vitest';
import type { PodStatus } from '../api/types';
import type { Engine } from '../engine';
import { criTimes, eventsFor, getPod, kubeletEngine, pod, runPod } from './testing';

function lastStatus(engine: Engine, name: string): PodStatus | undefined {
  const patches = engine.trace
    .all()
    .filter((m) => m.type === 'request' && m.resource === 'pods/status' && m.name === name);
  return (patches[patches.length - 1]?.body as { body: { status: PodStatus } } | undefined)?.body
    .status;
}

/** Deletes a pod as a user would; returns when the DELETE was sent. */
function deletePod(engine: Engine, name: string): number {
  const sent = engine.loop.now();
  engine.request('test', { verb: 'delete', resource: 'pods', namespace: 'default', name });
  return sent;
}

describe('graceful termination [TERM1]-[TERM3] [STAT2]', () => {
  it('stops nginx at once (exit 0) and the pod object goes away', () => {
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
    const answered = engine.trace
      .all()
      .filter(
        (m) => m.type === 'cri' && m.verb === 'StopContainer' && m.from.startsWith('containerd/'),
      );
    // StopContainer reaches containerd at +5 ms; SIGKILL comes exactly 30 s later.
    expect(answered.map((m) => m.t - t0)).toEqual([30_005]);
    const final = lastStatus(engine, 'sleepy');
    expect(final?.phase).toBe('Failed');
    expect(final?.containerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    });
  });

  it('honours a shorter grace period and a SIGTERM trap', () => {
    const { engine } = kubeletEngine();
    const script = "trap 'exit 0' TERM; while true; do sleep 1; done";
    runPod(engine, pod('trap', { image: 'busybox:1.36', command: ['sh', '-c', script] }));
    engine.runUntilIdle();
    engine.runFor(500);
    deletePod(engine, 'trap');
    engine.runFor(2000);
    expect(getPod(engine, 'trap')).toBeUndefined();
    expect(lastStatus(engine, 'trap')?.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(0);
  });
});

describe('the kubelet process', () => {
  it('keeps containers running while stopped and resyncs them when started again', () => {
    const { engine, kubelet } = kubeletEngine();
    runPod(engine, pod('crash', { image: 'wheelhouse/crash:10s' }));
    engine.runUntilIdle();
    kubelet.stop();
    engine.runFor(15_000);
    // The container exited while the kubelet was down: nobody restarted or reported it.
    expect(getPod(engine, 'crash')?.status?.containerStatuses?.[0]?.state?.running).toBeDefined();
    kubelet.start();
    engine.runUntilIdle();
    const cs = getPod(engine, 'crash')?.status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(1);
    expect(cs?.lastState?.terminated?.exitCode).toBe(1);
    expect(kubelet.snapshot().state).toBe('running');
  });

  it('kills a container on request (sim container kill) and restarts it', () => {
    const { engine, kubelet } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25' }));
    engine.runUntilIdle();
    expect(kubelet.killContainer('default', 'web', undefined)).toBeUndefined();
    engine.runUntilIdle();
    const cs = getPod(engine, 'web')?.status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(1);
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(kubelet.killContainer('default', 'web', 'nope')).toBe(
      'container "nope" not found in pod "web"',
    );
  });

  it('rejects a pod that does not fit: OutOfcpu', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('big', { image: 'nginx:1.25', resources: { requests: { cpu: '5' } } }));
    engine.runUntilIdle();
    const p = getPod(engine, 'big');
    expect(p?.status?.phase).toBe('Failed');
    expect(p?.status?.reason).toBe('OutOfcpu');
    expect(p?.status?.message).toBe(
      "Pod was rejected: Node didn't have enough resource: cpu, requested: 5000, used: 0, capacity: 4000",
    );
    expect(criTimes(engine, 'RunPodSandbox')).toHaveLength(0);
  });
});
