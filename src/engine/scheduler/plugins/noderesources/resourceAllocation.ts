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

/**
 * Scores nodes from per-resource columns: requested[r][i] (including the pod) and
 * allocatable[r][i] are resource r's amounts on node i, and scores[i] receives node i's score.
 * Column by column, each loop over hundreds of nodes reads a typed array straight through.
 */
export type Scorer = (
  requested: readonly Float64Array[],
  allocatable: readonly Float64Array[],
  scores: Float64Array,
) => void;

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
  const weights = resources.map((r) => r.weight ?? 1);
  return (requested, allocatable, scores) => {
    for (let i = 0; i < scores.length; i++) {
      let score = 0;
      let sum = 0;
      for (let r = 0; r < weights.length; r++) {
        const alloc = (allocatable[r] as Float64Array)[i] as number;
        if (alloc === 0) continue;
        const w = weights[r] as number;
        score += per((requested[r] as Float64Array)[i] as number, alloc) * w;
        sum += w;
      }
      scores[i] = sum === 0 ? 0 : Math.trunc(score / sum);
    }
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
  const weights = resources.map((r) => r.weight ?? 1);
  return (requested, allocatable, scores) => {
    for (let i = 0; i < scores.length; i++) {
      let score = 0;
      let sum = 0;
      for (let r = 0; r < weights.length; r++) {
        const alloc = (allocatable[r] as Float64Array)[i] as number;
        if (alloc === 0) continue;
        const s = per((requested[r] as Float64Array)[i] as number, alloc);
        // Upstream counts a resource only when its score is positive.
        if (s <= 0) continue;
        const w = weights[r] as number;
        score += s * w;
        sum += w;
      }
      scores[i] = sum === 0 ? 0 : Math.round(score / sum);
    }
  };
}

/**
 * BalancedAllocation: (1 − std-dev of the requested/allocatable fractions) × 100. It runs on
 * every feasible node, so the fractions are recomputed in a second pass rather than collected.
 */
export function balancedResourceScorer(
  requested: readonly Float64Array[],
  allocatable: readonly Float64Array[],
  scores: Float64Array,
): void {
  const fraction = (r: number, i: number): number =>
    Math.min(
      ((requested[r] as Float64Array)[i] as number) / (allocatable[r] as Float64Array)[i]!,
      1,
    );
  for (let i = 0; i < scores.length; i++) {
    let count = 0;
    let sum = 0;
    let first = 0;
    let second = 0;
    for (let r = 0; r < requested.length; r++) {
      if ((allocatable[r] as Float64Array)[i] === 0) continue;
      const f = fraction(r, i);
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
      for (let r = 0; r < requested.length; r++)
        if ((allocatable[r] as Float64Array)[i] !== 0) variance += (fraction(r, i) - mean) ** 2;
      std = Math.sqrt(variance / count);
    }
    scores[i] = Math.trunc((1 - std) * MAX_NODE_SCORE);
  }
}

/**
 * Returns a scorer of nodes for a pod (resourceAllocationScorer.score). useRequested picks the
 * nodes' real requests and the pod's real requests (BalancedAllocation); otherwise both use the
 * 100m/200Mi defaults for absent requests (NodeResourcesFit). The columns are its own, reused
 * while the number of nodes stays the same.
 */
export function nodeScorer(
  scorer: Scorer,
  resources: readonly ResourceSpec[],
  useRequested: boolean,
): (pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array) => void {
  let requested: Float64Array[] = [];
  let allocatable: Float64Array[] = [];
  return (pod, nodes, scores) => {
    const n = nodes.length;
    if (requested[0]?.length !== n) {
      requested = resources.map(() => new Float64Array(n));
      allocatable = resources.map(() => new Float64Array(n));
    }
    const podReq = useRequested ? pod.requests : pod.nonZeroRequests;
    resources.forEach((r, k) => {
      const req = requested[k] as Float64Array;
      const alloc = allocatable[k] as Float64Array;
      // The simulator models cpu and memory; any other resource has nothing allocatable.
      if (r.name === 'cpu') fillCpu(nodes, useRequested, podReq.milliCPU, req, alloc);
      else if (r.name === 'memory') fillMemory(nodes, useRequested, podReq.memory, req, alloc);
      else {
        req.fill(0);
        alloc.fill(0);
      }
    });
    scorer(requested, allocatable, scores);
  };
}

// A resource's column pair; requested is 0 wherever nothing is allocatable, as upstream's.
function fillCpu(
  nodes: readonly NodeInfo[],
  useRequested: boolean,
  pod: number,
  req: Float64Array,
  alloc: Float64Array,
): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as NodeInfo;
    const a = node.allocatableMilliCPU;
    const used = useRequested ? node.requestedMilliCPU : node.nonZeroRequestedMilliCPU;
    alloc[i] = a;
    req[i] = a === 0 ? 0 : used + pod;
  }
}

function fillMemory(
  nodes: readonly NodeInfo[],
  useRequested: boolean,
  pod: number,
  req: Float64Array,
  alloc: Float64Array,
): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as NodeInfo;
    const a = node.allocatableMemory;
    const used = useRequested ? node.requestedMemory : node.nonZeroRequestedMemory;
    alloc[i] = a;
    req[i] = a === 0 ? 0 : used + pod;
  }
}
