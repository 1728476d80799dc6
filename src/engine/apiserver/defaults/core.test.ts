import { describe, expect, it } from 'vitest';
import type { Namespace, Node } from '../../api/types';
import { defaultNamespace, defaultNode } from './core';

describe('Namespace and Node defaults', () => {
  it('labels a namespace with its name and defaults its phase to Active', () => {
    const ns: Namespace = { metadata: { name: 'team-a', labels: { owner: 'me' } } };
    defaultNamespace(ns);
    expect(ns).toEqual({
      metadata: {
        name: 'team-a',
        labels: { owner: 'me', 'kubernetes.io/metadata.name': 'team-a' },
      },
      status: { phase: 'Active' },
    });
  });

  it('cannot label a namespace that has only a generateName yet', () => {
    const ns: Namespace = { metadata: { generateName: 'team-' } };
    defaultNamespace(ns);
    expect(ns.metadata?.labels).toBeUndefined();
  });

  it('copies capacity into a missing allocatable, in canonical form', () => {
    const node: Node = {
      metadata: { name: 'n1' },
      status: { capacity: { cpu: '4', memory: '8192Mi', pods: '110' } },
    };
    defaultNode(node);
    expect(node.status?.allocatable).toEqual({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(node.status?.capacity).toEqual({ cpu: '4', memory: '8Gi', pods: '110' });
  });
});
