import type { Taint, Toleration } from '../../../api/types';
import type { CycleState } from '../../framework/cycleState';
import {
  ActionType,
  MAX_NODE_SCORE,
  type FilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status } from '../../framework/status';
import { defaultNormalizeScore } from '../helper/normalizeScore';
import {
  doNotScheduleTaint,
  findMatchingUntoleratedTaint,
  tolerationsTolerateTaint,
} from '../helper/taints';
import { TaintToleration } from '../names';

// tainttoleration: Filter rejects nodes with a NoSchedule/NoExecute taint the pod does not
// tolerate (the first such taint names the reason); Score counts untolerated PreferNoSchedule
// taints and reverse-normalizes, so fewer such taints score higher.

/** Formats the Filter reason for the first untolerated taint. */
export const untoleratedTaintReason = (t: Taint): string =>
  `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;

const PRE_SCORE_KEY = `PreScore${TaintToleration}`;

/** Filters out nodes with an untolerated NoSchedule or NoExecute taint. */
export function filterTaints(pod: PodInfo, node: NodeInfo): Status {
  const taint = findMatchingUntoleratedTaint(
    node.taints,
    pod.pod.spec?.tolerations,
    doNotScheduleTaint,
  );
  if (!taint) return SUCCESS;
  return new Status('UnschedulableAndUnresolvable', [untoleratedTaintReason(taint)]);
}

/** Returns the tolerations that can match PreferNoSchedule taints (empty or that effect). */
export function preferNoScheduleTolerations(
  tolerations: readonly Toleration[] | undefined,
): Toleration[] {
  return (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** Counts the node's PreferNoSchedule taints that no toleration tolerates (the raw score). */
export function countIntolerablePreferNoSchedule(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[],
): number {
  if (!taints) return 0;
  let n = 0;
  for (let i = 0; i < taints.length; i++) {
    const taint = taints[i] as Taint;
    if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, taint)) n++;
  }
  return n;
}

/** Builds the TaintToleration plugin. */
export function newTaintToleration(): FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: TaintToleration,
    events: [
      {
        resource: 'Node',
        actionType: ActionType.Add | ActionType.UpdateNodeTaint | ActionType.UpdateNodeLabel,
      },
    ],
    filter: (_state, pod, node) => filterTaints(pod, node),
    filterNodes(_state, pod, nodes, verdicts) {
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i] as NodeInfo;
        // Most nodes have no taints: nothing to check.
        if (node.taints && verdicts.passing(i)) verdicts.set(i, filterTaints(pod, node));
      }
    },
    preScore(state: CycleState, pod: PodInfo) {
      state.write(PRE_SCORE_KEY, preferNoScheduleTolerations(pod.pod.spec?.tolerations));
      return SUCCESS;
    },
    score(state, pod, nodes, scores) {
      const tolerations =
        state.read<Toleration[]>(PRE_SCORE_KEY) ??
        preferNoScheduleTolerations(pod.pod.spec?.tolerations);
      for (let i = 0; i < nodes.length; i++)
        scores[i] = countIntolerablePreferNoSchedule((nodes[i] as NodeInfo).taints, tolerations);
    },
    normalizeScore: (_state, _pod, _nodes, scores) =>
      defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
  };
}
