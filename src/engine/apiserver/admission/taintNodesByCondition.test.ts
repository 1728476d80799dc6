import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/types';
import { fixtureAttributes } from './fixtures';
import { taintNodesByCondition } from './taintNodesByCondition';

describe('TaintNodesByCondition', () => {
  it('creates nodes tainted not-ready:NoSchedule, once', () => {
    const node: Node = {
      metadata: { name: 'n1' },
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
    };
    const a = fixtureAttributes(node, { resource: 'nodes', namespace: undefined });
    taintNodesByCondition.admit(a);
    taintNodesByCondition.admit(a);
    expect(node.spec?.taints).toEqual([
      { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
    ]);
  });
});
