import { describe, expect, it } from 'vitest';
import { makeNodeInfo, makePod } from '../fixtures';
import { ResultStore } from '../results/resultStore';
import { wrapPlugin } from '../results/wrappedPlugin';
import { CycleState } from './cycleState';
import type { Registry } from './framework';
import { Framework } from './framework';
import type { AnyPlugin } from './interface';
import { SUCCESS, Status } from './status';

const reject = (name: string): AnyPlugin => ({
  name,
  filter: () => new Status('Unschedulable', [`${name} says no`]),
});
const pass = (name: string): AnyPlugin => ({ name, filter: () => SUCCESS });
const scoring = (name: string, raw: (node: string) => number, normalize = false): AnyPlugin => ({
  name,
  score: (_s, _p, nodes, scores) => nodes.forEach((n, i) => (scores[i] = raw(n.name))),
  normalizeScore: normalize
    ? (_s, _p, _n, scores) => scores.forEach((x, i) => (scores[i] = 100 - x))
    : undefined,
});

function framework(
  plugins: AnyPlugin[],
  weights: Record<string, number> = {},
  store?: ResultStore,
): Framework {
  const registry: Registry = Object.fromEntries(plugins.map((p) => [p.name, () => p]));
  const nodes = [makeNodeInfo('a'), makeNodeInfo('b')];
  return new Framework(
    {
      schedulerName: 'default-scheduler',
      plugins: [
        ...plugins.map((p) => ({ name: p.name, weight: weights[p.name] })),
        { name: 'Missing' },
      ],
      pluginConfig: {},
    },
    registry,
    { list: () => nodes, get: (n) => nodes.find((x) => x.name === n) },
    store ? (p, w) => wrapPlugin(p, w, store) : undefined,
  );
}

describe('Framework', () => {
  it('stops Filter at the first rejection and names the plugin [FW1]', () => {
    const store = new ResultStore(10);
    const fwk = framework([pass('A'), reject('B'), reject('C')], {}, store);
    const pod = makePod();
    store.begin(pod, 1, 0);
    const s = fwk.runFilterPlugins(new CycleState(), pod, makeNodeInfo('a'));
    expect([s.code, s.plugin, s.message()]).toEqual(['Unschedulable', 'B', 'B says no']);
    expect(Object.keys(store.get('default/p')?.filter.a ?? {})).toEqual(['A', 'B']);
  });

  it('sums normalized scores times weights and records each step [FW2]', () => {
    const store = new ResultStore(10);
    const fwk = framework(
      [scoring('X', (n) => (n === 'a' ? 10 : 20)), scoring('Y', (n) => (n === 'a' ? 0 : 50), true)],
      { X: 2, Y: 3 },
      store,
    );
    const pod = makePod();
    store.begin(pod, 1, 0);
    const scores = fwk.runScorePlugins(new CycleState(), pod, fwk.nodes.list());
    expect(scores.nodes.map((n, i) => [n.name, scores.totals[i]])).toEqual([
      ['a', 10 * 2 + 100 * 3],
      ['b', 20 * 2 + 50 * 3],
    ]);
    expect(store.get('default/p')?.score.a?.Y).toEqual({ raw: 0, normalized: 100, weighted: 300 });
  });

  it('rejects a score outside [0, 100]', () => {
    const fwk = framework([scoring('X', () => 101)]);
    expect(() => fwk.runScorePlugins(new CycleState(), makePod(), fwk.nodes.list())).toThrow(
      'plugin "X" returns an invalid score 101',
    );
  });

  it('reports profile plugins the registry lacks [FW3]', () => {
    expect(framework([pass('A')]).notSimulated).toEqual(['Missing']);
  });
});
