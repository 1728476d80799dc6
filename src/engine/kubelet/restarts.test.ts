import { describe, expect, it } from 'vitest';
import { criTimes, eventsFor, getPod, kubeletEngine, pod, runPod, states } from './testing';

describe('restarts with back-off [SYNC2] [BO1]', () => {
  it('restarts sh -c "sleep 5; exit 1" at once, then after 10, 20, 40, 80 s of CrashLoopBackOff', () => {
    const { engine, kubelet } = kubeletEngine();
    const exits: number[] = [];
    kubelet.runtime.onExit(() => exits.push(engine.loop.now()));
    runPod(
      engine,
      pod('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5; exit 1'] }),
    );
    engine.runFor(240_000);
    // Each restart begins with CreateContainer once the back-off after the previous exit ends.
    const creates = criTimes(engine, 'CreateContainer');
    const waits = creates.slice(1).map((t, i) => t - (exits[i] ?? 0));
    expect(waits.slice(0, 5)).toEqual([0, 10_000, 20_000, 40_000, 80_000]);
    const p = getPod(engine, 'crash');
    const cs = p?.status?.containerStatuses?.[0];
    expect(p?.status?.phase).toBe('Running');
    expect(cs?.restartCount).toBe(5);
    expect(cs?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cs?.state?.waiting?.message).toBe(
      `back-off 2m40s restarting failed container=app pod=crash_default(${p?.metadata?.uid})`,
    );
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(states(engine, 'crash').slice(0, 6)).toEqual([
      'waiting:ContainerCreating',
      'running',
      'terminated:Error',
      'running',
      'terminated:Error',
      'waiting:CrashLoopBackOff',
    ]);
    expect(eventsFor(engine, 'crash')).toContain(
      `BackOff: Back-off restarting failed container app in pod crash_default(${p?.metadata?.uid})`,
    );
  });

  it('kills a container over its memory limit: OOMKilled, exit 137', () => {
    const { engine } = kubeletEngine();
    runPod(
      engine,
      pod('hog', {
        image: 'wheelhouse/memory-hog:512Mi',
        resources: { limits: { memory: '256Mi' } },
      }),
    );
    engine.runFor(20_000);
    const cs = getPod(engine, 'hog')?.status?.containerStatuses?.[0];
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(cs?.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('ends a Never pod that exits 0 as Succeeded and stops its sandbox', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('job', { image: 'wheelhouse/complete:5s' }, { restartPolicy: 'Never' }));
    engine.runFor(30_000);
    const p = getPod(engine, 'job');
    expect(p?.status?.phase).toBe('Succeeded');
    expect(p?.status?.containerStatuses?.[0]?.state?.terminated?.reason).toBe('Completed');
    expect(p?.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'PodCompleted',
    });
    expect(criTimes(engine, 'StopPodSandbox')).toHaveLength(1);
  });

  it('fails at start like runc for a missing executable: RunContainerError, then back-off', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('typo', { image: 'busybox:1.36', command: ['slep', '10'] }));
    engine.runFor(15_000);
    const cs = getPod(engine, 'typo')?.status?.containerStatuses?.[0];
    expect(cs?.lastState?.terminated).toMatchObject({
      exitCode: 128,
      reason: 'StartError',
      startedAt: '1970-01-01T00:00:00Z',
      message:
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "slep": executable file not found in $PATH: unknown',
    });
    expect(eventsFor(engine, 'typo')).toContain(
      'Failed: Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "slep": executable file not found in $PATH: unknown',
    );
    expect(states(engine, 'typo')).toContain('waiting:RunContainerError');
    expect(cs?.state?.waiting?.reason).toBe('CrashLoopBackOff');
  });
});

describe('image pulls [IMG1]-[IMG3]', () => {
  it('reports an unknown image as ErrImagePull, then ImagePullBackOff', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('bad', { image: 'wheelhouse/does-not-exist' }));
    engine.runFor(30_000);
    const err =
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/wheelhouse/does-not-exist:latest": failed to resolve reference "docker.io/wheelhouse/does-not-exist:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(eventsFor(engine, 'bad').filter((e) => !e.startsWith('Scheduled'))).toEqual([
      'Pulling: Pulling image "wheelhouse/does-not-exist"',
      `Failed: Failed to pull image "wheelhouse/does-not-exist": ${err}`,
      'Failed: Error: ErrImagePull',
      'BackOff: Back-off pulling image "wheelhouse/does-not-exist"',
      'Failed: Error: ImagePullBackOff',
    ]);
    expect(states(engine, 'bad')).toEqual([
      'waiting:ContainerCreating',
      'waiting:ErrImagePull',
      'waiting:ImagePullBackOff',
    ]);
    const p = getPod(engine, 'bad');
    expect(p?.status?.phase).toBe('Pending');
    expect(p?.status?.containerStatuses?.[0]?.state?.waiting?.message).toBe(
      'Back-off pulling image "wheelhouse/does-not-exist"',
    );
  });

  it('serializes pulls: the second one waits for the first', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('a', { image: 'nginx:1.25' }));
    runPod(engine, pod('b', { image: 'redis:7' }));
    engine.runUntilIdle();
    const pulled = eventsFor(engine, 'b').find((e) => e.startsWith('Pulled'));
    expect(pulled).toBe(
      'Pulled: Successfully pulled image "redis:7" in 1.903s (4.646s including waiting). Image size: 45022640 bytes.',
    );
  });

  it('fails an absent image with imagePullPolicy Never', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('never', { image: 'redis:7', imagePullPolicy: 'Never' }));
    engine.runFor(5000);
    expect(eventsFor(engine, 'never')).toContain(
      'ErrImageNeverPull: Container image "redis:7" is not present with pull policy of Never',
    );
    expect(getPod(engine, 'never')?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe(
      'ErrImageNeverPull',
    );
  });
});
