import { describe, expect, it } from 'vitest';
import type { Node, Taint } from '../../api/types';
import { noScheduleTaintDiff, swapTaints } from './taints';

const node = (ready: string, extra: Partial<Node['spec']> = {}): Node => ({
  metadata: { name: 'n' },
  spec: { ...extra },
  status: { conditions: [{ type: 'Ready', status: ready }] },
});
const noSchedule = (key: string): Taint => ({ key, effect: 'NoSchedule' });

describe('condition taints (doNoScheduleTaintingPass)', () => {
  it.each<[string, Node, Taint[], Taint[]]>([
    [
      'a new node reporting Ready loses not-ready',
      node('True', { taints: [noSchedule('node.kubernetes.io/not-ready')] }),
      [],
      [noSchedule('node.kubernetes.io/not-ready')],
    ],
    [
      'a NotReady node gains not-ready',
      node('False'),
      [noSchedule('node.kubernetes.io/not-ready')],
      [],
    ],
    [
      'an Unknown node swaps not-ready for unreachable',
      node('Unknown', { taints: [noSchedule('node.kubernetes.io/not-ready')] }),
      [noSchedule('node.kubernetes.io/unreachable')],
      [noSchedule('node.kubernetes.io/not-ready')],
    ],
    [
      'a cordoned node gains unschedulable',
      node('True', { unschedulable: true }),
      [noSchedule('node.kubernetes.io/unschedulable')],
      [],
    ],
    [
      'user taints and NoExecute taints are not the pass’s business',
      node('True', {
        taints: [
          { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
          noSchedule('node.kubernetes.io/unschedulable'),
        ],
      }),
      [],
      [noSchedule('node.kubernetes.io/unschedulable')],
    ],
  ])('%s', (_name, n, add, remove) => {
    expect(noScheduleTaintDiff(n)).toEqual({ add, remove });
  });

  it('changes nothing when the taints already match', () => {
    expect(noScheduleTaintDiff(node('True'))).toBeUndefined();
    const unknown = node('Unknown', {
      taints: [{ ...noSchedule('node.kubernetes.io/unreachable'), timeAdded: 'x' }],
    });
    expect(noScheduleTaintDiff(unknown)).toBeUndefined();
  });
});

describe('swapTaints (AddOrUpdateTaint, RemoveTaint)', () => {
  const user: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
  const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };

  it('appends a new taint and removes the opposite one', () => {
    const added = { ...unreachable, timeAdded: '2025-01-01T00:01:00Z' };
    expect(swapTaints([user, notReady], [added], [notReady])).toEqual([user, added]);
  });

  it('replaces a taint with the same key and effect in place', () => {
    const later = { ...unreachable, timeAdded: 'later' };
    expect(swapTaints([{ ...unreachable, timeAdded: 'early' }, user], [later], [])).toEqual([
      later,
      user,
    ]);
  });

  it('reports no change when the taints are already so', () => {
    expect(swapTaints([user, unreachable], [unreachable], [notReady])).toBeUndefined();
  });

  it('removes by key and effect, whatever the value', () => {
    expect(swapTaints([{ ...unreachable, value: 'x' }], [], [unreachable])).toEqual([]);
  });
});
