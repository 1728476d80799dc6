import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycleState';
import { makeNodeInfo, makePod } from '../../fixtures';
import { newNodeName } from './nodeName';

describe('NodeName Filter', () => {
  const plugin = newNodeName();
  it.each([
    ['no spec.nodeName', undefined, 'Success', []],
    ['the named node', 'node-1', 'Success', []],
    [
      'another node',
      'node-2',
      'UnschedulableAndUnresolvable',
      ["node(s) didn't match the requested node name"],
    ],
  ] as const)('%s', (_name, nodeName, code, reasons) => {
    const s = plugin.filter(new CycleState(), makePod({ nodeName }), makeNodeInfo('node-1'));
    expect([s.code, s.reasons]).toEqual([code, reasons]);
  });
});
