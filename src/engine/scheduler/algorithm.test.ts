import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/rng';
import { Algorithm, numFeasibleNodesToFind, selectHost } from './algorithm';
import { CycleState } from './framework/cycleState';
import { Framework } from './framework/framework';
import type { NodeScores } from './framework/runScore';
import { makeNodeInfo, makePod } from './fixtures';
import { defaultProfile } from './plugins/defaults';
import { preemptionFramework } from './plugins/defaultpreemption/fixtures';
import { inTreeRegistry } from './plugins/registry';
import { Nominator } from './queue/nominator';

describe('numFeasibleNodesToFind [ALG2]', () => {
  it.each([
    [0, 50, 50],
    [0, 99, 99],
    [0, 150, 100], // 49% of 150 = 73, raised to the 100-node floor
    [0, 1000, 420], // 50 − 8 = 42%
    [0, 5000, 500], // 50 − 40 = 10%
    [0, 6000, 300], // 50 − 48 = 2%, raised to 5%
    [30, 1000, 300],
    [100, 300, 300],
  ])('percentage %i of %i nodes → %i', (pct, nodes, want) => {
    expect(numFeasibleNodesToFind(pct, nodes)).toBe(want);
  });
});

describe('selectHost [ALG4]', () => {
  const scores = (totals: Record<string, number>): NodeScores => ({
    nodes: Object.keys(totals).map((n) => makeNodeInfo(n)),
    totals: Float64Array.from(Object.values(totals)),
  });

  it('picks the highest total', () => {
    expect(selectHost(scores({ a: 10, b: 30, c: 20 }), new Rng(1))).toBe('b');
  });

  it('breaks ties uniformly with the seeded generator', () => {
    const tied = scores({ a: 50, b: 50, c: 50 });
    const rng = new Rng(42);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 3000; i++) counts[selectHost(tied, rng)]! += 1;
    for (const n of Object.values(counts)) expect(Math.abs(n - 1000)).toBeLessThan(100);
    const replay = (seed: number): string[] => {
      const r = new Rng(seed);
      return Array.from({ length: 10 }, () => selectHost(tied, r));
    };
    expect(replay(5)).toEqual(replay(5));
  });
});

describe('Algorithm', () => {
  const build = (n: number, pct: number): { alg: Algorithm; names: string[] } => {
    const nodes = Array.from({ length: n }, (_, i) => makeNodeInfo(`node-${i}`));
    const lister = { list: () => nodes, get: (x: string) => nodes.find((y) => y.name === x) };
    const fwk = new Framework(defaultProfile(), inTreeRegistry(), lister);
    return { alg: new Algorithm(fwk, lister, new Rng(1), pct), names: nodes.map((x) => x.name) };
  };

  it('stops after enough feasible nodes and resumes where it stopped [ALG1]', () => {
    const { alg, names } = build(200, 10);
    const first = alg.schedulePod(new CycleState(), makePod({ name: 'a', cpu: '1' }));
    const second = alg.schedulePod(new CycleState(), makePod({ name: 'b', cpu: '1' }));
    if (!first.ok || !second.ok) throw new Error('expected placements');
    expect(first.result.evaluatedNodes).toBe(100);
    expect(names.indexOf(first.result.suggestedHost)).toBeLessThan(100);
    expect(names.indexOf(second.result.suggestedHost)).toBeGreaterThanOrEqual(100);
  });

  it('chooses a lone feasible node without scoring [ALG3]', () => {
    const { alg } = build(1, 0);
    const r = alg.schedulePod(new CycleState(), makePod({ cpu: '1' }));
    expect(r.ok && r.result).toEqual({
      suggestedHost: 'node-0',
      evaluatedNodes: 1,
      feasibleNodes: 1,
    });
  });

  it('answers "no nodes available" on an empty cluster', () => {
    const r = build(0, 0).alg.schedulePod(new CycleState(), makePod());
    expect(!r.ok && r.status.message()).toBe('no nodes available to schedule pods');
  });
});

describe('Filter with nominated pods [ALG5]', () => {
  const HOST = 'kubernetes.io/hostname';
  const web = { app: 'web' };
  // node-1 is empty but has a web pod nominated to it; the incoming web pod spreads by hostname.
  function schedule(nominatedPriority: number) {
    const nodes = ['node-0', 'node-1'].map((n) => makeNodeInfo(n, { labels: { [HOST]: n } }));
    const nominator = new Nominator();
    const nominated = makePod({ name: 'nominated', priority: nominatedPriority, labels: web });
    nominator.add(nominated, 'node-1');
    const fwk = preemptionFramework(nodes, nominator);
    const pod = makePod({
      priority: 10,
      labels: web,
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: HOST,
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: web },
        },
      ],
    });
    return new Algorithm(fwk, fwk.nodes, new Rng(1), 0).schedulePod(new CycleState(), pod);
  }

  it("counts a nominated pod's labels in PodTopologySpread's state: 1 + 1 − 0 > 1 on its node", () => {
    expect(schedule(10)).toMatchObject({
      ok: true,
      result: { suggestedHost: 'node-0', evaluatedNodes: 2, feasibleNodes: 1 },
    });
  });

  it('does not count a nominated pod of lower priority', () => {
    expect(schedule(5)).toMatchObject({ ok: true, result: { feasibleNodes: 2 } });
  });
});
