import { describe, expect, it } from 'vitest';
import type { ObjectVersion } from '../worker/protocol';
import { World } from './world';

const put = (hop: number, rev: number, key: string, phase = ''): ObjectVersion => ({
  hop,
  rev,
  type: 'PUT',
  key,
  object: { phase },
});

describe('World', () => {
  it('shows only the writes of hops that have arrived, forwards and back', () => {
    const w = new World();
    w.add([put(0, 1, 'n'), put(5, 2, 'p', 'Pending'), put(9, 3, 'p', 'Running')]);
    expect([...w.at(4).keys()]).toEqual(['n']);
    expect(w.at(5).get('p')?.object).toEqual({ phase: 'Pending' });
    expect(w.at(9).get('p')?.object).toEqual({ phase: 'Running' });
    expect(w.at(6).get('p')?.object).toEqual({ phase: 'Pending' });
    expect(w.at(0).has('p')).toBe(false);
  });

  it('applies a deletion and keeps the newest revision when hops arrive out of order', () => {
    const w = new World();
    w.add([put(3, 2, 'p', 'a'), put(2, 3, 'p', 'b')]);
    expect(w.at(3).get('p')?.object).toEqual({ phase: 'b' });
    w.add([{ hop: 4, rev: 4, type: 'DELETE', key: 'p', object: {} }]);
    expect(w.at(4).has('p')).toBe(false);
    expect(w.history('p').map((v) => v.rev)).toEqual([2, 3, 4]);
  });

  it('forgets writes past a fork and rebuilds across checkpoints', () => {
    const w = new World();
    w.add(Array.from({ length: 5000 }, (_, i) => put(i + 1, i + 1, `k${i % 7}`, String(i))));
    expect(w.at(4500).get('k0')?.object).toEqual({ phase: '4494' });
    expect(w.at(10).get('k0')?.object).toEqual({ phase: '7' });
    w.truncate(100);
    expect(w.at(5000).get('k0')?.object).toEqual({ phase: '98' });
  });
});
