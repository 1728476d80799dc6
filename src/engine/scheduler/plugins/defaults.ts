import type { Profile, ProfilePlugin } from '../framework/framework';
import * as names from './names';

// pkg/scheduler/apis/config/v1/default_plugins.go (v1.31): the default profile's MultiPoint
// plugins, in order, with their score weights. The framework enables each at every extension
// point it implements; names the registry does not have yet are listed as not simulated.

/** The default scheduler name, as pod.spec.schedulerName defaults to it. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** The default MultiPoint plugins and weights. */
export const DEFAULT_PLUGINS: readonly ProfilePlugin[] = [
  { name: names.SchedulingGates },
  { name: names.PrioritySort },
  { name: names.NodeUnschedulable },
  { name: names.NodeName },
  { name: names.TaintToleration, weight: 3 },
  { name: names.NodeAffinity, weight: 2 },
  { name: names.NodePorts },
  { name: names.NodeResourcesFit, weight: 1 },
  { name: names.VolumeRestrictions },
  { name: names.NodeVolumeLimits },
  { name: names.VolumeBinding },
  { name: names.VolumeZone },
  { name: names.PodTopologySpread, weight: 2 },
  { name: names.InterPodAffinity, weight: 2 },
  { name: names.DefaultPreemption },
  { name: names.NodeResourcesBalancedAllocation, weight: 1 },
  { name: names.ImageLocality, weight: 1 },
  { name: names.DefaultBinder },
];

/** Returns the default profile; plugin arguments default inside each plugin's factory. */
export function defaultProfile(): Profile {
  return { schedulerName: DEFAULT_SCHEDULER_NAME, plugins: DEFAULT_PLUGINS, pluginConfig: {} };
}
