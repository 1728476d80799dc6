import { describe, expect, it } from 'vitest';
import type { Namespace } from '../../api/types';
import type { ContentTotals } from './conditions';
import {
  CONDITION_TYPES,
  NAMESPACE_CONTENT_REMAINING,
  NAMESPACE_DELETION_CONTENT_FAILURE,
  NAMESPACE_FINALIZERS_REMAINING,
  NamespaceConditionUpdater,
} from './conditions';

type Status = NonNullable<Namespace['status']>;

const EMPTY: ContentTotals = { byResource: new Map(), byFinalizer: new Map() };

function pass(status: Status, now: string, totals = EMPTY, errors: string[] = []): boolean {
  const u = new NamespaceConditionUpdater(now);
  u.processContentTotals(totals);
  for (const e of errors) u.processDeleteContentErr(e);
  return u.update(status);
}

const line = (status: Status, type: string): string => {
  const c = status.conditions?.find((x) => x.type === type);
  return `${c?.status} ${c?.reason} @${c?.lastTransitionTime}: ${c?.message}`;
};

describe('NamespaceConditionUpdater [NS3]', () => {
  it.each([
    {
      name: 'resources remaining, sorted, zero counts skipped',
      totals: {
        byResource: new Map([
          ['replicasets.apps', 2],
          ['pods.', 1],
          ['leases.coordination.k8s.io', 0],
        ]),
        byFinalizer: new Map(),
      },
      errors: [],
      type: NAMESPACE_CONTENT_REMAINING,
      want: 'True SomeResourcesRemain @T1: Some resources are remaining: pods. has 1 resource instances, replicasets.apps has 2 resource instances',
    },
    {
      name: 'finalizers remaining',
      totals: { byResource: new Map(), byFinalizer: new Map([['example.com/hold', 3]]) },
      errors: [],
      type: NAMESPACE_FINALIZERS_REMAINING,
      want: 'True SomeFinalizersRemain @T1: Some content in the namespace has finalizers remaining: example.com/hold in 3 resource instances',
    },
    {
      name: 'delete errors, sorted and counted',
      totals: EMPTY,
      errors: ['z failed', 'a failed'],
      type: NAMESPACE_DELETION_CONTENT_FAILURE,
      want: 'True ContentDeletionFailed @T1: Failed to delete all resource types, 2 remaining: a failed, z failed',
    },
    {
      name: 'nothing wrong',
      totals: EMPTY,
      errors: [],
      type: NAMESPACE_CONTENT_REMAINING,
      want: 'False ContentRemoved @T1: All content successfully removed',
    },
  ])('$name', ({ totals, errors, type, want }) => {
    const status: Status = { phase: 'Terminating' };
    expect(pass(status, 'T1', totals, errors)).toBe(true);
    expect(status.conditions?.map((c) => c.type)).toEqual([...CONDITION_TYPES]);
    expect(line(status, type)).toBe(want);
  });

  it('moves lastTransitionTime only when the status flips, and reports no change when none', () => {
    const status: Status = { phase: 'Terminating' };
    const remaining = (n: number): ContentTotals => ({
      byResource: new Map([['pods.', n]]),
      byFinalizer: new Map(),
    });
    pass(status, 'T1', remaining(2));
    expect(pass(status, 'T2', remaining(1))).toBe(true);
    expect(line(status, NAMESPACE_CONTENT_REMAINING)).toMatch(/^True SomeResourcesRemain @T1:/);
    expect(pass(status, 'T3', remaining(1))).toBe(false);
    expect(pass(status, 'T4')).toBe(true);
    expect(line(status, NAMESPACE_CONTENT_REMAINING)).toBe(
      'False ContentRemoved @T4: All content successfully removed',
    );
  });
});
