import type { Profile, Registry } from './framework/framework';
import { defaultProfile } from './plugins/defaults';
import { NodeResourcesFit } from './plugins/names';
import type { NodeResourcesFitArgs, ScoringStrategyType } from './plugins/noderesources/fit';
import { DEFAULT_RESOURCES } from './plugins/noderesources/resourceAllocation';
import type { UtilizationShapePoint } from './plugins/noderesources/resourceAllocation';
import { inTreeRegistry } from './plugins/registry';

// The simulator's slice of KubeSchedulerConfiguration (pkg/scheduler/apis/config/v1/defaults.go).

/** How the kube-scheduler is configured. */
export interface SchedulerConfig {
  /** percentageOfNodesToScore; 0 is the adaptive default (50% − nodes/125, at least 5%). */
  percentageOfNodesToScore: number;
  /** podInitialBackoffSeconds (1). */
  podInitialBackoffSeconds: number;
  /** podMaxBackoffSeconds (10). */
  podMaxBackoffSeconds: number;
  /** --pod-max-in-unschedulable-pods-duration (5 min): the longest a rejected pod waits. */
  podMaxInUnschedulablePodsSeconds: number;
  /** Pods whose last attempt is kept for the scheduler view; 0 keeps none (benchmarks). */
  resultsLimit: number;
  /** The one profile the simulator runs. */
  profile: Profile;
  /** Plugin name → factory; tests and later plugins may extend the in-tree set. */
  registry: Registry;
}

/** Fills in a partial configuration with upstream's defaults. */
export function schedulerConfig(partial: Partial<SchedulerConfig> = {}): SchedulerConfig {
  return {
    percentageOfNodesToScore: 0,
    podInitialBackoffSeconds: 1,
    podMaxBackoffSeconds: 10,
    podMaxInUnschedulablePodsSeconds: 300,
    resultsLimit: 1000,
    profile: defaultProfile(),
    registry: inTreeRegistry(),
    ...partial,
  };
}

/**
 * The shape RequestedToCapacityRatio uses when none is given: score rises with utilization
 * (0% → 0, 100% → 10), the bin-packing example of the KubeSchedulerConfiguration docs.
 */
export const BIN_PACKING_SHAPE: readonly UtilizationShapePoint[] = [
  { utilization: 0, score: 0 },
  { utilization: 100, score: 10 },
];

/**
 * Returns the scheduler configuration whose NodeResourcesFit scores by a strategy, as a
 * KubeSchedulerConfiguration's pluginConfig would: LeastAllocated spreads pods, MostAllocated
 * and RequestedToCapacityRatio pack them.
 */
export function withScoringStrategy(
  type: ScoringStrategyType,
  shape: readonly UtilizationShapePoint[] = BIN_PACKING_SHAPE,
): Partial<SchedulerConfig> {
  const args: NodeResourcesFitArgs = {
    scoringStrategy: {
      type,
      resources: DEFAULT_RESOURCES,
      ...(type === 'RequestedToCapacityRatio' ? { requestedToCapacityRatio: { shape } } : {}),
    },
  };
  const profile = defaultProfile();
  return {
    profile: { ...profile, pluginConfig: { ...profile.pluginConfig, [NodeResourcesFit]: args } },
  };
}
