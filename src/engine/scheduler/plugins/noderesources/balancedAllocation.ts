import type { ScorePlugin } from '../../framework/interface';
import { NodeResourcesBalancedAllocation } from '../names';
import type { ResourceSpec } from './resourceAllocation';
import { DEFAULT_RESOURCES, balancedResourceScorer } from './resourceAllocation';

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
