import { expect, it } from 'vitest';
import type { Hop } from '../../worker/protocol';
import { causalChain } from './why';

const hop = (id: number, cause: number | null): Hop => ({
  id,
  cause,
  t: id,
  arrive: id + 1,
  from: 'a',
  to: 'b',
  type: 'request',
  verb: 'GET',
});

it('walks causes back to the root, oldest first', () => {
  const hops = [hop(1, null), hop(2, null), hop(3, 1), hop(4, 3), hop(5, 2)];
  expect(causalChain(hops, 4).map((h) => h.id)).toEqual([1, 3, 4]);
  expect(causalChain(hops, 2).map((h) => h.id)).toEqual([2]);
  expect(causalChain(hops, 99)).toEqual([]);
});
