import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/types';
import { reconcileNoScheduleTaints } from './taints';

const node = (ready: string, extra: Partial<Node['spec']> = {}): Node => ({
  metadata: { name: 'n' },
  spec: { ...extra },
  status: { conditions: [{ type: 'Ready', status: ready }] },
});

describe('condition taints', () => {
  it.each([
    [
      'a new node reporting Ready loses not-ready',
      node('True', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] }),
      [],
    ],
    [
      'a NotReady node gains not-ready',
      node('False'),
      [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    ],
    [
      'an Unknown node gains unreachable',
      node('Unknown'),
      [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }],
    ],
    [
      'a cordoned node gains unschedulable',
      node('True', { unschedulable: true }),
      [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    ],
    [
      'user taints are kept',
      node('True', {
        taints: [
          { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
        ],
      }),
      [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    ],
  ])('%s', (_name, n, want) => {
    expect(reconcileNoScheduleTaints(n)).toEqual(want);
  });

  it('changes nothing when the taints already match', () => {
    expect(reconcileNoScheduleTaints(node('True'))).toBeUndefined();
  });
});
