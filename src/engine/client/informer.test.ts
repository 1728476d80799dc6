import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { REQUEST_TIMEOUT_MS } from './client';
import { Informer, RELIST_BACKOFF_INITIAL_MS, RELIST_BACKOFF_MAX_MS } from './informer';

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

describe('Informer', () => {
  it('lists, then watches, calling handlers after the cache holds the object [INF1]', () => {
    const e = new Engine({ nodes: [] });
    const inf = new Informer(e.client('test'), { resource: 'pods' });
    const seen: string[] = [];
    inf.addHandlers({
      add: (p) =>
        seen.push(
          `add ${p.metadata.name} cached=${Boolean(inf.get(`default/${p.metadata.name}`))}`,
        ),
    });
    let synced = false;
    inf.start(() => (synced = true));
    e.runUntilIdle();
    expect(synced).toBe(true);
    expect(inf.state).toBe('watching');
    e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: pod('a'),
    });
    e.runUntilIdle();
    expect(seen).toEqual(['add a cached=true']);
  });

  it('relists after a 410 from a watch that starts too far back [INF2]', () => {
    const e = new Engine({ nodes: [], watchCacheSize: 2 });
    const inf = new Informer(e.client('test'), { resource: 'pods' });
    inf.start();
    // Three writes commit after the list is served but before the watch arrives, overflowing
    // a two-event watch cache.
    for (const name of ['a', 'b', 'c']) {
      e.apiserver.serve(
        { verb: 'create', resource: 'pods', namespace: 'default', body: pod(name) },
        () => {},
      );
    }
    e.runUntilIdle();
    // The relist waits for the reflector's back-off. [INF3]
    e.runFor(RELIST_BACKOFF_INITIAL_MS);
    e.runUntilIdle();
    const hops = e.trace.all().filter((m) => m.from === 'test' || m.to === 'test');
    const errors = hops.filter((m) => m.type === 'watch' && m.verb === 'ERROR');
    expect(errors).toHaveLength(1);
    expect((errors[0]?.body as { message: string }).message).toMatch(
      /^too old resource version: \d+ \(\d+\)$/,
    );
    expect(hops.filter((m) => m.type === 'request' && m.verb === 'LIST')).toHaveLength(2);
    expect(
      inf
        .items()
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
  });

  it('keeps indexes in step with the cache', () => {
    const e = new Engine({ nodes: [] });
    const inf = new Informer(e.client('test'), { resource: 'pods' });
    inf.addIndexer('app', (p) => [p.metadata.labels?.app ?? '']);
    inf.start();
    e.runUntilIdle();
    e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: pod('a'),
    });
    e.runUntilIdle();
    expect(inf.byIndex('app', 'web').map((p) => p.metadata.name)).toEqual(['a']);
    e.request('kubectl', { verb: 'delete', resource: 'pods', namespace: 'default', name: 'a' });
    e.runUntilIdle();
    expect(inf.byIndex('app', 'web')).toEqual([]);
  });

  it('relists with a growing back-off while partitioned and catches up on heal [INF3]', () => {
    const e = new Engine({ nodes: [] });
    const inf = new Informer(e.client('test'), { resource: 'pods' });
    const seen: string[] = [];
    inf.addHandlers({
      add: (p) => seen.push(`add ${p.metadata.name}`),
      delete: (p) => seen.push(`delete ${p.metadata.name}`),
    });
    inf.start();
    e.runUntilIdle();
    create(e, 'a');
    e.setReachable('test', false);
    create(e, 'b');
    e.request('kubectl', { verb: 'delete', resource: 'pods', namespace: 'default', name: 'a' });
    // Broken watch noticed after the timeout, then lists that time out, 0.8 s, 1.6 s … apart.
    e.runFor(REQUEST_TIMEOUT_MS);
    expect(inf.state).toBe('backoff');
    e.runFor(60_000);
    expect(seen).toEqual(['add a']);
    e.setReachable('test', true);
    e.runFor(REQUEST_TIMEOUT_MS + RELIST_BACKOFF_MAX_MS);
    expect(inf.state).toBe('watching');
    expect(seen).toEqual(['add a', 'delete a', 'add b']);
    const lists = e.trace.all().filter((m) => m.from === 'test' && m.verb === 'LIST');
    expect(lists).toHaveLength(2);
  });

  it('forgets its back-off and answers of an earlier run when stopped and started', () => {
    const e = new Engine({ nodes: [] });
    const inf = new Informer(e.client('test'), { resource: 'pods' });
    let synced = 0;
    inf.start(() => synced++);
    e.setReachable('test', false);
    e.runFor(REQUEST_TIMEOUT_MS + 1);
    expect(inf.state).toBe('backoff');
    inf.stop();
    e.setReachable('test', true);
    create(e, 'a');
    inf.start(() => synced++);
    e.runFor(60_000);
    expect(synced).toBe(1);
    expect(inf.items().map((p) => p.metadata.name)).toEqual(['a']);
    const lists = e.trace.all().filter((m) => m.from === 'test' && m.verb === 'LIST');
    // The first run's list, lost in the partition, and the second run's; no retry of the first.
    expect(lists).toHaveLength(2);
  });
});

function create(e: Engine, name: string): void {
  e.request('kubectl', { verb: 'create', resource: 'pods', namespace: 'default', body: pod(name) });
}
