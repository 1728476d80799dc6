import type { ContainerPort } from '../../framework/hostPorts';
import { hostPorts } from '../../framework/hostPorts';
import {
  ActionType,
  type FilterPlugin,
  type PreFilterOutcome,
  type PreFilterPlugin,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SKIP, SUCCESS, Status } from '../../framework/status';
import { NodePorts } from '../names';

// nodeports: a pod whose containers ask for host ports fits only a node where none of those
// (ip, protocol, port) triples is taken; 0.0.0.0 conflicts with every address. PreFilter skips
// pods without host ports, so the common pod pays nothing at Filter.

/** Filter reason for a node whose host ports are taken. */
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

const PRE_FILTER_KEY = `PreFilter${NodePorts}`;

/** Reports whether none of the wanted host ports is in use on the node (fitsPorts). */
export function fitsPorts(want: readonly ContainerPort[], node: NodeInfo): boolean {
  return !want.some((p) => node.usedPorts.checkConflict(p));
}

function filterPorts(want: readonly ContainerPort[], node: NodeInfo): Status {
  return fitsPorts(want, node) ? SUCCESS : new Status('Unschedulable', [ERR_REASON]);
}

/** Reports whether a pod's host ports are free on the node (nodeports.Fits). */
export function fitsNodePorts(pod: PodInfo, node: NodeInfo): boolean {
  return fitsPorts(hostPorts(pod.pod), node);
}

/** Builds the NodePorts plugin. */
export function newNodePorts(): PreFilterPlugin & FilterPlugin {
  return {
    name: NodePorts,
    events: [
      // Container ports are immutable, so only a deleted pod frees a port.
      { resource: 'Pod', actionType: ActionType.Delete },
      { resource: 'Node', actionType: ActionType.Add | ActionType.Update },
    ],
    preFilter(state, pod): PreFilterOutcome {
      const want = hostPorts(pod.pod);
      if (want.length === 0) return { status: SKIP };
      state.write(PRE_FILTER_KEY, want);
      return { status: SUCCESS };
    },
    filter(state, pod, node) {
      const want = state.read<ContainerPort[]>(PRE_FILTER_KEY) ?? hostPorts(pod.pod);
      return filterPorts(want, node);
    },
    filterNodes(state, pod, nodes, verdicts) {
      const want = state.read<ContainerPort[]>(PRE_FILTER_KEY) ?? hostPorts(pod.pod);
      for (let i = 0; i < nodes.length; i++)
        if (verdicts.passing(i)) verdicts.set(i, filterPorts(want, nodes[i] as NodeInfo));
    },
  };
}
