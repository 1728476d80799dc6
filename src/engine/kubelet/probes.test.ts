import { describe, expect, it } from 'vitest';
import type { Container } from '../api/types';
import { findImage, parseImageReference, planProcess } from '../images';
import { runProbe } from './probe';
import { eventTimes, eventsFor, getPod, kubeletEngine, pod, runPod, watchPod } from './testing';

function planOf(image: string, command?: string[]): ReturnType<typeof planProcess> {
  const found = findImage(parseImageReference(image));
  if (!found) throw new Error(image);
  return planProcess({ behaviour: found.variant.behaviour, command, env: {} });
}

describe('probe attempts, with the prober messages', () => {
  const c: Container = { name: 'app', ports: [{ name: 'http', containerPort: 8080 }] };
  it.each([
    ['nginx:1.25', { httpGet: { path: '/', port: 80 } }, 'ok'],
    [
      'nginx:1.25',
      { httpGet: { path: '/healthz', port: 8080 } },
      'Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused',
    ],
    [
      'wheelhouse/never-ready',
      { httpGet: { path: '/ready', port: 'http' } },
      'HTTP probe failed with statuscode: 503',
    ],
    ['redis:7', { tcpSocket: { port: 6379 } }, 'ok'],
    [
      'redis:7',
      { tcpSocket: { port: 6380 } },
      'dial tcp 10.244.1.2:6380: connect: connection refused',
    ],
    ['redis:7', { exec: { command: ['redis-cli', 'ping'] } }, 'ok'],
    [
      'wheelhouse/unhealthy:10s',
      { exec: { command: ['cat', '/tmp/healthy'] } },
      "cat: can't open '/tmp/healthy': No such file or directory",
    ],
  ])('%s %j', (image, probe, want) => {
    const r = runProbe(probe, planOf(image), 60_000, '10.244.1.2', c);
    expect(r.ok ? 'ok' : r.output).toBe(want);
  });
});

const http8080 = { httpGet: { path: '/', port: 8080 } };

describe('readiness [PROBE1] [PROBE2] [PROBE6] [COND1]', () => {
  it('is probed as soon as the kubelet sees the container run: nginx is Ready in a second', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('web', { image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 } } }));
    engine.runFor(20_000);
    // PLEG sees the container at the relist after it started (3.185 s); the probe worker,
    // created at the pod's first sync, still sleeps (the kubelet started moments ago) and probes
    // as soon as it wakes.
    expect(watchPod(engine, 'web')).toEqual([
      '30 0/1 ContainerCreating 0',
      '3189 0/1 Running 0',
      '3325 1/1 Running 0',
    ]);
  });

  it('uses the defaults: every 10 s, and a never-ready pod stays Running, 0/1, without restarts', () => {
    const { engine } = kubeletEngine();
    const readinessProbe = { httpGet: { path: '/ready', port: 8080 } };
    runPod(engine, pod('nr', { image: 'wheelhouse/never-ready', readinessProbe }));
    engine.runFor(60_000);
    // The worker wakes at 3.321 s: its first run, the run the kubelet asked for when it saw the
    // container, and one more asked by the sync its first result started; then every 10 s.
    expect(eventTimes(engine, 'nr', 'Unhealthy')).toEqual([
      3321, 3321, 3321, 13_321, 23_321, 33_321, 43_321, 53_321,
    ]);
    expect(eventsFor(engine, 'nr')).toContain(
      'Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503',
    );
    const p = getPod(engine, 'nr');
    expect(p?.status?.phase).toBe('Running');
    expect(p?.status?.containerStatuses?.[0]).toMatchObject({
      ready: false,
      started: true,
      restartCount: 0,
    });
    for (const type of ['Ready', 'ContainersReady'])
      expect(p?.status?.conditions?.find((c) => c.type === type)).toMatchObject({
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [app]',
      });
  });

  it('turns the pod NotReady after failureThreshold failures and Ready again on a success', () => {
    const { engine } = kubeletEngine();
    const script =
      'touch /tmp/ready; sleep 30; rm /tmp/ready; sleep 30; touch /tmp/ready; sleep 600';
    const readinessProbe = { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5 };
    runPod(
      engine,
      pod('flip', { image: 'busybox:1.36', command: ['sh', '-c', script], readinessProbe }),
    );
    engine.runFor(90_000);
    // /tmp/ready is gone from 30.9 s to 60.9 s; probes run at 1.673 s + 5 s × n
    // (the watch shows each status as the apiserver answers it, 4 ms later).
    expect(watchPod(engine, 'flip')).toEqual([
      '30 0/1 ContainerCreating 0',
      '1011 0/1 Running 0',
      '1677 1/1 Running 0',
      '41677 0/1 Running 0',
      '61677 1/1 Running 0',
    ]);
    // The third failure flips readiness; the sync that follows probes once more at once.
    expect(eventTimes(engine, 'flip', 'Unhealthy')).toEqual([
      31_673, 36_673, 41_673, 41_673, 46_673, 51_673, 56_673,
    ]);
    expect(eventTimes(engine, 'flip', 'Killing')).toEqual([]);
  });
});

