import { MAX_NODE_SCORE } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';

// noderesources/resource_allocation.go and the three scoring strategies of NodeResourcesFit
// (least_allocated.go, most_allocated.go, requested_to_capacity_ratio.go), plus
// BalancedAllocation's scorer. Go's int64 arithmetic truncates, so every division here does too.

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

/** Scores a node from per-resource requested (including the pod) and allocatable amounts. */
export type Scorer = (requested: readonly number[], allocatable: readonly number[]) => number;

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

function weightedMean(
  resources: readonly ResourceSpec[],
  per: (requested: number, capacity: number) => number,
): Scorer {
  return (requested, allocatable) => {
    let score = 0;
    let weights = 0;
    for (let i = 0; i < requested.length; i++) {
      const alloc = allocatable[i] as number;
      if (alloc === 0) continue;
      const w = resources[i]?.weight ?? 1;
      score += per(requested[i] as number, alloc) * w;
      weights += w;
    }
    return weights === 0 ? 0 : Math.trunc(score / weights);
  };
}

/** LeastAllocated: favours nodes with the most free capacity after placing the pod. */
export const leastResourceScorer = (resources: readonly ResourceSpec[]): Scorer =>
  weightedMean(resources, leastRequestedScore);

/** MostAllocated: favours the fullest nodes (bin packing). */
export const mostResourceScorer = (resources: readonly ResourceSpec[]): Scorer =>
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
): Scorer {
  const scaled = shape.map((p) => ({
    utilization: p.utilization,
    score: p.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE),
  }));
  const per = (requested: number, capacity: number): number =>
    capacity === 0 || requested > capacity
      ? brokenLinear(scaled, 100)
      : brokenLinear(scaled, Math.trunc((requested * 100) / capacity));
  return (requested, allocatable) => {
    let score = 0;
    let weights = 0;
    requested.forEach((r, i) => {
      const alloc = allocatable[i] as number;
      if (alloc === 0) return;
      const s = per(r, alloc);
      // Upstream counts a resource only when its score is positive.
      if (s <= 0) return;
      const w = resources[i]?.weight ?? 1;
      score += s * w;
      weights += w;
    });
    return weights === 0 ? 0 : Math.round(score / weights);
  };
}

/**
 * BalancedAllocation: (1 − std-dev of the requested/allocatable fractions) × 100. It runs on
 * every feasible node, so the fractions are recomputed in a second pass rather than collected.
 */
export function balancedResourceScorer(
  requested: readonly number[],
  allocatable: readonly number[],
): number {
  let count = 0;
  let sum = 0;
  let first = 0;
  let second = 0;
  for (let i = 0; i < requested.length; i++) {
    const alloc = allocatable[i] as number;
    if (alloc === 0) continue;
    const f = Math.min((requested[i] as number) / alloc, 1);
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
    for (let i = 0; i < requested.length; i++) {
      const alloc = allocatable[i] as number;
      if (alloc !== 0) variance += (Math.min((requested[i] as number) / alloc, 1) - mean) ** 2;
    }
    std = Math.sqrt(variance / count);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * Returns a node scorer for a pod (resourceAllocationScorer.score). useRequested picks the node's
 * real requests and the pod's real requests (BalancedAllocation); otherwise both use the
 * 100m/200Mi defaults for absent requests (NodeResourcesFit). It runs for hundreds of nodes per
 * pod, so it fills two arrays of its own instead of allocating per node.
 */
export function nodeScorer(
  scorer: Scorer,
  resources: readonly ResourceSpec[],
  useRequested: boolean,
): (pod: PodInfo, node: NodeInfo) => number {
  const requested = new Array<number>(resources.length).fill(0);
  const allocatable = new Array<number>(resources.length).fill(0);
  // Resolved once: the simulator models cpu and memory; any other resource has nothing allocatable.
  const isCpu = resources.map((r) => r.name === 'cpu');
  const isMemory = resources.map((r) => r.name === 'memory');
  return (pod, node) => {
    const podReq = useRequested ? pod.requests : pod.nonZeroRequests;
    for (let i = 0; i < isCpu.length; i++) {
      let alloc = 0;
      let req = 0;
      if (isCpu[i]) {
        alloc = node.allocatableMilliCPU;
        const used = useRequested ? node.requestedMilliCPU : node.nonZeroRequestedMilliCPU;
        req = used + podReq.milliCPU;
      } else if (isMemory[i]) {
        alloc = node.allocatableMemory;
        const used = useRequested ? node.requestedMemory : node.nonZeroRequestedMemory;
        req = used + podReq.memory;
      }
      allocatable[i] = alloc;
      requested[i] = alloc === 0 ? 0 : req;
    }
    return scorer(requested, allocatable);
  };
}
