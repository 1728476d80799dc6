import { describe, expect, it } from 'vitest';
import type { NodeCondition } from '../../api/types';
import type { NodeStatus } from './nodeObject';
import { conditionEvents, nodeStatusChanged } from './statusChange';

const cond = (type: string, status: string, at = 't0', beat = 't0'): NodeCondition => ({
  type,
  status,
  lastTransitionTime: at,
  lastHeartbeatTime: beat,
});
const healthy = (beat = 't0'): NodeCondition[] => [
  cond('MemoryPressure', 'False', 't0', beat),
  cond('DiskPressure', 'False', 't0', beat),
  cond('PIDPressure', 'False', 't0', beat),
  cond('Ready', 'True', 't0', beat),
];
const status = (conditions: NodeCondition[], images = ['nginx']): NodeStatus => ({
  conditions,
  images: images.map((n) => ({ names: [n], sizeBytes: 1 })),
});

describe('nodeStatusHasChanged [NSTAT6]', () => {
  it.each<[string, NodeStatus | undefined, NodeStatus, boolean]>([
    ['nothing but heartbeats moved', status(healthy('t0')), status(healthy('t9')), false],
    ['the same conditions in another order', status(healthy().reverse()), status(healthy()), false],
    [
      'the controller set Ready Unknown',
      status([...healthy().slice(0, 3), cond('Ready', 'Unknown')]),
      status(healthy()),
      true,
    ],
    [
      'a transition time differs',
      status([...healthy().slice(0, 3), cond('Ready', 'True', 't5')]),
      status(healthy()),
      true,
    ],
    ['a condition is missing', status(healthy().slice(1)), status(healthy()), true],
    ['an image was pulled', status(healthy()), status(healthy(), ['nginx', 'redis']), true],
    ['the Node has no status yet', undefined, status(healthy()), true],
  ])('%s', (_name, original, next, changed) => {
    expect(nodeStatusChanged(original, next)).toBe(changed);
  });
});

describe('the condition setters’ events [NSTAT7]', () => {
  const unknown = healthy().map((c) => ({ ...c, status: 'Unknown' }));
  it.each<[string, NodeCondition[] | undefined, string[]]>([
    [
      'a new Node object: every pressure condition, not Ready',
      undefined,
      ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID'],
    ],
    [
      'a Node the controller marked Unknown: all four, in setter order',
      unknown,
      ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady'],
    ],
    ['a Node already healthy: none', healthy(), []],
  ])('%s', (_name, original, events) => {
    expect(conditionEvents(original, healthy())).toEqual(events);
  });
});
