import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycleState';
import type { NodeOptions, PodOptions } from '../../fixtures';
import { makeNodeInfo, makePod, rawScore } from '../../fixtures';
import type { NodeResourcesFitArgs } from './fit';
import { filterFit, newFit } from './fit';
import type { ResourceSpec } from './resourceAllocation';
import { newBalancedAllocation } from './balancedAllocation';

const used = (cpu: string, memory: string, n = 1): PodOptions[] =>
  Array.from({ length: n }, (_, i) => ({ name: `used-${i}`, cpu, memory }));

function node(o: NodeOptions, pods: PodOptions[] = []): ReturnType<typeof makeNodeInfo> {
  return makeNodeInfo('n', o, pods.map(makePod));
}

describe('NodeResourcesFit Filter', () => {
  it.each<[string, PodOptions, NodeOptions, PodOptions[], string[]]>([
    ['fits an empty node', { cpu: '1', memory: '1Gi' }, {}, [], []],
    ['fits exactly', { cpu: '1' }, {}, used('3', '0'), []],
    ['Insufficient cpu', { cpu: '100' }, {}, [], ['Insufficient cpu']],
    ['Insufficient cpu after others', { cpu: '1500m' }, {}, used('3', '0'), ['Insufficient cpu']],
    ['Insufficient memory', { memory: '9Gi' }, {}, [], ['Insufficient memory']],
    [
      'both, cpu first',
      { cpu: '5', memory: '9Gi' },
      {},
      [],
      ['Insufficient cpu', 'Insufficient memory'],
    ],
    ['Too many pods', { cpu: '1' }, { pods: '2' }, used('0', '0', 2), ['Too many pods']],
    ['a pod requesting nothing only needs a slot', {}, {}, used('4', '8Gi'), []],
  ])('%s', (_name, pod, n, pods, reasons) => {
    const s = filterFit(makePod(pod), node(n, pods));
    expect(s.reasons).toEqual(reasons);
    expect(s.code).toBe(reasons.length ? 'Unschedulable' : 'Success');
  });
});

describe('NodeResourcesFit Score strategies', () => {
  const score = (
    args: Parameters<typeof newFit>[0],
    pod: PodOptions,
    pods: PodOptions[] = [],
  ): number => rawScore(newFit(args), new CycleState(), makePod(pod), node({}, pods));
  const strategy = (type: 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio') => ({
    scoringStrategy: {
      type,
      resources: [
        { name: 'cpu', weight: 1 },
        { name: 'memory', weight: 1 },
      ],
      requestedToCapacityRatio: {
        shape: [
          { utilization: 0, score: 0 },
          { utilization: 100, score: 10 },
        ],
      },
    },
  });

  const withResources = (resources: ResourceSpec[]): NodeResourcesFitArgs => ({
    scoringStrategy: { type: 'LeastAllocated', resources },
  });
  const onePod: PodOptions = { cpu: '1', memory: '1Gi' };

  it.each<[string, Parameters<typeof newFit>[0], PodOptions, PodOptions[], number]>([
    // (4000−1000)·100/4000 = 75; (8Gi−1Gi)·100/8Gi = 87; (75+87)/2 = 81
    ['LeastAllocated, default args', undefined, { cpu: '1', memory: '1Gi' }, [], 81],
    // no requests count as 100m/200Mi: 97 and 97
    ['LeastAllocated, zero requests', undefined, {}, [], 97],
    ['LeastAllocated, a busy node', undefined, { cpu: '1', memory: '1Gi' }, used('2', '4Gi'), 31],
    ['MostAllocated', strategy('MostAllocated'), { cpu: '1', memory: '1Gi' }, [], 18],
    // utilization 25% and 12% on a 0→10 line: 25 and 12, rounded mean 19
    [
      'RequestedToCapacityRatio',
      strategy('RequestedToCapacityRatio'),
      { cpu: '1', memory: '1Gi' },
      [],
      19,
    ],
    // 75 alone
    ['LeastAllocated over cpu alone', withResources([{ name: 'cpu', weight: 1 }]), onePod, [], 75],
    // a resource the simulator does not model has nothing allocatable and is skipped: (3·75+87)/4
    [
      'LeastAllocated, weighted, skipping an unmodelled resource',
      withResources([
        { name: 'cpu', weight: 3 },
        { name: 'memory', weight: 1 },
        { name: 'example.com/gpu', weight: 5 },
      ]),
      onePod,
      [],
      78,
    ],
    // (75 + 87 + 2·75)/4
    [
      'LeastAllocated over three entries',
      withResources([
        { name: 'cpu', weight: 1 },
        { name: 'memory', weight: 1 },
        { name: 'cpu', weight: 2 },
      ]),
      onePod,
      [],
      78,
    ],
  ])('%s', (_name, args, pod, pods, want) => {
    expect(score(args, pod, pods)).toBe(want);
  });
});

describe('NodeResourcesBalancedAllocation Score', () => {
  it.each<[string, PodOptions, PodOptions[], number]>([
    // fractions 0.25 and 0.125: std 0.0625 → 93
    ['uneven use', { cpu: '1', memory: '1Gi' }, [], 93],
    ['even use', { cpu: '1', memory: '2Gi' }, [], 100],
    // real requests, not the scoring defaults: 0 and 0 → 100
    ['a pod requesting nothing', {}, [], 100],
    ['over capacity clamps to 1', { cpu: '8', memory: '1Gi' }, [], 56],
  ])('%s', (_name, pod, pods, want) => {
    const plugin = newBalancedAllocation();
    expect(rawScore(plugin, new CycleState(), makePod(pod), node({}, pods))).toBe(want);
  });

  it.each<[string, ResourceSpec[], number]>([
    ['one resource has no deviation', [{ name: 'cpu', weight: 1 }], 100],
    // fractions 0.25, 0.125, 0.25: std 0.0589 → 94
    [
      'three entries',
      [
        { name: 'cpu', weight: 1 },
        { name: 'memory', weight: 1 },
        { name: 'cpu', weight: 1 },
      ],
      94,
    ],
  ])('over other resource lists: %s', (_name, resources, want) => {
    const plugin = newBalancedAllocation({ resources });
    const pod = makePod({ cpu: '1', memory: '1Gi' });
    expect(rawScore(plugin, new CycleState(), pod, node({}))).toBe(want);
  });
});