describe('liveness [PROBE4] [SYNC3]', () => {
  it('restarts the docs example once /tmp/healthy is gone: three failures, then Killing', () => {
    const { engine } = kubeletEngine();
    const args = ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'];
    const livenessProbe = {
      exec: { command: ['cat', '/tmp/healthy'] },
      initialDelaySeconds: 5,
      periodSeconds: 5,
    };
    runPod(engine, pod('liveness-exec', { image: 'busybox:1.36', args, livenessProbe }));
    engine.runFor(100_000);
    expect(eventsFor(engine, 'liveness-exec')).toEqual(
      expect.arrayContaining([
        "Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
        'Killing: Container app failed liveness probe, will be restarted',
      ]),
    );
    // Probes run every 5 s from 1.673 s, once the container is 5 s old; the file goes at 30.9 s.
    expect(eventTimes(engine, 'liveness-exec', 'Unhealthy')).toEqual([31_673, 36_673, 41_673]);
    expect(eventTimes(engine, 'liveness-exec', 'Killing')).toEqual([41_673]);
    const cs = getPod(engine, 'liveness-exec')?.status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(1);
    // sh ignores SIGTERM, so the kill waits out the 30 s grace period: 137.
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('never counts a probe that errors: the container is not restarted [PROBE5]', () => {
    const { engine } = kubeletEngine();
    const livenessProbe = { exec: { command: ['pgrep', 'sleep'] } };
    runPod(
      engine,
      pod('err', { image: 'busybox:1.36', command: ['sleep', '3600'], livenessProbe }),
    );
    engine.runFor(60_000);
    const [first] = eventsFor(engine, 'err').filter((e) => e.startsWith('Unhealthy'));
    expect(first).toMatch(
      /^Unhealthy: Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "pgrep": executable file not found in \$PATH: unknown$/,
    );
    expect(eventTimes(engine, 'err', 'Unhealthy')).toHaveLength(6);
    expect(eventTimes(engine, 'err', 'Killing')).toEqual([]);
  });
});

describe('startup probes [PROBE3]', () => {
  it('without one, a slow starter is killed by its liveness probe before it listens', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('slow', { image: 'wheelhouse/slow-start:60s', livenessProbe: http8080 }));
    engine.runFor(60_000);
    // Three failures 10 s apart kill it; its replacement starts at once and fares the same.
    expect(eventTimes(engine, 'slow', 'Killing')).toEqual([23_321, 53_321]);
    expect(getPod(engine, 'slow')?.status?.containerStatuses?.[0]?.restartCount).toBe(2);
  });

  it('holds liveness and readiness back until it succeeds; then the pod is Ready at once', () => {
    const { engine } = kubeletEngine();
    const startupProbe = { ...http8080, failureThreshold: 10 };
    runPod(
      engine,
      pod('slow', {
        image: 'wheelhouse/slow-start:60s',
        startupProbe,
        livenessProbe: http8080,
        readinessProbe: http8080,
      }),
    );
    engine.runFor(70_000);
    // The app listens 60 s after it started (0.994 s); the startup probe runs every 10 s.
    expect(watchPod(engine, 'slow')).toEqual([
      '30 0/1 ContainerCreating 0',
      '1011 0/1 Running 0',
      '63330 1/1 Running 0',
    ]);
    // Only the startup probe ran, and failed, until the app listened.
    expect(eventsFor(engine, 'slow').filter((e) => e.startsWith('Unhealthy'))).toEqual([
      'Unhealthy: Startup probe failed: Get "http://10.244.1.2:8080/": dial tcp 10.244.1.2:8080: connect: connection refused',
    ]);
    expect(eventTimes(engine, 'slow', 'Killing')).toEqual([]);
  });

  it('kills a container that does not start in failureThreshold × periodSeconds', () => {
    const { engine } = kubeletEngine();
    runPod(engine, pod('slow', { image: 'wheelhouse/slow-start:60s', startupProbe: http8080 }));
    engine.runFor(30_000);
    expect(eventsFor(engine, 'slow')).toContain(
      'Killing: Container app failed startup probe, will be restarted',
    );
    expect(eventTimes(engine, 'slow', 'Killing')).toEqual([23_321]);
    expect(getPod(engine, 'slow')?.status?.containerStatuses?.[0]?.started).toBe(false);
  });
});
