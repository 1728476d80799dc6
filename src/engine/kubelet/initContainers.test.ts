import { describe, expect, it } from 'vitest';
import { criTimes, getPod, kubeletEngine, pod, runPod, watchPod } from './testing';

const migrate = (script: string): Record<string, unknown> => ({
  initContainers: [{ name: 'migrate', image: 'busybox:1.36', command: ['sh', '-c', script] }],
});

describe('init containers [SYNC1] [PHASE2]', () => {
  it('runs them first: Init:0/1, then PodInitializing while the app is pulled, then Running', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('init', { image: 'nginx:1.25' }, migrate('sleep 3')));
    engine.runFor(1500);
    const p = getPod(engine, 'init');
    expect(p?.status?.initContainerStatuses?.[0]?.state?.running).toBeDefined();
    expect(p?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    expect(p?.status?.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [migrate]',
    });
    engine.runFor(10_000);
    expect(watchPod(engine, 'init')).toEqual([
      '30 0/1 Init:0/1 0',
      '4011 0/1 PodInitializing 0',
      '7011 1/1 Running 0',
    ]);
    const done = getPod(engine, 'init');
    expect(done?.status?.initContainerStatuses?.[0]?.state?.terminated?.reason).toBe('Completed');
    expect(done?.status?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True');
  });

  it('retries a failing one with back-off: Init:Error, then Init:CrashLoopBackOff', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('init', { image: 'nginx:1.25' }, migrate('sleep 2; exit 1')));
    engine.runFor(40_000);
    expect(watchPod(engine, 'init')).toEqual([
      '30 0/1 Init:0/1 0',
      '3011 0/1 Init:Error 0',
      '4011 0/1 Init:0/1 1 (2s ago)',
      '6011 0/1 Init:Error 1 (4s ago)',
      '18011 0/1 Init:CrashLoopBackOff 1 (13s ago)',
      '19011 0/1 Init:0/1 2 (14s ago)',
      '21011 0/1 Init:Error 2 (16s ago)',
      '34011 0/1 Init:CrashLoopBackOff 2 (14s ago)',
    ]);
    // The app container never starts.
    expect(criTimes(engine, 'CreateContainer')).toHaveLength(3);
    expect(getPod(engine, 'init')?.status?.phase).toBe('Pending');
  });

  it('fails the pod when one fails under restartPolicy Never', () => {
    const { engine } = kubeletEngine();
    runPod(
      engine,
      pod('init', { image: 'nginx:1.25' }, { restartPolicy: 'Never', ...migrate('exit 3') }),
    );
    engine.runFor(10_000);
    const p = getPod(engine, 'init');
    expect(watchPod(engine, 'init')).toEqual(['30 0/1 Init:0/1 0', '1011 0/1 Init:Error 0']);
    expect(p?.status?.phase).toBe('Failed');
    expect(p?.status?.initContainerStatuses?.[0]?.state?.terminated?.exitCode).toBe(3);
    expect(criTimes(engine, 'StopPodSandbox')).toEqual([1007]);
  });
});
