import { describe, expect, it } from 'vitest';
import type { Engine } from '../engine';
import { deletePod, eventsFor, getPod, kubeletEngine, pod, runPod } from './testing';

/** Returns "<ms after t0> <verb> <timeout or exit code>" for the kubelet's StopContainer and ExecSync hops. */
function hops(engine: Engine, t0: number): string[] {
  return engine.trace
    .all()
    .filter((m) => m.type === 'cri' && (m.verb === 'StopContainer' || m.verb === 'ExecSync'))
    .map((m) => {
      const body = m.body as { timeout?: number; exitCode?: number; error?: string };
      const detail = body.timeout ?? body.exitCode ?? body.error ?? '';
      return `${m.t - t0} ${m.from.split('/')[0]} ${m.verb} ${detail}`.trimEnd();
    });
}

describe('preStop hooks [HOOK1]-[HOOK3]', () => {
  it('runs an exec hook before the stop signal, and its time comes off the grace period', () => {
    const { engine } = kubeletEngine();
    const lifecycle = { preStop: { exec: { command: ['sh', '-c', 'sleep 5'] } } };
    runPod(engine, pod('web', { image: 'nginx:1.25', lifecycle }));
    engine.runUntilIdle();
    const t0 = deletePod(engine, 'web');
    engine.runFor(10_000);
    // nginx then exits on its stop signal (SIGQUIT) within 50 ms.
    expect(hops(engine, t0)).toEqual([
      '4 kubelet ExecSync',
      '5005 containerd ExecSync 0',
      '5006 kubelet StopContainer 25',
      '5057 containerd StopContainer',
    ]);
    expect(getPod(engine, 'web')).toBeUndefined();
  });

  it('waits a sleep hook out, then SIGKILLs a stubborn process when the rest of the grace ends', () => {
    const { engine } = kubeletEngine();
    const lifecycle = { preStop: { sleep: { seconds: 10 } } };
    runPod(engine, pod('s', { image: 'wheelhouse/stubborn', lifecycle }));
    engine.runUntilIdle();
    const t0 = deletePod(engine, 's');
    engine.runFor(35_000);
    expect(hops(engine, t0)).toEqual([
      '10004 kubelet StopContainer 20',
      '30005 containerd StopContainer',
    ]);
  });

  it('gives up on a hook at the end of the grace period and still allows 2 s', () => {
    const { engine } = kubeletEngine();
    const lifecycle = { preStop: { exec: { command: ['sleep', '60'] } } };
    runPod(
      engine,
      pod(
        'slow',
        { image: 'wheelhouse/stubborn', lifecycle },
        { terminationGracePeriodSeconds: 10 },
      ),
    );
    engine.runUntilIdle();
    const t0 = deletePod(engine, 'slow');
    engine.runFor(20_000);
    // The hook never answers; after 10 s the kubelet stops waiting, and 10 − 10 s is raised to 2 s.
    expect(hops(engine, t0)).toEqual([
      '4 kubelet ExecSync',
      '10004 kubelet StopContainer 2',
      '12005 containerd StopContainer',
    ]);
  });

  it('reports a failing hook without its output, and stops the container all the same', () => {
    const { engine } = kubeletEngine();
    const lifecycle = { preStop: { exec: { command: ['sh', '-c', 'echo secret; exit 1'] } } };
    runPod(engine, pod('bad', { image: 'nginx:1.25', lifecycle }));
    engine.runUntilIdle();
    deletePod(engine, 'bad');
    engine.runFor(5000);
    expect(eventsFor(engine, 'bad').slice(-2)).toEqual([
      'Killing: Stopping container app',
      'FailedPreStopHook: PreStopHook failed',
    ]);
    expect(getPod(engine, 'bad')).toBeUndefined();
  });
});
