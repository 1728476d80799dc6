import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import type { Kubelet } from './kubelet';
import { criTimes, eventsFor, getPod, kubeletEngine, pod, runPod, watchPod } from './testing';

/** Records when each container of the node exits. */
function exitTimes(kubelet: Kubelet): number[] {
  const exits: number[] = [];
  kubelet.runtime.onExit((c) => exits.push(c.finishedAt ?? Number.NaN));
  return exits;
}

describe('CrashLoopBackOff [BACKOFF1] [BO1] [LOOP1] [LOOP2]', () => {
  it('restarts at once, then 10, 20, 40, 80, 160, 300 s after each exit, on the next retry', () => {
    const { engine, kubelet } = kubeletEngine();
    const exits = exitTimes(kubelet);
    runPod(
      engine,
      pod('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5; exit 1'] }),
    );
    engine.runFor(700_000);
    // Each restart begins with CreateContainer. The first comes at the PLEG relist after the
    // exit; each later one at the first pod-worker retry (every 10–15 s) once the back-off has
    // passed since the exit.
    const waits = criTimes(engine, 'CreateContainer')
      .slice(1)
      .map((t, i) => t - (exits[i] ?? 0));
    expect(waits).toEqual([102, 12_897, 24_897, 50_897, 83_897, 169_897, 304_897]);
    const backoffs = [0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000];
    for (const [i, wait] of waits.entries()) {
      expect(wait).toBeGreaterThanOrEqual(backoffs[i] ?? 0);
      expect(wait).toBeLessThan((backoffs[i] ?? 0) + 16_000);
    }
    // The status is made when a sync begins: Error at the sync that sees the exit, then
    // CrashLoopBackOff from the next retry on.
    expect(watchPod(engine, 'crash').slice(0, 12)).toEqual([
      '30 0/1 ContainerCreating 0',
      '1011 1/1 Running 0',
      '6011 0/1 Error 0',
      '7011 1/1 Running 1 (2s ago)',
      '12011 0/1 Error 1 (7s ago)',
      '24011 0/1 CrashLoopBackOff 1 (13s ago)',
      '25011 1/1 Running 2 (14s ago)',
      '30011 0/1 Error 2 (19s ago)',
      '43011 0/1 CrashLoopBackOff 2 (14s ago)',
      '55011 1/1 Running 3 (26s ago)',
      '60011 0/1 Error 3 (31s ago)',
      '72011 0/1 CrashLoopBackOff 3 (13s ago)',
    ]);
    const p = getPod(engine, 'crash');
    const uid = p?.metadata?.uid ?? '';
    const cs = p?.status?.containerStatuses?.[0];
    expect(p?.status?.phase).toBe('Running');
    expect(cs?.restartCount).toBe(7);
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(eventsFor(engine, 'crash')).toContain(
      `BackOff: Back-off restarting failed container app in pod crash_default(${uid})`,
    );
  });

  it('says how long it backs off in the waiting message: 10s, 20s … 5m0s', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 2'] }));
    engine.runFor(1_200_000);
    const delays = new Set(
      engine.trace
        .all()
        .filter((m) => m.type === 'response' && m.resource === 'pods/status')
        .map((m) => (m.body as Pod).status?.containerStatuses?.[0]?.state?.waiting?.message ?? '')
        .map(
          (message) =>
            /^back-off (\S+) restarting failed container=app pod=crash_default\(/.exec(
              message,
            )?.[1],
        )
        .filter((d) => d !== undefined),
    );
    expect([...delays]).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s']);
  });

  it('starts the back-off again at 10 s after a container ran 10 minutes [BO2]', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('long', { image: 'wheelhouse/crash:660s' }));
    runPod(engine, pod('short', { image: 'wheelhouse/crash:300s' }));
    engine.runFor(1_400_000);
    const starts = (name: string): number[] =>
      engine.trace
        .all()
        .filter((m) => m.type === 'cri' && m.verb === 'StartContainer' && m.name === name)
        .filter((m) => m.from.startsWith('kubelet/'))
        .map((m) => m.t);
    // long runs 660 s each time: its second exit comes more than 10 minutes after the back-off
    // was last moved on, so it restarts at the next relist, as the first time did.
    expect(starts('long')).toEqual([933, 661_049, 1_322_049]);
    // short's second exit comes 5 minutes after its first restart: it waits out 10 s.
    const short = starts('short');
    expect(short[2]! - short[1]!).toBeGreaterThan(300_000 + 10_000);
  });
});

