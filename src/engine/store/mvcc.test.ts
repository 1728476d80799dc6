import { describe, expect, it } from 'vitest';
import { ErrCompacted, MvccStore, type StoreEvent } from './mvcc';

describe('MvccStore', () => {
  it('[REV1] bumps one revision per write transaction', () => {
    const s = new MvccStore<string>();
    expect(s.revision()).toBe(1);
    s.put('/registry/pods/default/a', 'x');
    expect(s.revision()).toBe(2);
    s.txn(
      [],
      [
        { type: 'put', key: '/registry/pods/default/b', value: 'y' },
        { type: 'put', key: '/registry/pods/default/c', value: 'z' },
      ],
    );
    expect(s.revision()).toBe(3);
    expect(s.get('/registry/pods/default/c')?.modRevision).toBe(3);
  });

  it('[KEY1] tracks create/mod revision and version, reset by delete', () => {
    const s = new MvccStore<string>();
    const k = '/registry/pods/default/a';
    s.put(k, 'v1');
    s.put(k, 'v2');
    expect(s.get(k)).toMatchObject({ createRevision: 2, modRevision: 3, version: 2, value: 'v2' });
    s.delete(k);
    expect(s.get(k)).toBeUndefined();
    s.put(k, 'v3');
    expect(s.get(k)).toMatchObject({ createRevision: 5, version: 1 });
  });

  it('[TXN1] compares before writing (compare-and-swap)', () => {
    const s = new MvccStore<string>();
    const k = '/registry/pods/default/a';
    const create = () =>
      s.txn(
        [{ key: k, target: 'mod', result: '=', value: 0 }],
        [{ type: 'put', key: k, value: 'v' }],
      );
    expect(create().succeeded).toBe(true);
    expect(create().succeeded).toBe(false);
    expect(s.revision()).toBe(2);
    const cas = s.txn(
      [{ key: k, target: 'mod', result: '=', value: 2 }],
      [{ type: 'put', key: k, value: 'w' }],
    );
    expect(cas.succeeded).toBe(true);
    const stale = s.txn(
      [{ key: k, target: 'mod', result: '=', value: 2 }],
      [{ type: 'put', key: k, value: 'u' }],
    );
    expect(stale.succeeded).toBe(false);
    expect(s.get(k)?.value).toBe('w');
  });

  it('ranges by prefix in key order', () => {
    const s = new MvccStore<string>();
    s.put('/registry/pods/default/b', '1');
    s.put('/registry/pods/default/a', '2');
    s.put('/registry/pods/other/a', '3');
    s.put('/registry/minions/node-1', 'n');
    expect(s.range('/registry/pods/').kvs.map((kv) => kv.key)).toEqual([
      '/registry/pods/default/a',
      '/registry/pods/default/b',
      '/registry/pods/other/a',
    ]);
    expect(s.range('/registry/pods/default/').kvs).toHaveLength(2);
    expect(s.count('/registry/pods/')).toBe(3);
  });

  it('[WATCH1] replays from a revision, then streams live, with tombstones', () => {
    const s = new MvccStore<string>();
    s.put('/registry/pods/default/a', '1');
    s.put('/registry/pods/default/a', '2');
    const seen: StoreEvent<string>[] = [];
    s.watch('/registry/pods/', 3, (evs) => seen.push(...evs));
    expect(seen.map((e) => e.kv.value)).toEqual(['2']);
    s.delete('/registry/pods/default/a');
    s.put('/registry/minions/x', 'ignored');
    expect(seen.map((e) => e.type)).toEqual(['PUT', 'DELETE']);
    expect(seen[1]?.kv.modRevision).toBe(4);
    expect(seen[1]?.prevKv?.value).toBe('2');
  });

  it('[WATCH2] refuses compacted revisions', () => {
    const s = new MvccStore<string>();
    for (let i = 0; i < 5; i++) s.put('/registry/pods/default/a', String(i));
    expect(s.get('/registry/pods/default/a', 3)?.value).toBe('1');
    s.compact(4);
    expect(() => s.watch('/registry/pods/', 2, () => {})).toThrow(ErrCompacted);
    expect(() => s.get('/registry/pods/default/a', 2)).toThrow(
      'mvcc: required revision has been compacted',
    );
    expect(s.history('/registry/pods/default/a').map((e) => e.kv.value)).toEqual(['3', '4']);
  });
});
