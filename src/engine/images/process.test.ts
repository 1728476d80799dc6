import { describe, expect, it } from 'vitest';
import { findImage } from './registry';
import { parseImageReference } from './reference';
import { START_ERROR_PREFIX, containerArgv, expandEnv, planProcess } from './process';
import type { ProcessPlan } from './types';

function plan(
  image: string,
  command?: string[],
  args?: string[],
  env: Record<string, string> = {},
): ProcessPlan {
  const found = findImage(parseImageReference(image));
  if (!found) throw new Error(`no image ${image}`);
  return planProcess({ behaviour: found.variant.behaviour, command, args, env });
}

const sh = (script: string): ProcessPlan => plan('busybox', ['sh', '-c', script]);

describe('the one-liner interpreter: lifetime, exit code and SIGTERM', () => {
  // [exit after ms | undefined = runs forever, exit code, SIGTERM at 1 s: exit code or 'ignore']
  const table: [string, number | undefined, number | undefined, number | 'ignore'][] = [
    ['sleep 5; exit 1', 5000, 1, 'ignore'],
    ['sleep 5', 5000, 0, 'ignore'],
    ['sleep infinity', undefined, undefined, 'ignore'],
    ['exit 3', 0, 3, 'ignore'],
    ['echo hello', 0, 0, 'ignore'],
    ['echo done', 0, 0, 'ignore'],
    ['true', 0, 0, 'ignore'],
    ['false', 0, 1, 'ignore'],
    ['echo hi && sleep 3600', 3_600_000, 0, 'ignore'],
    ['false && sleep 10', 0, 1, 'ignore'],
    ['false || exit 4', 0, 4, 'ignore'],
    ['while true; do sleep 5; done', undefined, undefined, 'ignore'],
    ['while true; do echo tick; sleep 1; done', undefined, undefined, 'ignore'],
    ['while :; do :; done', undefined, undefined, 'ignore'],
    ['for i in 1 2 3; do sleep 2; done; exit 7', 6000, 7, 'ignore'],
    ['sleep 1m', 60_000, 0, 'ignore'],
    ['sleep 2 & wait', 2000, 0, 'ignore'],
    ['if [ -f /tmp/x ]; then exit 1; else exit 2; fi', 0, 2, 'ignore'],
    ['touch /tmp/x; [ -f /tmp/x ] && exit 5', 0, 5, 'ignore'],
    ['foo; exit $?', 0, 127, 'ignore'],
    ['tail -f /dev/null', undefined, undefined, 'ignore'],
    ["trap 'exit 0' TERM; while true; do sleep 1; done", undefined, undefined, 0],
    // The trap only runs once sleep returns, long after any grace period: SIGKILL comes first.
    ["trap 'exit 143' SIGTERM; sleep 3600", 3_600_000, 0, 143],
    ['while true\ndo\n  sleep 10\ndone', undefined, undefined, 'ignore'],
    ['x=3; exit $x', 0, 3, 'ignore'],
    ['timeout 2 sleep 10', 2000, 124, 'ignore'],
    ['exec nginx', 0, 127, 'ignore'],
  ];
  it.each(table)('sh -c %j', (script, afterMs, code, onTerm) => {
    const p = sh(script);
    expect(p.startError).toBeUndefined();
    expect(p.exit?.afterMs).toBe(afterMs);
    expect(p.exit?.code).toBe(code);
    const stop = p.onStop(1000);
    expect(stop === undefined ? 'ignore' : stop.code).toBe(onTerm);
  });

  it('answers the SIGTERM trap when the current sleep ends', () => {
    const p = sh("trap 'exit 0' TERM; while true; do sleep 5; done");
    expect(p.onStop(12_000)).toEqual({ afterMs: 3000, code: 0 });
    expect(sh("trap 'exit 143' TERM; sleep 3600").onStop(1000)).toEqual({
      afterMs: 3_599_000,
      code: 143,
    });
  });

  it('follows the liveness example: /tmp/healthy exists for 30 s', () => {
    const p = sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');
    expect(p.exec(['cat', '/tmp/healthy'], 10_000).code).toBe(0);
    const late = p.exec(['cat', '/tmp/healthy'], 35_000);
    expect(late.code).toBe(1);
    expect(late.output).toBe("cat: can't open '/tmp/healthy': No such file or directory");
  });

  it('treats files the process never touched as present for exec probes', () => {
    expect(sh('sleep 3600').exec(['cat', '/tmp/healthy'], 1000).code).toBe(0);
  });
});

