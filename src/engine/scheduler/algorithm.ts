import type { Rng } from '../rng/rng';
import type { CycleState } from './framework/cycleState';
import type { Diagnosis } from './framework/fitError';
import { newDiagnosis } from './framework/fitError';
import type { Framework } from './framework/framework';
import type { NodeScores } from './framework/runScore';
import type { NodeInfo, NodeInfoLister } from './framework/nodeInfo';
import type { PodInfo } from './framework/podInfo';
import { Verdicts } from './framework/runFilter';
import { Status, asStatus } from './framework/status';

// The scheduling algorithm of schedule_one.go (v1.31): schedulePod → findNodesThatFitPod →
// prioritizeNodes → selectHost.
//   [ALG1] Filter starts where the previous cycle stopped (nextStartNodeIndex) so every node gets
//          examined over time, and stops once numFeasibleNodesToFind nodes fit.
//   [ALG2] numFeasibleNodesToFind: all nodes below 100; else percentageOfNodesToScore, whose
//          default 0 means adaptive 50 − nodes/125 percent, at least 5%, and never below 100 nodes.
//   [ALG3] a single feasible node is chosen without scoring.
//   [ALG4] ties for the best total are broken uniformly at random (reservoir sampling), with
//          the engine's seeded generator.
//   [ALG5] a pod with status.nominatedNodeName tries that node alone first; Filter counts the
//          pods nominated to a node with at least the pod's priority as already there.

/** minFeasibleNodesToFind. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** minFeasibleNodesPercentageToFind. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
/** ErrNoNodesAvailable's message. */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** Where a pod goes and how much of the cluster was looked at. */
export interface ScheduleResult {
  suggestedHost: string;
  evaluatedNodes: number;
  feasibleNodes: number;
  /** Per-node totals, absent when a single node was feasible; valid until the next cycle. */
  scores?: NodeScores;
}

/** A successful placement, or why there is none (a FitError when diagnosis is set). */
export type ScheduleAttempt =
  | { ok: true; result: ScheduleResult }
  | { ok: false; status: Status; diagnosis?: Diagnosis; numAllNodes: number };

/** Returns how many feasible nodes to find before scoring. [ALG2] */
export function numFeasibleNodesToFind(
  percentageOfNodesToScore: number,
  numAllNodes: number,
): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND)
      percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** Picks the highest total, breaking ties by reservoir sampling. [ALG4] */
export function selectHost({ nodes, totals }: NodeScores, rng: Rng): string {
  if (nodes.length === 0) throw new Error('empty priorityList');
  let max = totals[0] as number;
  let selected = 0;
  let count = 1;
  // An index loop: this runs once per pod over hundreds of nodes, and slice(1) would copy them.
  for (let i = 1; i < nodes.length; i++) {
    const total = totals[i] as number;
    if (total > max) {
      max = total;
      selected = i;
      count = 1;
    } else if (total === max) {
      count++;
      // Replace the candidate with probability 1/count.
      if (rng.int(count) === 0) selected = i;
    }
  }
  return (nodes[selected] as NodeInfo).name;
}

/** Runs the filter and score phases for one pod at a time. */
export class Algorithm {
  private nextStartNodeIndex = 0;
  // A run of nodes being filtered, their verdicts and the nodes found feasible, reused from run
  // to run: a cycle copies out only its feasible nodes.
  private readonly run: NodeInfo[] = [];
  private readonly found: NodeInfo[] = [];
  private readonly verdicts = new Verdicts();

  constructor(
    private readonly fwk: Framework,
    private readonly nodes: NodeInfoLister,
    private readonly rng: Rng,
    private readonly percentageOfNodesToScore: number,
  ) {}

  /** Finds the node for a pod (schedulePod). [ALG3] */
  schedulePod(state: CycleState, pod: PodInfo): ScheduleAttempt {
    const all = this.nodes.list();
    if (all.length === 0)
      return {
        ok: false,
        status: new Status('UnschedulableAndUnresolvable', [ERR_NO_NODES_AVAILABLE]),
        numAllNodes: 0,
      };
    const fit = this.findNodesThatFitPod(state, pod, all);
    if (fit.error) return { ok: false, status: fit.error, numAllNodes: all.length };
    const { feasible, diagnosis } = fit;
    if (feasible.length === 0)
      return { ok: false, status: new Status('Unschedulable'), diagnosis, numAllNodes: all.length };
    const evaluatedNodes = feasible.length + diagnosis.nodeToStatus.size();
    if (feasible.length === 1) {
      const host = (feasible[0] as NodeInfo).name;
      return { ok: true, result: { suggestedHost: host, evaluatedNodes, feasibleNodes: 1 } };
    }
    try {
      const scores = this.prioritizeNodes(state, pod, feasible);
      const host = selectHost(scores, this.rng);
      return {
        ok: true,
        result: { suggestedHost: host, evaluatedNodes, feasibleNodes: feasible.length, scores },
      };
    } catch (e) {
      return { ok: false, status: asStatus(e), numAllNodes: all.length };
    }
  }

