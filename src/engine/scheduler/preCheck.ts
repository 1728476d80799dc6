import type { NodeInfo } from './framework/nodeInfo';
import type { PodInfo } from './framework/podInfo';
import { findMatchingUntoleratedTaint } from './plugins/helper/taints';
import { matchesRequired, requiredNodeAffinity } from './plugins/nodeaffinity/nodeSelector';
import { fitsNodeName } from './plugins/nodename/nodeName';
import { fitsRequest } from './plugins/noderesources/fit';
import { fitsNodePorts } from './plugins/nodeports/nodePorts';

// preCheckForNode (eventhandlers.go, v1.31 without queueing hints): when a node is added or
// changes, only unschedulable pods that could run on that very node are moved back to the
// queue: they must fit its free resources, match its required affinity and name, find their host
// ports free, and tolerate its NoSchedule taints (AdmissionCheck plus the taint check).

/** Returns the predicate deciding which unschedulable pods a node event may help. */
export function preCheckForNode(node: NodeInfo): (pod: PodInfo) => boolean {
  return (pod) => {
    const n = node.node;
    if (!n) return false;
    if (fitsRequest(pod, node).length > 0) return false;
    if (!matchesRequired(requiredNodeAffinity(pod.pod), n)) return false;
    if (!fitsNodeName(pod, node)) return false;
    if (!fitsNodePorts(pod, node)) return false;
    const untolerated = findMatchingUntoleratedTaint(
      n.spec?.taints,
      pod.pod.spec?.tolerations,
      (t) => t.effect === 'NoSchedule',
    );
    return untolerated === undefined;
  };
}
