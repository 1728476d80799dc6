import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { NodeResourcesBalancedAllocation } from '../names';
import type { NodesScorer, ResourcePlan, ResourceSpec } from './resourceAllocation';
import { DEFAULT_RESOURCES, compileResources } from './resourceAllocation';

// noderesources.BalancedAllocation: favours nodes whose CPU and memory would be equally used,
// computed over real requests (useRequested), not the 100m/200Mi scoring defaults.

/** NodeResourcesBalancedAllocationArgs. */
export interface BalancedAllocationArgs {
  resources: readonly ResourceSpec[];
}

/** Builds the NodeResourcesBalancedAllocation plugin. */
export function newBalancedAllocation(args?: BalancedAllocationArgs): ScorePlugin {
  const score = balancedResourceScorer(args?.resources ?? DEFAULT_RESOURCES);
  return {
    name: NodeResourcesBalancedAllocation,
    score: (_state, pod, nodes, scores) => score(pod, nodes, scores),
  };
}

/**
 * BalancedAllocation: (1 − std-dev of the requested/allocatable fractions) × 100, over the real
 * requests. The fractions are recomputed in a second pass rather than collected.
 */
export function balancedResourceScorer(resources: readonly ResourceSpec[]): NodesScorer {
  const plan = compileResources(resources, true);
  if (plan.weight.length === 2) return balancedOfTwo(plan);
  const { allocatable, requested, podAmounts } = plan;
  const pod = new Float64Array(allocatable.length);
  return (pi, nodes, scores) => {
    podAmounts(pi, pod);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as NodeInfo;
      const d = node.amounts;
      const o = node.amountsOffset;
      let count = 0;
      let sum = 0;
      let first = 0;
      let second = 0;
      for (let e = 0; e < pod.length; e++) {
        const alloc = d[o + (allocatable[e] as number)] as number;
        if (alloc === 0) continue;
        const used = d[o + (requested[e] as number)] as number;
        const f = Math.min((used + (pod[e] as number)) / alloc, 1);
        if (count === 0) first = f;
        else if (count === 1) second = f;
        sum += f;
        count++;
      }
      let std = 0;
      if (count === 2) {
        std = Math.abs((first - second) / 2);
      } else if (count > 2) {
        const mean = sum / count;
        let variance = 0;
        for (let e = 0; e < pod.length; e++) {
          const alloc = d[o + (allocatable[e] as number)] as number;
          if (alloc === 0) continue;
          const used = d[o + (requested[e] as number)] as number;
          variance += (Math.min((used + (pod[e] as number)) / alloc, 1) - mean) ** 2;
        }
        std = Math.sqrt(variance / count);
      }
      scores[i] = Math.trunc((1 - std) * MAX_NODE_SCORE);
    }
  };
}

// BalancedAllocation for two resources (the default), unrolled: the standard deviation of two
// fractions is half their difference, and with one resource or none it is 0.
function balancedOfTwo(plan: ResourcePlan): NodesScorer {
  const [a0, a1, r0, r1] = [...plan.allocatable, ...plan.requested] as [
    number,
    number,
    number,
    number,
  ];
  const pod = new Float64Array(2);
  return (pi, nodes, scores) => {
    plan.podAmounts(pi, pod);
    const p0 = pod[0] as number;
    const p1 = pod[1] as number;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as NodeInfo;
      const d = node.amounts;
      const o = node.amountsOffset;
      const c0 = d[o + a0] as number;
      const c1 = d[o + a1] as number;
      let std = 0;
      if (c0 !== 0 && c1 !== 0) {
        const f0 = Math.min(((d[o + r0] as number) + p0) / c0, 1);
        const f1 = Math.min(((d[o + r1] as number) + p1) / c1, 1);
        std = Math.abs((f0 - f1) / 2);
      }
      scores[i] = Math.trunc((1 - std) * MAX_NODE_SCORE);
    }
  };
}
