import {
  ALLOCATABLE_MEMORY,
  ALLOCATABLE_MILLI_CPU,
  NON_ZERO_MEMORY,
  NON_ZERO_MILLI_CPU,
  REQUESTED_MEMORY,
  REQUESTED_MILLI_CPU,
} from '../../framework/amountSlab';
import { MAX_NODE_SCORE } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';

// noderesources/resource_allocation.go and the three scoring strategies of NodeResourcesFit
// (least_allocated.go, most_allocated.go, requested_to_capacity_ratio.go); BalancedAllocation
// compiles its resources here too. Go's int64 arithmetic truncates, so every division here does.
//
// A scorer runs over hundreds of nodes per pod. The simulator models cpu and memory only: any
// other resource has nothing allocatable, and every strategy skips such a resource, so the
// resources compile once to the node columns of the cpu and memory entries, and each node's
// numbers are read straight from its row of the cache's slab.

/** A resource a strategy scores, with its weight (config.ResourceSpec). */
export interface ResourceSpec {
  name: string;
  weight: number;
}

/** One point of RequestedToCapacityRatio's shape: utilization 0–100 → score 0–10. */
export interface UtilizationShapePoint {
  utilization: number;
  score: number;
}

/** Scores each node for a pod into scores (resourceAllocationScorer.score, over many nodes). */
export type NodesScorer = (pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array) => void;

/**
 * The cpu and memory entries of a resource list: the slab columns of a node's allocatable and
 * requested amounts, the weight, and the pod's amount.
 */
export interface ResourcePlan {
  allocatable: Int32Array;
  requested: Int32Array;
  weight: Float64Array;
  /** Writes the pod's amount of each entry into out. */
  podAmounts(pod: PodInfo, out: Float64Array): void;
}

/**
 * Compiles a resource list. useRequested picks the real requests of the nodes and the pod
 * (BalancedAllocation); otherwise both count absent requests as 100m/200Mi (NodeResourcesFit).
 */
export function compileResources(
  resources: readonly ResourceSpec[],
  useRequested: boolean,
): ResourcePlan {
  const counted = resources.filter((r) => r.name === 'cpu' || r.name === 'memory');
  const isCpu = counted.map((r) => r.name === 'cpu');
  const [cpuColumn, memoryColumn] = useRequested
    ? [REQUESTED_MILLI_CPU, REQUESTED_MEMORY]
    : [NON_ZERO_MILLI_CPU, NON_ZERO_MEMORY];
  return {
    allocatable: Int32Array.from(isCpu, (c) => (c ? ALLOCATABLE_MILLI_CPU : ALLOCATABLE_MEMORY)),
    requested: Int32Array.from(isCpu, (c) => (c ? cpuColumn : memoryColumn)),
    weight: Float64Array.from(counted, (r) => r.weight ?? 1),
    podAmounts(pod, out) {
      const req = useRequested ? pod.requests : pod.nonZeroRequests;
      isCpu.forEach((c, e) => (out[e] = c ? req.milliCPU : req.memory));
    },
  };
}

/** The CPU and memory weights every strategy uses by default. */
export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

// config.MaxCustomPriorityScore: shape scores are 0–10 and scaled to MaxNodeScore.
const MAX_CUSTOM_PRIORITY_SCORE = 10;

/** Returns (capacity − requested) × 100 / capacity, 0 when over capacity. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** Returns requested × 100 / capacity, capped at capacity. */
export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  return Math.trunc((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity);
}

