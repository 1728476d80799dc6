import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/types';
import { formatFieldError } from '../errors';
import { validateNode, validateNodeUpdate } from './node';

const node = (spec: Node['spec'] = {}): Node => ({ metadata: { name: 'node-1' }, spec });

describe('Node validation', () => {
  it.each<[string, Node['spec'], string[]]>([
    ['a valid taint', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }, []],
    // Upstream reports node taints under metadata.taints.
    [
      'a taint without an effect',
      { taints: [{ key: 'dedicated', effect: '' }] },
      ['metadata.taints[0].effect: Required value'],
    ],
    [
      'an unknown effect',
      { taints: [{ key: 'dedicated', effect: 'NoRun' }] },
      [
        'metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    ],
    [
      'a bad taint key',
      { taints: [{ key: 'bad key', effect: 'NoSchedule' }] },
      [
        `metadata.taints[0].key: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    ],
    [
      'two taints with one key and effect',
      {
        taints: [
          { key: 'dedicated', value: 'a', effect: 'NoSchedule' },
          { key: 'dedicated', value: 'b', effect: 'NoSchedule' },
        ],
      },
      [
        'metadata.taints[1]: Duplicate value: core.Taint{Key:"dedicated", Value:"b", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
      ],
    ],
  ])('%s', (_what, spec, expected) => {
    expect(validateNode(node(spec)).map(formatFieldError)).toEqual(expected);
  });

  it('sets podCIDR and providerID once', () => {
    const old = node({
      podCIDR: '10.244.1.0/24',
      podCIDRs: ['10.244.1.0/24'],
      providerID: 'sim://node-1',
    });
    const next = node({ podCIDRs: ['10.244.9.0/24'], providerID: 'sim://other' });
    expect(validateNodeUpdate(next, old).map(formatFieldError)).toEqual([
      'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
      'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
    ]);
  });
});
