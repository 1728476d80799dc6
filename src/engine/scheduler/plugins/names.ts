// Plugin names, as pkg/scheduler/framework/plugins/names/names.go spells them.

export const PrioritySort = 'PrioritySort';
export const DefaultBinder = 'DefaultBinder';
export const DefaultPreemption = 'DefaultPreemption';
export const SchedulingGates = 'SchedulingGates';
export const NodeUnschedulable = 'NodeUnschedulable';
export const NodeName = 'NodeName';
export const TaintToleration = 'TaintToleration';
export const NodeAffinity = 'NodeAffinity';
export const NodePorts = 'NodePorts';
export const NodeResourcesFit = 'NodeResourcesFit';
export const NodeResourcesBalancedAllocation = 'NodeResourcesBalancedAllocation';
export const VolumeRestrictions = 'VolumeRestrictions';
export const NodeVolumeLimits = 'NodeVolumeLimits';
export const VolumeBinding = 'VolumeBinding';
export const VolumeZone = 'VolumeZone';
export const PodTopologySpread = 'PodTopologySpread';
export const InterPodAffinity = 'InterPodAffinity';
export const ImageLocality = 'ImageLocality';
