import { describe, expect, it } from 'vitest';
import type { Container } from '../api/types';
import { findImage, parseImageReference, planProcess } from '../images';
import { PROBE_START_LATENCY_MS, runProbe } from './prober';
import { eventsFor, getPod, kubeletEngine, pod, runPod } from './testing';

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

describe('probes in a running pod [PROBE1]-[PROBE4] [SYNC3]', () => {
  it('restarts the liveness example once /tmp/healthy is gone', () => {
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
    const cs = getPod(engine, 'liveness-exec')?.status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(1);
    // sh ignores SIGTERM, so the kill waits out the 30 s grace period: 137.
    expect(cs?.lastState?.terminated?.exitCode).toBe(137);
  });

  it('keeps a never-ready pod Running but not Ready', () => {
    const { engine } = kubeletEngine();
    const readinessProbe = { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 };
    runPod(engine, pod('nr', { image: 'wheelhouse/never-ready', readinessProbe }));
    engine.runFor(60_000);
    const p = getPod(engine, 'nr');
    expect(p?.status?.phase).toBe('Running');
    expect(p?.status?.containerStatuses?.[0]).toMatchObject({
      ready: false,
      started: true,
      restartCount: 0,
    });
    expect(p?.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    });
    expect(eventsFor(engine, 'nr')).toContain(
      'Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503',
    );
  });

  it('becomes Ready after the first readiness success', () => {
    const { engine } = kubeletEngine();
    runPod(
      engine,
      pod('web', { image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 80 } } }),
    );
    engine.runUntilIdle();
    expect(getPod(engine, 'web')?.status?.containerStatuses?.[0]?.ready).toBe(false);
    engine.runFor(PROBE_START_LATENCY_MS + 10);
    expect(getPod(engine, 'web')?.status?.containerStatuses?.[0]?.ready).toBe(true);
  });

  it('runs init containers first, one at a time: Init:0/1, then the app', () => {
    const { engine } = kubeletEngine();
    const initContainers = [
      { name: 'wait', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3'] },
    ];
    runPod(engine, pod('init', { image: 'nginx:1.25' }, { initContainers }));
    engine.runFor(1000);
    let p = getPod(engine, 'init');
    expect(p?.status?.initContainerStatuses?.[0]?.state?.running).toBeDefined();
    expect(p?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    expect(p?.status?.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [wait]',
    });
    engine.runFor(10_000);
    p = getPod(engine, 'init');
    expect(p?.status?.phase).toBe('Running');
    expect(p?.status?.initContainerStatuses?.[0]?.state?.terminated?.reason).toBe('Completed');
    expect(p?.status?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True');
  });
});
