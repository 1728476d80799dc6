import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycleState';
import type { PodOptions } from '../../fixtures';
import { makeNodeInfo, makePod } from '../../fixtures';
import { ERR_REASON_POD, newNodeAffinity } from './nodeAffinity';

type Affinity = NonNullable<PodOptions['affinity']>;
type Term = NonNullable<
  NonNullable<Affinity['nodeAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']
>['nodeSelectorTerms'][number];
type Requirement = NonNullable<Term['matchExpressions']>[number];

const required = (...terms: Term[]): Affinity => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
});
const expr = (key: string, operator: string, values?: string[]): Term => ({
  matchExpressions: [{ key, operator, values } as Requirement],
});

function filter(pod: PodOptions, labels: Record<string, string>, name = 'node-1'): string {
  const plugin = newNodeAffinity();
  const state = new CycleState();
  const pi = makePod(pod);
  const pre = plugin.preFilter(state, pi);
  if (pre.status.isSkip()) return 'Skip';
  if (!pre.status.isSuccess()) return pre.status.message();
  return plugin.filter(state, pi, makeNodeInfo(name, { labels })).code;
}

describe('NodeAffinity Filter', () => {
  const zoneA = { zone: 'a', gen: '5' };
  it.each<[string, PodOptions, string]>([
    ['nothing to enforce: skipped', {}, 'Skip'],
    ['nodeSelector matches', { nodeSelector: { zone: 'a' } }, 'Success'],
    ['nodeSelector does not', { nodeSelector: { zone: 'b' } }, 'UnschedulableAndUnresolvable'],
    ['In', { affinity: required(expr('zone', 'In', ['a', 'b'])) }, 'Success'],
    ['NotIn', { affinity: required(expr('zone', 'NotIn', ['a'])) }, 'UnschedulableAndUnresolvable'],
    ['NotIn on a missing key', { affinity: required(expr('disk', 'NotIn', ['ssd'])) }, 'Success'],
    ['Exists', { affinity: required(expr('zone', 'Exists')) }, 'Success'],
    [
      'DoesNotExist',
      { affinity: required(expr('zone', 'DoesNotExist')) },
      'UnschedulableAndUnresolvable',
    ],
    ['Gt', { affinity: required(expr('gen', 'Gt', ['4'])) }, 'Success'],
    ['Lt', { affinity: required(expr('gen', 'Lt', ['4'])) }, 'UnschedulableAndUnresolvable'],
    [
      'terms are ORed',
      { affinity: required(expr('zone', 'In', ['b']), expr('gen', 'In', ['5'])) },
      'Success',
    ],
    ['an empty term matches nothing', { affinity: required({}) }, 'UnschedulableAndUnresolvable'],
    [
      'In with no values does not parse',
      { affinity: required(expr('zone', 'In', [])) },
      'UnschedulableAndUnresolvable',
    ],
    [
      'nodeSelector AND affinity',
      { nodeSelector: { zone: 'b' }, affinity: required(expr('zone', 'Exists')) },
      'UnschedulableAndUnresolvable',
    ],
  ])('%s', (_name, pod, want) => {
    expect(filter(pod, zoneA)).toBe(want);
  });

  it('rejects with the upstream reason', () => {
    const plugin = newNodeAffinity();
    const state = new CycleState();
    const pod = makePod({ nodeSelector: { zone: 'b' } });
    plugin.preFilter(state, pod);
    expect(plugin.filter(state, pod, makeNodeInfo('n')).reasons).toEqual([ERR_REASON_POD]);
  });

  it('narrows nodes to matchFields metadata.name and reports conflicts', () => {
    const plugin = newNodeAffinity();
    const byName = (...names: string[]): Term => ({
      matchFields: [{ key: 'metadata.name', operator: 'In', values: names }],
    });
    const pinned = makePod({ affinity: required(byName('node-2')) });
    expect([...(plugin.preFilter(new CycleState(), pinned).nodeNames ?? [])]).toEqual(['node-2']);
    expect(filter({ affinity: required(byName('node-2')) }, {}, 'node-1')).toBe(
      'UnschedulableAndUnresolvable',
    );
    const conflict = makePod({
      affinity: required({
        matchFields: [
          { key: 'metadata.name', operator: 'In', values: ['node-1'] },
          { key: 'metadata.name', operator: 'In', values: ['node-2'] },
        ],
      }),
    });
    expect(plugin.preFilter(new CycleState(), conflict).status.message()).toBe(
      'pod affinity terms conflict',
    );
  });
});

describe('NodeAffinity Score', () => {
  it('sums matching preferred weights and normalizes to 100', () => {
    const plugin = newNodeAffinity();
    const affinity: Affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 2, preference: expr('zone', 'In', ['a']) },
          { weight: 3, preference: expr('disk', 'In', ['ssd']) },
        ],
      },
    };
    const pod = makePod({ affinity });
    const state = new CycleState();
    const nodes = ([{ zone: 'a' }, { zone: 'a', disk: 'ssd' }, {}] as Record<string, string>[]).map(
      (labels, i) => makeNodeInfo(`n${i}`, { labels }),
    );
    expect(plugin.preScore(state, pod, nodes).code).toBe('Success');
    const scores = new Float64Array(nodes.length);
    plugin.score(state, pod, nodes, scores);
    expect([...scores]).toEqual([2, 5, 0]);
    plugin.normalizeScore?.(state, pod, nodes, scores);
    expect([...scores]).toEqual([40, 100, 0]);
  });

  it('skips scoring a pod without preferences', () => {
    expect(newNodeAffinity().preScore(new CycleState(), makePod(), []).code).toBe('Skip');
  });
});
