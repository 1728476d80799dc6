import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { Informer } from './informer';

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
});
