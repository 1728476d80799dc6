import { describe, expect, it } from 'vitest';
import {
  criTimes,
  deletePod,
  eventTimes,
  getPod,
  kubeletEngine,
  markPodNotReady,
  pod,
  runPod,
  watchPod,
} from './testing';

describe('a kubelet stopped and started again (sim node stop|start)', () => {
  it('finds running containers still running, with their restart counts, and starts nothing', () => {
    const { engine, kubelet } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25' }));
    runPod(engine, pod('crash', { image: 'wheelhouse/crash:10s' }));
    engine.runFor(20_000);
    const before = getPod(engine, 'web')?.status?.containerStatuses?.[0];
    kubelet.stop();
    engine.runFor(60_000);
    const creates = criTimes(engine, 'CreateContainer').length;
    kubelet.start();
    engine.runFor(3000);
    const after = getPod(engine, 'web')?.status?.containerStatuses?.[0];
    expect(after).toEqual(before);
    expect(criTimes(engine, 'CreateContainer').length).toBe(creates + 1);
    // crash exited while nobody watched: its restart counts from the kubelet's fresh back-off.
    const cs = getPod(engine, 'crash')?.status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(2);
    expect(kubelet.snapshot().state).toBe('running');
  });

  it('reports status again: a Ready condition turned False meanwhile becomes True', () => {
    const { engine, kubelet } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25' }));
    engine.runFor(10_000);
    kubelet.stop();
    // What the node lifecycle controller does to the pods of a node that stopped reporting.
    markPodNotReady(engine, 'web');
    engine.runFor(10_000);
    kubelet.start();
    engine.runFor(1000);
    const ready = getPod(engine, 'web')?.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready?.status).toBe('True');
  });

  it('kills the containers of a pod deleted while it was stopped, with 2 s grace [TERM5]', () => {
    const { engine, kubelet } = kubeletEngine();
    runPod(engine, pod('gone', { image: 'wheelhouse/stubborn' }));
    engine.runFor(10_000);
    kubelet.stop();
    deletePod(engine, 'gone', 0);
    engine.runFor(10_000);
    const t0 = engine.loop.now();
    kubelet.start();
    engine.runFor(5000);
    expect(eventTimes(engine, 'gone', 'Killing').map((t) => t - t0)).toEqual([17]);
    const stops = engine.trace
      .all()
      .filter((m) => m.type === 'cri' && m.verb === 'StopContainer')
      .map((m) => `${m.t - t0} ${m.from}`);
    // wheelhouse/stubborn ignores SIGTERM: SIGKILL after the 2 s minimum.
    expect(stops).toEqual(['17 kubelet/node-1', '2018 containerd/node-1']);
    expect(criTimes(engine, 'RemovePodSandbox').map((t) => t - t0)).toEqual([2101]);
  });

  it('terminates and deletes a pod marked for deletion while it was stopped', () => {
    const { engine, kubelet } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25' }));
    engine.runFor(10_000);
    kubelet.stop();
    deletePod(engine, 'web');
    engine.runFor(60_000);
    // Nobody stops it: the pod stays, past its deletionTimestamp, Terminating.
    expect(getPod(engine, 'web')?.metadata?.deletionTimestamp).toBeDefined();
    kubelet.start();
    engine.runFor(2000);
    expect(getPod(engine, 'web')).toBeUndefined();
    expect(watchPod(engine, 'web').slice(-1)).toEqual(['70192 0/1 Completed 0']);
  });

  it('keeps a container ready until its readiness probe runs again', () => {
    const { engine, kubelet } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 } } }));
    runPod(
      engine,
      pod('nr', {
        image: 'wheelhouse/never-ready',
        readinessProbe: { httpGet: { path: '/', port: 8080 } },
      }),
    );
    engine.runFor(30_000);
    kubelet.stop();
    engine.runFor(30_000);
    kubelet.start();
    engine.runFor(15_000);
    expect(watchPod(engine, 'web')).toEqual([
      '30 0/1 ContainerCreating 0',
      '3189 0/1 Running 0',
      '3325 1/1 Running 0',
    ]);
    // A v1.31 kubelet's first status after a restart is made before its probe workers exist:
    // an unready container reads as ready until its worker's first run.
    expect(watchPod(engine, 'nr')).toEqual([
      '40 0/1 ContainerCreating 0',
      '3752 0/1 Running 0',
      '60058 1/1 Running 0',
      '60881 0/1 Running 0',
    ]);
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