describe('restartPolicy [PHASE1] [SYNC4]', () => {
  it.each([
    [
      'Always',
      'wheelhouse/complete:5s',
      'Running',
      ['6011 0/1 Completed 0', '7011 1/1 Running 1 (2s ago)'],
    ],
    ['OnFailure', 'wheelhouse/complete:5s', 'Succeeded', ['6011 0/1 Completed 0']],
    [
      'OnFailure',
      'wheelhouse/crash:5s',
      'Running',
      ['6011 0/1 Error 0', '7011 1/1 Running 1 (2s ago)'],
    ],
    ['Never', 'wheelhouse/crash:5s', 'Failed', ['6011 0/1 Error 0']],
    ['Never', 'wheelhouse/complete:5s', 'Succeeded', ['6011 0/1 Completed 0']],
  ])('%s with %s: phase %s', (restartPolicy, image, phase, after) => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('p', { image }, { restartPolicy }));
    engine.runFor(8000);
    expect(watchPod(engine, 'p')).toEqual([
      '30 0/1 ContainerCreating 0',
      '1011 1/1 Running 0',
      ...after,
    ]);
    const p = getPod(engine, 'p');
    expect(p?.status?.phase).toBe(phase);
    const finished = phase !== 'Running';
    // A finished pod's sandbox is stopped at once; its conditions say why it is not ready.
    expect(criTimes(engine, 'StopPodSandbox')).toEqual(finished ? [6007] : []);
    if (finished)
      expect(p?.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
        status: 'False',
        reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed',
      });
  });
});

describe('container deaths', () => {
  it('kills a container over its memory limit: OOMKilled, exit 137, then CrashLoopBackOff', () => {
    const { engine } = kubeletEngine();
    runPod(
      engine,
      pod('hog', {
        image: 'wheelhouse/memory-hog:512Mi',
        resources: { limits: { memory: '256Mi' } },
      }),
    );
    engine.runFor(25_000);
    expect(watchPod(engine, 'hog')).toEqual([
      '30 0/1 ContainerCreating 0',
      '1011 1/1 Running 0',
      '4011 0/1 OOMKilled 0',
      '5011 1/1 Running 1 (2s ago)',
      '8011 0/1 OOMKilled 1 (5s ago)',
      '20011 0/1 CrashLoopBackOff 1 (13s ago)',
      '21011 1/1 Running 2 (14s ago)',
      '24011 0/1 OOMKilled 2 (17s ago)',
    ]);
    const cs = getPod(engine, 'hog')?.status?.containerStatuses?.[0];
    expect(cs?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('fails at start like runc for a missing executable: RunContainerError, then back-off', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('typo', { image: 'busybox:1.36', command: ['slep', '10'] }));
    engine.runFor(15_000);
    const runc =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "slep": executable file not found in $PATH: unknown';
    const cs = getPod(engine, 'typo')?.status?.containerStatuses?.[0];
    expect(cs?.lastState?.terminated).toMatchObject({
      exitCode: 128,
      reason: 'StartError',
      startedAt: '1970-01-01T00:00:00Z',
      message: runc,
    });
    expect(eventsFor(engine, 'typo')).toContain(`Failed: Error: ${runc}`);
    expect(watchPod(engine, 'typo')).toEqual([
      '30 0/1 ContainerCreating 0',
      '1011 0/1 RunContainerError 0',
      '2011 0/1 RunContainerError 1 (1s ago)',
      '13011 0/1 CrashLoopBackOff 1 (12s ago)',
      '14011 0/1 RunContainerError 2 (1s ago)',
    ]);
  });
});
