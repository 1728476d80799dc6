import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../api/types';
import { MAX_REPLICAS_ANNOTATION } from './constants';
import {
  getProportion,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  resolveFenceposts,
  scaledValue,
} from './replicas';

const deployment = (replicas: number, surge: number | string, unavailable: number | string) =>
  ({
    spec: {
      replicas,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable },
      },
    },
  }) as Deployment;

const rs = (replicas: number, maxReplicas?: number): ReplicaSet => ({
  metadata:
    maxReplicas === undefined
      ? {}
      : { annotations: { [MAX_REPLICAS_ANNOTATION]: String(maxReplicas) } },
  spec: { replicas, selector: {} },
});

describe('ResolveFenceposts', () => {
  // k8s-semantics §3: at 25%/25% surge rounds up, unavailability down, never both 0.
  it.each([
    [1, 1, 0],
    [3, 1, 0],
    [4, 1, 1],
    [10, 3, 2],
  ])(
    'replicas %i at 25%%/25%% → maxSurge %i, maxUnavailable %i',
    (replicas, surge, unavailable) => {
      const d = deployment(replicas, '25%', '25%');
      expect([maxSurge(d), maxUnavailable(d)]).toEqual([surge, unavailable]);
    },
  );

  it.each([
    // upstream's own examples (deployment_util.go comment) and absolute values
    [2, '0%', '1%', [0, 1]],
    [1, '1%', '25%', [1, 0]],
    [10, 3, 2, [3, 2]],
    [10, 0, 0, [0, 1]],
    [5, '30%', '30%', [2, 1]],
    [0, '25%', '25%', [0, 1]],
  ] as const)('%i replicas, surge %s, unavailable %s → %j', (desired, surge, unavailable, want) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual(want);
  });

  it('caps maxUnavailable at replicas and is 0 for Recreate or 0 replicas', () => {
    expect(maxUnavailable(deployment(2, 0, 5))).toBe(2);
    expect(maxUnavailable(deployment(0, 1, 1))).toBe(0);
    const recreate = { spec: { replicas: 3, strategy: { type: 'Recreate' } } } as Deployment;
    expect([maxSurge(recreate), maxUnavailable(recreate)]).toEqual([0, 0]);
  });

  it('refuses a string that is not a percentage', () => {
    expect(() => scaledValue('3', 10, true)).toThrow('string is not a percentage');
  });
});

describe('NewRSNewReplicas', () => {
  it('grows the new ReplicaSet by what surge leaves, never above replicas', () => {
    const d = deployment(10, 3, 2);
    const newRS = rs(0);
    expect(newRSNewReplicas(d, [rs(10), newRS], newRS)).toBe(3);
    const grown = rs(3);
    expect(newRSNewReplicas(d, [rs(8), grown], grown)).toBe(5);
    expect(newRSNewReplicas(d, [rs(13), rs(0)], rs(0))).toBe(0);
  });

  it('gives a Recreate ReplicaSet everything at once', () => {
    const d = { spec: { replicas: 4, strategy: { type: 'Recreate' } } } as Deployment;
    expect(newRSNewReplicas(d, [rs(0)], rs(0))).toBe(4);
  });
});

describe('GetProportion', () => {
  // 10 replicas at 25% (max 13) scaled to 15 (max 15 + 4 = 19): each grows by its share.
  const d = deployment(15, '25%', '25%');
  it.each([
    [rs(8, 13), 6, 0, 4], // 8 × 19/13 = 11.69 → 12, +4
    [rs(5, 13), 6, 4, 2], // 5 × 19/13 = 7.31 → 7, +2
    [rs(5, 13), 6, 5, 1], // capped by what is left
    [rs(0, 13), 6, 0, 0], // never scales up from zero
  ])('%j with %i to add (%i added) → %i', (set, toAdd, added, want) => {
    expect(getProportion(set, d, toAdd, added)).toBe(want);
  });

  it('scales down by the negative share, bounded by what is left', () => {
    const down = deployment(5, 1, 1); // max 6
    expect(getProportion(rs(8, 13), down, -7, 0)).toBe(-4); // 8 × 6/13 = 3.69 → 4, −4
    expect(getProportion(rs(5, 13), down, -7, -6)).toBe(-1);
  });
});
