import { ActionType, type FilterPlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status } from '../../framework/status';
import { tolerationsTolerateTaint } from '../helper/taints';
import { NodeUnschedulable } from '../names';

// nodeunschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate the
// node.kubernetes.io/unschedulable:NoSchedule taint.

/** Filter reason for a cordoned node. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

/** The taint a cordoned node carries (v1.TaintNodeUnschedulable). */
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** Filters out cordoned nodes the pod does not tolerate. */
export function filterUnschedulable(pod: PodInfo, node: NodeInfo): Status {
  if (!node.unschedulable) return SUCCESS;
  const tolerates = tolerationsTolerateTaint(pod.pod.spec?.tolerations, {
    key: TAINT_NODE_UNSCHEDULABLE,
    effect: 'NoSchedule',
  });
  return tolerates
    ? SUCCESS
    : new Status('UnschedulableAndUnresolvable', [ERR_REASON_UNSCHEDULABLE]);
}

/** Builds the NodeUnschedulable plugin. */
export function newNodeUnschedulable(): FilterPlugin {
  return {
    name: NodeUnschedulable,
    events: [
      {
        resource: 'Node',
        actionType: ActionType.Add | ActionType.UpdateNodeTaint | ActionType.UpdateNodeLabel,
      },
    ],
    filter: (_state, pod, node) => filterUnschedulable(pod, node),
    filterNodes(_state, pod, nodes, verdicts) {
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i] as NodeInfo;
        if (node.unschedulable && verdicts.passing(i))
          verdicts.set(i, filterUnschedulable(pod, node));
      }
    },
  };
}
