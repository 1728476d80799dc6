import { describe, expect, it } from 'vitest';
import { Session, clusterOf } from './session';

describe('Session config', () => {
  it('builds default nodes from a count, as before', () => {
    const s = new Session({ seed: 1, nodes: 2 });
    expect(s.engine.config.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2']);
  });

  it('builds the nodes one by one from nodeSpecs, with their labels and taints', () => {
    const s = new Session({
      seed: 1,
      nodes: 2,
      nodeSpecs: [
        { name: 'big', cpu: '8', memory: '16Gi', pods: 110, labels: { disk: 'ssd' } },
        {
          name: 'gpu',
          cpu: '2',
          memory: '4Gi',
          pods: 10,
          taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }],
        },
      ],
    });
    const out = s.run({ op: 'kubectl', line: 'kubectl get nodes -L disk' }).output;
    expect(out).toMatch(/^big\s+Ready.*ssd$/m);
    const taints = s.run({
      op: 'kubectl',
      line: 'kubectl get node gpu -o jsonpath={.spec.taints[0].key}',
    });
    expect(taints.output).toBe('gpu');
  });

  it('configures the scheduler with the scoring strategy', () => {
    const config = clusterOf({ seed: 1, nodes: 1, scoringStrategy: 'MostAllocated' });
    const args = config.scheduler?.profile?.pluginConfig?.NodeResourcesFit as {
      scoringStrategy: { type: string };
    };
    expect(args.scoringStrategy.type).toBe('MostAllocated');
    expect(clusterOf({ seed: 1, nodes: 1 }).scheduler).toBeUndefined();
  });
});
