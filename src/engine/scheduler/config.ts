import type { Profile, Registry } from './framework/framework';
import { defaultProfile } from './plugins/defaults';
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
