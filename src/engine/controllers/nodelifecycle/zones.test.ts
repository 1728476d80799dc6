import { describe, expect, it } from 'vitest';
import type { Node, NodeCondition } from '../../api/types';
import { computeZoneState, NODE_EVICTION_RATE, zoneKey, Zones } from './zones';

const ready = (status: string): NodeCondition => ({ type: 'Ready', status });
const conditions = (readyCount: number, notReady: number): NodeCondition[] => [
  ...Array.from({ length: readyCount }, () => ready('True')),
  ...Array.from({ length: notReady }, () => ready('Unknown')),
];

describe('zoneKey (GetZoneKey)', () => {
  const node = (labels: Record<string, string>): Node => ({ metadata: { name: 'n', labels } });

  it('[ZONE1] puts nodes without topology labels in the zone ""', () => {
    expect(zoneKey(node({}))).toBe('');
  });

  it('[ZONE1] joins region and zone, preferring the beta labels', () => {
    expect(
      zoneKey(
        node({
          'topology.kubernetes.io/region': 'eu',
          'topology.kubernetes.io/zone': 'eu-a',
          'failure-domain.beta.kubernetes.io/zone': 'old-a',
        }),
      ),
    ).toBe('eu:\u0000:old-a');
  });
});

describe('computeZoneState', () => {
  it.each<[string, number, number, string]>([
    ['all Ready', 3, 0, 'Normal'],
    ['one of three down', 2, 1, 'Normal'],
    ['none Ready', 0, 3, 'FullDisruption'],
    ['two of three down is not enough nodes', 1, 2, 'Normal'],
    ['3 of 5 down (60%)', 2, 3, 'PartialDisruption'],
    ['3 of 6 down (50%)', 3, 3, 'Normal'],
  ])('[ZONE2] %s', (_name, r, n, state) => {
    expect(computeZoneState(conditions(r, n))).toEqual([n, state]);
  });

  it('[ZONE2] counts a node without a Ready condition as not Ready', () => {
    expect(computeZoneState([undefined])).toEqual([1, 'FullDisruption']);
  });
});

describe('Zones.handleDisruption', () => {
  const one = (c: NodeCondition[]): Map<string, NodeCondition[]> => new Map([['', c]]);

  it('[ZONE4] asks for every taint to go when every zone is fully disrupted, once', () => {
    const z = new Zones();
    z.add('');
    expect(z.handleDisruption(one(conditions(3, 0)), 0)).toBe('none');
    expect(z.states.get('')).toBe('Normal');
    expect(z.handleDisruption(one(conditions(0, 3)), 0)).toBe('markAllReachable');
    z.stopTainting(0);
    expect(z.tainters.get('')?.qps()).toBe(0);
    expect(z.handleDisruption(one(conditions(0, 3)), 0)).toBe('none');
    expect(z.handleDisruption(one(conditions(1, 2)), 0)).toBe('resetProbes');
    expect(z.tainters.get('')?.qps()).toBe(NODE_EVICTION_RATE);
  });

  it('[ZONE3] stops tainting a small, partially disrupted zone and slows a large one', () => {
    const small = new Zones();
    small.add('');
    small.handleDisruption(one(conditions(2, 0)), 0);
    small.handleDisruption(one(conditions(2, 3)), 0);
    expect(small.states.get('')).toBe('PartialDisruption');
    expect(small.tainters.get('')?.qps()).toBe(0);
    const large = new Zones();
    large.add('');
    large.handleDisruption(one(conditions(20, 40)), 0);
    expect(large.tainters.get('')?.qps()).toBe(0.01);
  });
});