describe('starting processes from images', () => {
  it('fails like runc when the executable is not in the image', () => {
    expect(plan('busybox', ['foo']).startError).toBe(
      START_ERROR_PREFIX + 'exec: "foo": executable file not found in $PATH: unknown',
    );
    expect(plan('busybox', ['/app/server']).startError).toBe(
      START_ERROR_PREFIX +
        'exec: "/app/server": stat /app/server: no such file or directory: unknown',
    );
  });

  it('exits 0 at once for a bare busybox, alpine, ubuntu or python', () => {
    for (const image of ['busybox', 'alpine:3.20', 'ubuntu', 'debian', 'python', 'node', 'golang'])
      expect(plan(image).exit).toEqual({ afterMs: 0, code: 0 });
  });

  it('runs servers forever and stops them the way their image says', () => {
    const nginx = plan('nginx:1.25');
    expect(nginx.exit).toBeUndefined();
    expect(nginx.onStop(5000)).toEqual({ afterMs: 50, code: 0 });
    expect(nginx.http(80, '/', 5000)).toBe(200);
    expect(nginx.http(8080, '/', 5000)).toBeUndefined();
    expect(plan('redis').tcp(6379, 1000)).toBe(true);
    expect(plan('wheelhouse/stubborn').onStop(1000)).toBeUndefined();
  });

  it('passes args to the entrypoint script and flags to the server', () => {
    expect(plan('nginx', undefined, ['sleep', '10']).exit).toEqual({ afterMs: 10_000, code: 0 });
    expect(plan('redis', undefined, ['--port', '7000']).tcp(7000, 1000)).toBe(true);
    expect(plan('nginx', ['nginx']).exit).toEqual({ afterMs: 20, code: 0 });
  });

  it('exits 1 when postgres has no password', () => {
    expect(plan('postgres:16').exit).toEqual({ afterMs: 300, code: 1 });
    expect(
      plan('postgres:16', undefined, undefined, { POSTGRES_PASSWORD: 'x' }).exit,
    ).toBeUndefined();
  });

  it('builds argv from command, args, ENTRYPOINT and CMD with $(VAR) expansion', () => {
    const b = findImage(parseImageReference('nginx'))?.variant.behaviour;
    if (!b) throw new Error('nginx');
    expect(containerArgv({ behaviour: b, env: {} })).toEqual([
      '/docker-entrypoint.sh',
      'nginx',
      '-g',
      'daemon off;',
    ]);
    expect(containerArgv({ behaviour: b, command: ['echo'], env: {} })).toEqual(['echo']);
    expect(containerArgv({ behaviour: b, args: ['x'], env: {} })).toEqual([
      '/docker-entrypoint.sh',
      'x',
    ]);
    expect(expandEnv('$(A)-$$(A)-$(B)', { A: '1' })).toBe('1-$(A)-$(B)');
  });

  it('gives teaching images their documented behaviour', () => {
    expect(plan('wheelhouse/crash:30s-exit3').exit).toEqual({ afterMs: 30_000, code: 3 });
    expect(plan('wheelhouse/crash').exit).toEqual({ afterMs: 10_000, code: 1 });
    expect(plan('wheelhouse/complete:5s').exit).toEqual({ afterMs: 5000, code: 0 });
    expect(plan('wheelhouse/never-ready').http(8080, '/ready', 60_000)).toBe(503);
    const unhealthy = plan('wheelhouse/unhealthy:20s');
    expect(unhealthy.http(8080, '/healthz', 10_000)).toBe(200);
    expect(unhealthy.http(8080, '/healthz', 25_000)).toBe(500);
    expect(unhealthy.exec(['cat', '/tmp/healthy'], 25_000).code).toBe(1);
    expect(plan('wheelhouse/memory-hog:512Mi').memory).toEqual({
      bytes: 512 * 1024 * 1024,
      rampMs: 3000,
    });
    expect(plan('wheelhouse/slow-start:45s').tcp(8080, 44_000)).toBe(false);
  });
});
