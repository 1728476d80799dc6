import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { rfc3339 } from '../../clock/time';
import { deletionCost, getPodsToDelete, sortForDeletion } from './ranking';

// ActivePodsWithRanks.Less, rule by rule (controller_utils_test.go TestSortingActivePods and
// TestSortingActivePodsWithRanks): each case lists pods in the order they must be deleted.

const HOUR = 3_600_000;
const NOW = 100 * HOUR;

interface Spec {
  name: string;
  node?: string;
  phase?: string;
  readyAt?: number;
  cost?: string;
  restarts?: number;
  created?: number;
  uid?: string;
}

function pod(s: Spec): Pod {
  const ready = s.readyAt !== undefined;
  return {
    metadata: {
      name: s.name,
      uid: s.uid ?? s.name,
      creationTimestamp: s.created === undefined ? undefined : rfc3339(s.created),
      annotations:
        s.cost === undefined ? undefined : { 'controller.kubernetes.io/pod-deletion-cost': s.cost },
    },
    spec: { containers: [], nodeName: s.node },
    status: {
      phase: s.phase ?? 'Running',
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: ready ? rfc3339(s.readyAt as number) : undefined,
        },
      ],
      containerStatuses: [
        { name: 'c', image: 'i', imageID: '', ready, restartCount: s.restarts ?? 0 },
      ],
    },
  };
}

const names = (pods: Pod[]): string[] => pods.map((p) => p.metadata?.name ?? '');
const N = 'node-1';

const cases: { rule: string; pods: Spec[]; ranks?: number[]; now?: number }[] = [
  {
    rule: '1. unscheduled before scheduled',
    pods: [
      { name: 'unscheduled', phase: 'Running' },
      { name: 'scheduled', node: N, phase: 'Pending' },
    ],
  },
  {
    rule: '2. Pending < Unknown < Running',
    pods: [
      { name: 'pending', node: N, phase: 'Pending' },
      { name: 'unknown', node: N, phase: 'Unknown' },
      { name: 'running', node: N },
    ],
  },
  {
    rule: '3. not Ready before Ready',
    pods: [
      { name: 'not-ready', node: N },
      { name: 'ready', node: N, readyAt: 0 },
    ],
  },
  {
    rule: '4. lower pod-deletion-cost first',
    pods: [
      { name: 'cheap', node: N, readyAt: 0, cost: '-5' },
      { name: 'default', node: N, readyAt: 0 },
      { name: 'dear', node: N, readyAt: 0, cost: '100' },
    ],
  },
  {
    rule: '5. more co-located siblings first',
    pods: [
      { name: 'crowded', node: N, readyAt: 0 },
      { name: 'alone', node: 'node-2', readyAt: 0 },
    ],
    ranks: [3, 1],
  },
  {
    rule: '6. Ready for less time first',
    pods: [
      { name: 'recent', node: N, readyAt: 90 * HOUR },
      { name: 'old', node: N, readyAt: 0 },
    ],
  },
  {
    rule: '7. more restarts first',
    pods: [
      { name: 'crashy', node: N, readyAt: 0, restarts: 4 },
      { name: 'steady', node: N, readyAt: 0 },
    ],
  },
  {
    rule: '8. newer first',
    pods: [
      { name: 'new', node: N, created: 90 * HOUR },
      { name: 'old', node: N, created: 0 },
    ],
  },
  {
    rule: '8. no creationTimestamp counts as newest',
    pods: [
      { name: 'zero', node: N },
      { name: 'dated', node: N, created: 0 },
    ],
  },
  // 60 h and 40 h ago fall in the same log₂ bucket of nanoseconds (2^47 ns ≈ 39 h .. 78 h):
  // the uid decides, not which is newer.
  {
    rule: '8. same log₂ bucket: uid order',
    pods: [
      { name: 'older', uid: 'a', node: N, created: 40 * HOUR },
      { name: 'newer', uid: 'b', node: N, created: 60 * HOUR },
    ],
  },
  {
    rule: '6. same log₂ bucket of ready time: uid order',
    pods: [
      { name: 'longer', uid: 'a', node: N, readyAt: 40 * HOUR },
      { name: 'shorter', uid: 'b', node: N, readyAt: 60 * HOUR },
    ],
  },
  {
    rule: '8. without a reference time, exact order',
    pods: [
      { name: 'newer', uid: 'b', node: N, created: 60 * HOUR },
      { name: 'older', uid: 'a', node: N, created: 40 * HOUR },
    ],
    now: -1,
  },
  {
    rule: 'an earlier rule beats every later one',
    pods: [
      { name: 'pending-dear', node: N, phase: 'Pending', cost: '1000' },
      { name: 'running-cheap', node: N, cost: '-1000', readyAt: 0 },
    ],
  },
];

describe('ActivePodsWithRanks ordering', () => {
  it.each(cases)('$rule', ({ pods, ranks, now }) => {
    const expected = pods.map((p) => p.name);
    // Every input order must sort to the same answer.
    for (const input of [pods, [...pods].reverse()]) {
      const list = input.map(pod);
      const r = ranks ? input.map((p) => ranks[pods.indexOf(p)] ?? 0) : list.map(() => 0);
      expect(names(sortForDeletion(list, r, now === -1 ? undefined : (now ?? NOW)))).toEqual(
        expected,
      );
    }
  });
});

describe('pod-deletion-cost annotation', () => {
  it.each([
    ['10', 10],
    ['-10', -10],
    ['0', 0],
    ['+10', 0],
    ['008', 0],
    ['1.5', 0],
    ['2147483647', 2147483647],
    ['2147483648', 0],
    ['-2147483648', -2147483648],
    ['abc', 0],
    ['', 0],
  ])('%j → %d', (value, cost) => {
    expect(deletionCost(pod({ name: 'p', cost: value }))).toBe(cost);
  });
});

describe('getPodsToDelete', () => {
  it('ranks by active related pods on the same node', () => {
    const a = pod({ name: 'a', node: 'node-1', readyAt: 0 });
    const b = pod({ name: 'b', node: 'node-2', readyAt: 0 });
    const sibling = pod({ name: 'sibling', node: 'node-2', readyAt: 0 });
    expect(names(getPodsToDelete([a, b], [a, b, sibling], 1, NOW))).toEqual(['b']);
  });

  it('ignores inactive related pods when ranking', () => {
    const a = pod({ name: 'a', node: 'node-1', readyAt: 0, created: 0 });
    const b = pod({ name: 'b', node: 'node-2', readyAt: 0, created: 0 });
    const gone = pod({ name: 'gone', node: 'node-2', phase: 'Failed' });
    const crowd = [pod({ name: 'x', node: 'node-1', readyAt: 0 })];
    expect(names(getPodsToDelete([a, b], [a, b, gone, ...crowd], 1, NOW))).toEqual(['a']);
  });

  it('takes every pod, unsorted, when all must go', () => {
    const list = [pod({ name: 'z', node: N, readyAt: 0 }), pod({ name: 'a' })];
    expect(names(getPodsToDelete(list, [], 2, NOW))).toEqual(['z', 'a']);
  });
});