  private findNodesThatFitPod(
    state: CycleState,
    pod: PodInfo,
    all: readonly NodeInfo[],
  ): { feasible: NodeInfo[]; diagnosis: Diagnosis; error?: Status } {
    const diagnosis = newDiagnosis();
    const pre = this.fwk.runPreFilterPlugins(state, pod);
    for (const p of pre.pluginsWithNodes) diagnosis.unschedulablePlugins.add(p);
    if (!pre.status.isSuccess()) {
      if (!pre.status.isRejected()) return { feasible: [], diagnosis, error: pre.status };
      diagnosis.nodeToStatus.setAbsentNodesStatus(pre.status);
      diagnosis.preFilterMsg = pre.status.message();
      if (pre.status.plugin) diagnosis.unschedulablePlugins.add(pre.status.plugin);
      return { feasible: [], diagnosis };
    }
    // [ALG5] a node an earlier preemption nominated is likely the only one that fits: try it first.
    const nnn = pod.pod.status?.nominatedNodeName;
    const nominated = nnn ? this.nodes.get(nnn) : undefined;
    if (nominated) {
      const feasible = this.findNodesThatPassFilters(state, pod, diagnosis, [nominated]);
      if (Array.isArray(feasible) && feasible.length > 0) return { feasible, diagnosis };
    }
    let nodes = all;
    if (pre.nodeNames) {
      const names = pre.nodeNames;
      // Keep list order so the result does not depend on Set iteration order.
      nodes = all.filter((n) => names.has(n.name));
      const msg = `node(s) didn't satisfy plugin(s) [${pre.pluginsWithNodes.join(' ')}]`;
      diagnosis.nodeToStatus.setAbsentNodesStatus(
        new Status('UnschedulableAndUnresolvable', [msg]),
      );
    }
    const feasible = this.findNodesThatPassFilters(state, pod, diagnosis, nodes);
    if (!Array.isArray(feasible)) return { feasible: [], diagnosis, error: feasible };
    return { feasible, diagnosis };
  }

  /**
   * Filters from the rotating start index until enough nodes fit. [ALG1] Node by node, Filter
   * would run on every node of a run as long as the feasible nodes still wanted, so such runs
   * are filtered together.
   */
  private findNodesThatPassFilters(
    state: CycleState,
    pod: PodInfo,
    diagnosis: Diagnosis,
    nodes: readonly NodeInfo[],
  ): NodeInfo[] | Status {
    const total = nodes.length;
    const want = numFeasibleNodesToFind(this.percentageOfNodesToScore, total);
    const filters = this.fwk.activeFilterPlugins(state);
    const { run, verdicts, found } = this;
    let feasible = 0;
    let at = this.nextStartNodeIndex % total;
    let processed = 0;
    while (processed < total && feasible < want) {
      const size = Math.min(want - feasible, total - processed);
      run.length = size;
      for (let k = 0; k < size; k++) {
        run[k] = nodes[at] as NodeInfo;
        if (++at === total) at = 0;
      }
      this.fwk.runFilterPluginsOnNodes(state, pod, run, filters, verdicts);
      for (let k = 0; k < size; k++) {
        const node = run[k] as NodeInfo;
        const s = verdicts.statuses[k] as Status;
        if (s.code === 'Error') return s;
        if (s.isSuccess()) {
          found[feasible++] = node;
          continue;
        }
        diagnosis.nodeToStatus.set(node.name, s);
        if (s.plugin && s.isRejected()) diagnosis.unschedulablePlugins.add(s.plugin);
      }
      processed += size;
    }
    const allNodes = this.nodes.list().length;
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % allNodes;
    return found.slice(0, feasible);
  }

  private prioritizeNodes(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): NodeScores {
    if (!this.fwk.hasScorePlugins())
      return { nodes, totals: new Float64Array(nodes.length).fill(1) };
    const pre = this.fwk.runPreScorePlugins(state, pod, nodes);
    if (!pre.isSuccess()) throw new Error(pre.message());
    return this.fwk.runScorePlugins(state, pod, nodes);
  }
}
