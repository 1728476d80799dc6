import type { CycleState } from './cycleState';
import type { Handle } from './interface';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { Status } from './status';

// addGENominatedPods (runtime/framework.go, v1.31): the pods nominated to a node that a pod must
// not take room from (at least its priority, not itself), added to a copy of the node and, through
// the PreFilter extensions, to a clone of the cycle state, so counts kept at PreFilter (spreading,
// pod affinity) see them too.

/** A node and a cycle state with the nominated pods added. */
export interface WithNominatedPods {
  state: CycleState;
  node: NodeInfo;
}

/**
 * Returns the copies with the nominated pods added, undefined when there are none, or the Error
 * of a PreFilter extension. The copies are made only once such a pod turns up: a cycle clones
 * nothing for the nodes without nominations.
 */
export function addNominatedPods(
  fh: Handle,
  pod: PodInfo,
  state: CycleState,
  node: NodeInfo,
): WithNominatedPods | Status | undefined {
  const nominated = fh.services?.nominator.nominatedPodsForNode(node.name);
  if (!nominated) return undefined;
  let out: WithNominatedPods | undefined;
  for (const np of nominated) {
    if (np.priority < pod.priority || np.key === pod.key) continue;
    out ??= { state: state.clone(), node: node.snapshot() };
    out.node.addPod(np);
    const s = fh.runPreFilterExtensionAddPod(out.state, pod, np, out.node);
    if (!s.isSuccess()) return s;
  }
  return out;
}
