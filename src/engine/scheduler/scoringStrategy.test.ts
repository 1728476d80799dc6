import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { defaultNodes } from '../cluster';
import { outputText, runKubectl } from '../simulation';
import { createSimulation } from '../simulation';
import { withScoringStrategy } from './config';
import type { ScoringStrategyType } from './plugins/noderesources/fit';

// [STRAT1] The scoring strategy is set per cluster: LeastAllocated (the default) spreads six
// requesting pods over three nodes; MostAllocated and RequestedToCapacityRatio pack them onto
// as few nodes as their requests allow.

// Bare pods: a Deployment's pods would also get PodTopologySpread's default spreading, which
// outweighs the strategy.
const PODS = [1, 2, 3, 4, 5, 6]
  .map(
    (i) => `apiVersion: v1
kind: Pod
metadata:
  name: p${i}
spec:
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 500m
        memory: 256Mi
`,
  )
  .join('---\n');

function nodesUsed(type?: ScoringStrategyType): number {
  const e = createSimulation({
    nodes: defaultNodes(3),
    scheduler: type ? withScoringStrategy(type) : {},
  });
  const r = runKubectl(e, 'kubectl apply -f -', { stdin: PODS });
  expect(r.exitCode, outputText(r)).toBe(0);
  e.runFor(60_000);
  const pods = e.store.range('/registry/pods/default/').kvs.map((kv) => kv.value as Pod);
  return new Set(pods.map((p) => p.spec?.nodeName)).size;
}

describe('scoring strategy per cluster', () => {
  it('[STRAT1] spreads with LeastAllocated and packs with MostAllocated or RequestedToCapacityRatio', () => {
    expect(nodesUsed()).toBe(3);
    expect(nodesUsed('MostAllocated')).toBe(1);
    expect(nodesUsed('RequestedToCapacityRatio')).toBe(1);
  });
});
