import {
  ALLOCATABLE_MEMORY,
  ALLOCATABLE_MILLI_CPU,
  ALLOWED_POD_NUMBER,
  NUM_PODS,
  REQUESTED_MEMORY,
  REQUESTED_MILLI_CPU,
} from '../../framework/amountSlab';
import { ActionType, type FilterPlugin, type ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status } from '../../framework/status';
import { NodeResourcesFit } from '../names';
import type { NodesScorer, ResourceSpec, UtilizationShapePoint } from './resourceAllocation';
import {
  DEFAULT_RESOURCES,
  leastResourceScorer,
  mostResourceScorer,
  requestedToCapacityRatioScorer,
} from './resourceAllocation';

// noderesources.Fit (v1.31): Filter rejects a node whose free CPU, memory or pod slots cannot
// hold the pod (Unschedulable, so preemption may help); Score ranks nodes by the configured
// strategy, LeastAllocated by default, over requests with 100m/200Mi defaults for absent ones.
//   [FIT-R1] only requested resources are checked: a pod requesting nothing fits any node with a
//            free pod slot.

/** Filter reasons, exactly as FailedScheduling prints them. */
export const REASON_TOO_MANY_PODS = 'Too many pods';
export const REASON_INSUFFICIENT_CPU = 'Insufficient cpu';
export const REASON_INSUFFICIENT_MEMORY = 'Insufficient memory';

/** The scoring strategies of NodeResourcesFitArgs.scoringStrategy.type. */
export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio';

/** NodeResourcesFitArgs. */
export interface NodeResourcesFitArgs {
  scoringStrategy: {
    type: ScoringStrategyType;
    resources: readonly ResourceSpec[];
    /** Required for RequestedToCapacityRatio. */
    requestedToCapacityRatio?: { shape: readonly UtilizationShapePoint[] };
  };
}

/** The v1 defaults: LeastAllocated over cpu and memory, weight 1 each. */
export const DEFAULT_FIT_ARGS: NodeResourcesFitArgs = {
  scoringStrategy: { type: 'LeastAllocated', resources: DEFAULT_RESOURCES },
};

/** One resource the node lacks for the pod (noderesources.InsufficientResource). */
export interface InsufficientResource {
  resourceName: 'pods' | 'cpu' | 'memory';
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

/** Returns what the node lacks to hold the pod, in upstream order: pods, cpu, memory. [FIT-R1] */
export function fitsRequest(pod: PodInfo, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  if (node.numPods + 1 > node.allowedPodNumber) {
    out.push({
      resourceName: 'pods',
      reason: REASON_TOO_MANY_PODS,
      requested: 1,
      used: node.numPods,
      capacity: node.allowedPodNumber,
    });
  }
  const req = pod.requests;
  if (req.milliCPU > 0 && req.milliCPU > node.allocatableMilliCPU - node.requestedMilliCPU) {
    out.push({
      resourceName: 'cpu',
      reason: REASON_INSUFFICIENT_CPU,
      requested: req.milliCPU,
      used: node.requestedMilliCPU,
      capacity: node.allocatableMilliCPU,
    });
  }
  if (req.memory > 0 && req.memory > node.allocatableMemory - node.requestedMemory) {
    out.push({
      resourceName: 'memory',
      reason: REASON_INSUFFICIENT_MEMORY,
      requested: req.memory,
      used: node.requestedMemory,
      capacity: node.allocatableMemory,
    });
  }
  return out;
}

// Whether the node has room for one more pod and its requests, read from the node's row of the
// slab: most nodes fit, and are answered without building the list of what is lacking.
function fits(node: NodeInfo, milliCPU: number, memory: number): boolean {
  const d = node.amounts;
  const o = node.amountsOffset;
  return (
    (d[o + NUM_PODS] as number) + 1 <= (d[o + ALLOWED_POD_NUMBER] as number) &&
    !(
      milliCPU > 0 &&
      milliCPU > (d[o + ALLOCATABLE_MILLI_CPU] as number) - (d[o + REQUESTED_MILLI_CPU] as number)
    ) &&
    !(
      memory > 0 &&
      memory > (d[o + ALLOCATABLE_MEMORY] as number) - (d[o + REQUESTED_MEMORY] as number)
    )
  );
}

/** Filters out nodes that cannot hold the pod's requests. */
export function filterFit(pod: PodInfo, node: NodeInfo): Status {
  if (fits(node, pod.requests.milliCPU, pod.requests.memory)) return SUCCESS;
  const lacking = fitsRequest(pod, node);
  if (lacking.length === 0) return SUCCESS;
  return new Status(
    'Unschedulable',
    lacking.map((r) => r.reason),
  );
}

/** Returns the scorer of a scoring strategy. */
export function strategyScorer(args: NodeResourcesFitArgs): NodesScorer {
  const { type, resources, requestedToCapacityRatio } = args.scoringStrategy;
  switch (type) {
    case 'LeastAllocated':
      return leastResourceScorer(resources);
    case 'MostAllocated':
      return mostResourceScorer(resources);
    case 'RequestedToCapacityRatio':
      if (!requestedToCapacityRatio) throw new Error('scoring strategy shape not specified');
      return requestedToCapacityRatioScorer(resources, requestedToCapacityRatio.shape);
  }
}

/** Builds the NodeResourcesFit plugin. */
export function newFit(args?: NodeResourcesFitArgs): FilterPlugin & ScorePlugin {
  const config = args ?? DEFAULT_FIT_ARGS;
  const score = strategyScorer(config);
  return {
    name: NodeResourcesFit,
    events: [
      { resource: 'Pod', actionType: ActionType.Delete },
      {
        resource: 'Node',
        actionType:
          ActionType.Add |
          ActionType.UpdateNodeAllocatable |
          ActionType.UpdateNodeTaint |
          ActionType.UpdateNodeLabel,
      },
    ],
    filter: (_state, pod, node) => filterFit(pod, node),
    filterNodes(_state, pod, nodes, verdicts) {
      const { milliCPU, memory } = pod.requests;
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i] as NodeInfo;
        if (!fits(node, milliCPU, memory) && verdicts.passing(i))
          verdicts.set(i, filterFit(pod, node));
      }
    },
    score: (_state, pod, nodes, scores) => score(pod, nodes, scores),
  };
}
