import { ActionType, type FilterPlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status } from '../../framework/status';
import { NodeName } from '../names';

// nodename: a pod that names a node (spec.nodeName) fits only there. Pods the scheduler queues
// have no nodeName, so this matters for preemption's what-if runs and for completeness.

/** Filter reason for a node other than the requested one. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

/** Reports whether the pod's spec.nodeName allows the node. */
export function fitsNodeName(pod: PodInfo, node: NodeInfo): boolean {
  const want = pod.pod.spec?.nodeName;
  return !want || want === node.name;
}

function filterNodeName(pod: PodInfo, node: NodeInfo): Status {
  return fitsNodeName(pod, node)
    ? SUCCESS
    : new Status('UnschedulableAndUnresolvable', [ERR_REASON_NODE_NAME]);
}

/** Builds the NodeName plugin. */
export function newNodeName(): FilterPlugin {
  return {
    name: NodeName,
    events: [
      {
        resource: 'Node',
        actionType: ActionType.Add | ActionType.UpdateNodeTaint | ActionType.UpdateNodeLabel,
      },
    ],
    filter: (_state, pod, node) => filterNodeName(pod, node),
    filterNodes(_state, pod, nodes, verdicts) {
      // A pod without spec.nodeName fits every node: nothing to visit.
      if (!pod.pod.spec?.nodeName) return;
      for (let i = 0; i < nodes.length; i++)
        if (verdicts.passing(i)) verdicts.set(i, filterNodeName(pod, nodes[i] as NodeInfo));
    },
  };
}
