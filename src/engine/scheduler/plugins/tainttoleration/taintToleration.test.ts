import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../../../api/types';
import { CycleState } from '../../framework/cycleState';
import { makeNodeInfo, makePod } from '../../fixtures';
import {
  countIntolerablePreferNoSchedule,
  filterTaints,
  newTaintToleration,
} from './taintToleration';

const gpu: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const cp: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('TaintToleration Filter', () => {
  it.each<[string, Taint[], Toleration[], string[]]>([
    ['no taints', [], [], []],
    [
      'an untolerated NoSchedule taint',
      [gpu],
      [],
      ['node(s) had untolerated taint {dedicated: gpu}'],
    ],
    [
      'a taint with no value',
      [cp],
      [],
      ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    ],
    ['tolerated by Equal', [gpu], [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], []],
    ['tolerated by Exists on the key', [gpu], [{ key: 'dedicated', operator: 'Exists' }], []],
    [
      'Equal with another value',
      [gpu],
      [{ key: 'dedicated', value: 'cpu' }],
      ['node(s) had untolerated taint {dedicated: gpu}'],
    ],
    ['PreferNoSchedule is not filtered', [{ key: 'k', effect: 'PreferNoSchedule' }], [], []],
    [
      'NoExecute is filtered',
      [{ key: 'k', value: 'v', effect: 'NoExecute' }],
      [],
      ['node(s) had untolerated taint {k: v}'],
    ],
    [
      'the first untolerated taint is named',
      [gpu, cp],
      [{ key: 'dedicated', operator: 'Exists' }],
      ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    ],
  ])('%s', (_name, taints, tolerations, reasons) => {
    const s = filterTaints(makePod({ tolerations }), makeNodeInfo('n', { taints }));
    expect(s.reasons).toEqual(reasons);
    expect(s.code).toBe(reasons.length ? 'UnschedulableAndUnresolvable' : 'Success');
  });
});

describe('TaintToleration Score', () => {
  const soft = (key: string): Taint => ({ key, effect: 'PreferNoSchedule' });

  it.each<[string, Taint[], Toleration[], number]>([
    ['no taints', [], [], 0],
    ['two untolerated PreferNoSchedule taints', [soft('a'), soft('b')], [], 2],
    ['one tolerated', [soft('a'), soft('b')], [{ key: 'a', operator: 'Exists' }], 1],
    ['NoSchedule taints do not count', [gpu], [], 0],
  ])('%s', (_name, taints, tolerations, count) => {
    expect(countIntolerablePreferNoSchedule(taints, tolerations)).toBe(count);
  });

  it('reverse-normalizes: fewer untolerated taints score higher', () => {
    const plugin = newTaintToleration();
    const state = new CycleState();
    const pod = makePod();
    const nodes = [[], [soft('a')], [soft('a'), soft('b')]].map((taints, i) =>
      makeNodeInfo(`n${i}`, { taints }),
    );
    plugin.preScore(state, pod, nodes);
    const scores = new Float64Array(nodes.length);
    plugin.score(state, pod, nodes, scores);
    plugin.normalizeScore?.(state, pod, nodes, scores);
    expect([...scores]).toEqual([100, 50, 0]);
  });
});
