import type { Rng } from '../../../rng/rng';
import type { CycleState } from '../../framework/cycleState';
import type { Handle } from '../../framework/interface';
import { NodeToStatus } from '../../framework/nodeToStatus';
import type { PodInfo } from '../../framework/podInfo';
import type { Candidate } from './pickNode';
import { selectVictimsOnNode } from './selectVictims';

// findCandidates and DryRunPreemption (preemption.go, v1.31): which nodes preemption could use.
//   [CAND1] only nodes the filters rejected as Unschedulable are tried (never those rejected as
//           UnschedulableAndUnresolvable: taints, affinity, cordon).
//   [CAND2] the search starts at a random node (the seeded generator) and stops once it has
//           numCandidates = max(10% of the tried nodes, 100), at most all of them.
//   [CAND3] every node that yields no candidate keeps the status saying why, for the
//           "preemption: 0/N nodes are available: …" message.

/** DefaultPreemptionArgs.minCandidateNodesPercentage. */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
/** DefaultPreemptionArgs.minCandidateNodesAbsolute. */
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

/** Returns how many candidates the dry run looks for (calculateNumCandidates). [CAND2] */
export function calculateNumCandidates(numNodes: number): number {
  const n = Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
  return Math.min(Math.max(n, MIN_CANDIDATE_NODES_ABSOLUTE), numNodes);
}

/** The dry run's candidates and, for the nodes that gave none, why. */
export interface DryRun {
  candidates: Candidate[];
  statuses: NodeToStatus;
}

/** Finds preemption candidates among the nodes the filters rejected. [CAND1][CAND2][CAND3] */
export function findCandidates(
  handle: Handle,
  state: CycleState,
  pod: PodInfo,
  filtered: NodeToStatus,
  rng: Rng,
  now: number,
): DryRun {
  const statuses = new NodeToStatus();
  const potential = filtered.nodesForCode(handle.nodes.list(), 'Unschedulable');
  const candidates: Candidate[] = [];
  if (potential.length === 0) return { candidates, statuses };
  const offset = rng.int(potential.length);
  const wanted = calculateNumCandidates(potential.length);
  for (let i = 0; i < potential.length && candidates.length < wanted; i++) {
    const node = potential[(offset + i) % potential.length];
    if (!node) continue;
    // Each node is tried on its own copy of the PreFilter state, which its victims change.
    const { victims, status } = selectVictimsOnNode(handle, state.clone(), pod, node, now);
    // No PodDisruptionBudgets are simulated, so no victim ever violates one.
    if (status.isSuccess()) candidates.push({ node: node.name, victims, numPDBViolations: 0 });
    else statuses.set(node.name, status);
  }
  return { candidates, statuses };
}