// Σ per(requested, allocatable) × weight ÷ Σ weight over the resources a node has, truncated.
function weightedMean(
  resources: readonly ResourceSpec[],
  per: (requested: number, capacity: number) => number,
): NodesScorer {
  const plan = compileResources(resources, false);
  if (plan.weight.length === 2) return weightedMeanOfTwo(plan, per);
  const { allocatable, requested, weight, podAmounts } = plan;
  const pod = new Float64Array(weight.length);
  return (pi, nodes, scores) => {
    podAmounts(pi, pod);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as NodeInfo;
      const d = node.amounts;
      const o = node.amountsOffset;
      let score = 0;
      let sum = 0;
      for (let e = 0; e < pod.length; e++) {
        const alloc = d[o + (allocatable[e] as number)] as number;
        if (alloc === 0) continue;
        const w = weight[e] as number;
        score += per((d[o + (requested[e] as number)] as number) + (pod[e] as number), alloc) * w;
        sum += w;
      }
      scores[i] = sum === 0 ? 0 : Math.trunc(score / sum);
    }
  };
}

// weightedMean for two resources (the default, cpu and memory), unrolled: the loop over the
// resources costs more than the arithmetic it repeats.
function weightedMeanOfTwo(
  plan: ResourcePlan,
  per: (requested: number, capacity: number) => number,
): NodesScorer {
  const [a0, a1, r0, r1] = [...plan.allocatable, ...plan.requested] as [
    number,
    number,
    number,
    number,
  ];
  const [w0, w1] = [...plan.weight] as [number, number];
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
      let score = 0;
      let sum = 0;
      if (c0 !== 0) {
        score += per((d[o + r0] as number) + p0, c0) * w0;
        sum += w0;
      }
      if (c1 !== 0) {
        score += per((d[o + r1] as number) + p1, c1) * w1;
        sum += w1;
      }
      scores[i] = sum === 0 ? 0 : Math.trunc(score / sum);
    }
  };
}

/** LeastAllocated: favours nodes with the most free capacity after placing the pod. */
export const leastResourceScorer = (resources: readonly ResourceSpec[]): NodesScorer =>
  weightedMean(resources, leastRequestedScore);

/** MostAllocated: favours the fullest nodes (bin packing). */
export const mostResourceScorer = (resources: readonly ResourceSpec[]): NodesScorer =>
  weightedMean(resources, mostRequestedScore);

/** helper.BuildBrokenLinearFunction: piecewise-linear interpolation through the shape. */
export function brokenLinear(shape: readonly UtilizationShapePoint[], p: number): number {
  for (let i = 0; i < shape.length; i++) {
    const cur = shape[i] as UtilizationShapePoint;
    if (p > cur.utilization) continue;
    if (i === 0) return cur.score;
    const prev = shape[i - 1] as UtilizationShapePoint;
    return (
      prev.score +
      Math.trunc(
        ((cur.score - prev.score) * (p - prev.utilization)) / (cur.utilization - prev.utilization),
      )
    );
  }
  return shape[shape.length - 1]?.score ?? 0;
}

/** RequestedToCapacityRatio: scores utilization through a user-given shape. */
export function requestedToCapacityRatioScorer(
  resources: readonly ResourceSpec[],
  shape: readonly UtilizationShapePoint[],
): NodesScorer {
  const scaled = shape.map((p) => ({
    utilization: p.utilization,
    score: p.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE),
  }));
  const per = (requested: number, capacity: number): number =>
    capacity === 0 || requested > capacity
      ? brokenLinear(scaled, 100)
      : brokenLinear(scaled, Math.trunc((requested * 100) / capacity));
  const { allocatable, requested, weight, podAmounts } = compileResources(resources, false);
  const pod = new Float64Array(weight.length);
  return (pi, nodes, scores) => {
    podAmounts(pi, pod);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as NodeInfo;
      const d = node.amounts;
      const o = node.amountsOffset;
      let score = 0;
      let sum = 0;
      for (let e = 0; e < pod.length; e++) {
        const alloc = d[o + (allocatable[e] as number)] as number;
        if (alloc === 0) continue;
        const s = per((d[o + (requested[e] as number)] as number) + (pod[e] as number), alloc);
        // Upstream counts a resource only when its score is positive.
        if (s <= 0) continue;
        const w = weight[e] as number;
        score += s * w;
        sum += w;
      }
      scores[i] = sum === 0 ? 0 : Math.round(score / sum);
    }
  };
}
