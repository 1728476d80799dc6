import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import type { ApiResponse, WatchEvent } from '../apiserver/types';
import { Engine } from '../engine';
import { REQUEST_TIMEOUT_MS } from './client';

const pod = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

function create(e: Engine, name: string): void {
  e.request('kubectl', { verb: 'create', resource: 'pods', namespace: 'default', body: pod(name) });
}

const hopsOf = (e: Engine, component: string): string[] =>
  e.trace
    .all()
    .filter((m) => m.from === component || m.to === component)
    .map((m) => `${m.type} ${m.verb} ${m.name ?? ''}`.trim());

describe('Client', () => {
  it('fails a request to an unreachable apiserver after the timeout, sending nothing [CLI2]', () => {
    const e = new Engine({ nodes: [] });
    const client = e.client('kubelet/node-1');
    e.setReachable('kubelet/node-1', false);
    const sent = e.loop.now();
    let answer: ApiResponse | undefined;
    let at = -1;
    client.request(
      { verb: 'get', resource: 'leases', namespace: 'kube-node-lease', name: 'node-1' },
      (res) => {
        answer = res;
        at = e.loop.now();
      },
    );
    e.runFor(REQUEST_TIMEOUT_MS);
    expect(at).toBe(sent + REQUEST_TIMEOUT_MS);
    expect(answer?.error?.reason).toBe('Timeout');
    expect(answer?.error?.message).toBe(
      'Get "https://kube-apiserver:6443/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1": context deadline exceeded',
    );
    expect(hopsOf(e, 'kubelet/node-1')).toEqual([]);
  });

  it('answers a request whose response is lost in a partition with a timeout too [CLI2]', () => {
    const e = new Engine({ nodes: [] });
    const client = e.client('test');
    let answer: ApiResponse | undefined;
    client.request(
      { verb: 'create', resource: 'pods', namespace: 'default', body: pod('a') },
      (res) => (answer = res),
    );
    // The request reaches the apiserver, which writes the pod; the link goes down before the answer.
    e.loop.schedule(2, () => e.setReachable('test', false));
    e.runFor(REQUEST_TIMEOUT_MS);
    expect(answer?.code).toBe(0);
    expect(
      e.request('kubectl', { verb: 'get', resource: 'pods', namespace: 'default', name: 'a' }).code,
    ).toBe(200);
  });

  it('breaks open watches in a partition and tells their owner after the timeout [CLI3]', () => {
    const e = new Engine({ nodes: [] });
    const client = e.client('test');
    const seen: string[] = [];
    let brokenAt = -1;
    client.watch(
      { verb: 'watch', resource: 'pods', resourceVersion: String(e.store.revision()) },
      (ev) => seen.push(`${ev.type} ${(ev.object as KubeObject).metadata?.name ?? ''}`),
      () => (brokenAt = e.loop.now()),
    );
    e.runUntilIdle();
    create(e, 'a');
    const cut = e.loop.now();
    e.setReachable('test', false);
    create(e, 'b');
    e.setReachable('test', true);
    create(e, 'c');
    e.runFor(REQUEST_TIMEOUT_MS);
    expect(seen).toEqual(['ADDED a']);
    expect(brokenAt).toBe(cut + REQUEST_TIMEOUT_MS);
  });

  it('never reports a watch broken after its owner stopped it', () => {
    const e = new Engine({ nodes: [] });
    let broken = false;
    const handle = e.client('test').watch(
      { verb: 'watch', resource: 'pods' },
      () => {},
      () => (broken = true),
    );
    e.setReachable('test', false);
    handle.stop();
    e.runFor(2 * REQUEST_TIMEOUT_MS);
    expect(broken).toBe(false);
  });

  it('delivers watch events late but in order, and the trace shows when they arrive [CLI4]', () => {
    const e = new Engine({ nodes: [] });
    const client = e.client('test');
    const seen: string[] = [];
    client.watch(
      { verb: 'watch', resource: 'pods', resourceVersion: String(e.store.revision()) },
      (ev: WatchEvent) =>
        seen.push(`${(ev.object as KubeObject).metadata?.name ?? ''}@${e.loop.now()}`),
    );
    e.runUntilIdle();
    e.setWatchDelay('test', 5000);
    create(e, 'a');
    // Clearing the delay does not let a later event overtake the one still held back.
    e.setWatchDelay('test', 0);
    create(e, 'b');
    e.runFor(6000);
    const [a, b] = seen.map((s) => Number(s.split('@')[1]));
    expect(seen.map((s) => s.split('@')[0])).toEqual(['a', 'b']);
    expect(b).toBeGreaterThanOrEqual(a as number);
    const hops = e.trace.all().filter((m) => m.to === 'test' && m.type === 'watch');
    expect(hops.map((m) => m.arrive - m.t)).toEqual([5001, (b as number) - (hops[1]?.t ?? 0)]);
    expect(hops[0]?.arrive).toBe(a);
  });
});
