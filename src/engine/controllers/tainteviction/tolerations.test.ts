import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../../api/types';
import { matchingTolerations, minTolerationMs, noExecuteTaints } from './tolerations';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const forever = (key: string): Toleration => ({ key, operator: 'Exists', effect: 'NoExecute' });
const seconds = (key: string, s: number): Toleration => ({ ...forever(key), tolerationSeconds: s });

describe('noExecuteTaints', () => {
  it('keeps only NoExecute taints', () => {
    expect(
      noExecuteTaints([
        { key: 'a', effect: 'NoSchedule' },
        unreachable,
        { key: 'b', effect: 'PreferNoSchedule' },
      ]),
    ).toEqual([unreachable]);
  });
});

describe('matchingTolerations (GetMatchingTolerations)', () => {
  it('fails when one taint is not tolerated', () => {
    expect(matchingTolerations([unreachable, notReady], [forever(unreachable.key)])).toEqual({
      allTolerated: false,
      used: [],
    });
  });

  it('uses the first toleration matching each taint', () => {
    const first = seconds(unreachable.key, 300);
    const tolerations = [first, forever(unreachable.key), { operator: 'Exists' } as Toleration];
    expect(matchingTolerations([unreachable, notReady], tolerations)).toEqual({
      allTolerated: true,
      used: [first, { operator: 'Exists' }],
    });
  });
});

describe('minTolerationMs (getMinTolerationTime)', () => {
  it.each<[string, Toleration[], number]>([
    ['no tolerations used: at once', [], 0],
    ['all forever', [forever('a'), forever('b')], -1],
    ['the smallest tolerationSeconds', [seconds('a', 300), forever('b'), seconds('c', 60)], 60_000],
    ['zero means at once', [seconds('a', 300), seconds('b', 0)], 0],
    ['negative means at once', [seconds('a', -5)], 0],
  ])('%s', (_name, used, ms) => {
    expect(minTolerationMs(used)).toBe(ms);
  });
});
