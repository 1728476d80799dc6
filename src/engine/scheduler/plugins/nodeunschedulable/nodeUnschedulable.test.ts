import { describe, expect, it } from 'vitest';
import type { Toleration } from '../../../api/types';
import { makeNodeInfo, makePod } from '../../fixtures';
import { ERR_REASON_UNSCHEDULABLE, filterUnschedulable } from './nodeUnschedulable';

describe('NodeUnschedulable Filter', () => {
  const exists = (t: Partial<Toleration>): Toleration[] => [{ operator: 'Exists', ...t }];
  it.each([
    ['a schedulable node', false, undefined, 'Success'],
    ['a cordoned node', true, undefined, 'UnschedulableAndUnresolvable'],
    [
      'a cordoned node, unschedulable taint tolerated',
      true,
      exists({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }),
      'Success',
    ],
    ['a cordoned node, every taint tolerated', true, exists({}), 'Success'],
    [
      'a cordoned node, only NoExecute tolerated',
      true,
      exists({ key: 'node.kubernetes.io/unschedulable', effect: 'NoExecute' }),
      'UnschedulableAndUnresolvable',
    ],
  ] as const)('%s', (_name, unschedulable, tolerations, code) => {
    const s = filterUnschedulable(
      makePod({ tolerations: tolerations ? [...tolerations] : undefined }),
      makeNodeInfo('n', { unschedulable }),
    );
    expect(s.code).toBe(code);
    if (code !== 'Success') expect(s.reasons).toEqual([ERR_REASON_UNSCHEDULABLE]);
  });
});
