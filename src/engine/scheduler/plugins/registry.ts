import type { Registry } from '../framework/framework';
import type { BalancedAllocationArgs } from './noderesources/balancedAllocation';
import { newBalancedAllocation } from './noderesources/balancedAllocation';
import type { NodeResourcesFitArgs } from './noderesources/fit';
import { newFit } from './noderesources/fit';
import { newDefaultBinder } from './defaultbinder/defaultBinder';
import { newDefaultPreemption } from './defaultpreemption/defaultPreemption';
import { newImageLocality } from './imagelocality/imageLocality';
import type { InterPodAffinityArgs } from './interpodaffinity/interPodAffinity';
import { newInterPodAffinity } from './interpodaffinity/interPodAffinity';
import * as names from './names';
import { newNodeAffinity } from './nodeaffinity/nodeAffinity';
import { newNodeName } from './nodename/nodeName';
import { newNodePorts } from './nodeports/nodePorts';
import { newNodeUnschedulable } from './nodeunschedulable/nodeUnschedulable';
import type { PodTopologySpreadArgs } from './podtopologyspread/podTopologySpread';
import { newPodTopologySpread } from './podtopologyspread/podTopologySpread';
import { newPrioritySort } from './queuesort/prioritySort';
import { newTaintToleration } from './tainttoleration/taintToleration';

// The in-tree registry (pkg/scheduler/framework/plugins/registry.go): plugin name → factory. A
// new plugin is a folder plus one line here; defaults.ts already lists where it runs.

/** Returns the plugins the simulator implements. */
export function inTreeRegistry(): Registry {
  return {
    [names.PrioritySort]: newPrioritySort,
    [names.NodeUnschedulable]: newNodeUnschedulable,
    [names.NodeName]: newNodeName,
    [names.TaintToleration]: newTaintToleration,
    [names.NodeAffinity]: newNodeAffinity,
    [names.NodePorts]: newNodePorts,
    [names.NodeResourcesFit]: (args) => newFit(args as NodeResourcesFitArgs | undefined),
    [names.PodTopologySpread]: (args, handle) =>
      newPodTopologySpread(args as PodTopologySpreadArgs | undefined, handle),
    [names.InterPodAffinity]: (args, handle) =>
      newInterPodAffinity(args as InterPodAffinityArgs | undefined, handle),
    [names.DefaultPreemption]: newDefaultPreemption,
    [names.NodeResourcesBalancedAllocation]: (args) =>
      newBalancedAllocation(args as BalancedAllocationArgs | undefined),
    [names.ImageLocality]: newImageLocality,
    [names.DefaultBinder]: newDefaultBinder,
  };
}
