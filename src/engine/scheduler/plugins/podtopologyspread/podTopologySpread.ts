import {
  ActionType,
  type FilterPlugin,
  type Handle,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { SKIP, SUCCESS, Status } from '../../framework/status';
import { podCountsExtensions, readPreFilterState } from '../helper/preFilterCounts';
import { PodTopologySpread } from '../names';
import type { TopologySpreadConstraint } from './constraints';
import { SYSTEM_DEFAULT_CONSTRAINTS, podConstraintsCompiler } from './constraints';
import type { PreFilterState } from './filtering';
import { calPreFilterState, filterSpread } from './filtering';
import type { PreScoreState } from './scoring';
import { calPreScoreState, normalizeSpreadScores, scoreSpread } from './scoring';

// podtopologyspread/plugin.go (v1.31): spreads matching pods evenly over topology domains.
// DoNotSchedule constraints filter, ScheduleAnyway ones (and the defaults) score; a pod with
// neither is skipped at PreFilter and PreScore, so it costs nothing beyond building its
// constraints.

/** PodTopologySpreadArgs: "System" uses the built-in defaults, "List" the given ones. */
export interface PodTopologySpreadArgs {
  defaultConstraints?: TopologySpreadConstraint[];
  defaultingType?: 'System' | 'List';
}

const PRE_FILTER_KEY = `PreFilter${PodTopologySpread}`;
const PRE_SCORE_KEY = `PreScore${PodTopologySpread}`;

/** Builds the PodTopologySpread plugin. */
export function newPodTopologySpread(
  args: PodTopologySpreadArgs | undefined,
  handle: Handle,
): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  const systemDefaulted = (args?.defaultingType ?? 'System') === 'System';
  const defaults = systemDefaulted ? SYSTEM_DEFAULT_CONSTRAINTS : (args?.defaultConstraints ?? []);
  const podConstraints = podConstraintsCompiler(defaults, () => handle.listers);
  return {
    name: PodTopologySpread,
    events: [
      // A matching pod coming, going or changing labels changes the counts.
      {
        resource: 'Pod',
        actionType: ActionType.Add | ActionType.UpdatePodLabel | ActionType.Delete,
      },
      // A node coming or relabelled may open a domain; UpdateNodeTaint covers nodes that become
      // Ready after preCheck filtered their NodeAdd out.
      {
        resource: 'Node',
        actionType:
          ActionType.Add |
          ActionType.Delete |
          ActionType.UpdateNodeLabel |
          ActionType.UpdateNodeTaint,
      },
    ],
    preFilter(state, pod) {
      const constraints = podConstraints(pod.pod, 'DoNotSchedule');
      if (constraints.length === 0) return { status: SKIP };
      state.write(PRE_FILTER_KEY, calPreFilterState(pod, constraints, handle.nodes.list()));
      return { status: SUCCESS };
    },
    // AddPod and RemovePod move a pod into or out of its node's domains. [PTS11]
    preFilterExtensions: podCountsExtensions(PRE_FILTER_KEY),
    filter(state, pod, node) {
      const s = readPreFilterState<PreFilterState>(state, PRE_FILTER_KEY);
      return s instanceof Status ? s : filterSpread(s, pod, node);
    },
    filterNodes(state, pod, nodes, verdicts) {
      const s = readPreFilterState<PreFilterState>(state, PRE_FILTER_KEY);
      for (let i = 0; i < nodes.length; i++)
        if (verdicts.passing(i))
          verdicts.set(i, s instanceof Status ? s : filterSpread(s, pod, nodes[i] as NodeInfo));
    },
    preScore(state, pod, nodes) {
      if (handle.nodes.list().length === 0) return SKIP;
      const constraints = podConstraints(pod.pod, 'ScheduleAnyway');
      if (constraints.length === 0) return SKIP;
      // Only the pod's own (or configured) constraints need every key; system defaults let
      // nodes without a zone still spread by hostname.
      const requireAll =
        (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0 || !systemDefaulted;
      state.write(
        PRE_SCORE_KEY,
        calPreScoreState(pod, constraints, nodes, handle.nodes, requireAll),
      );
      return SUCCESS;
    },
    score(state, pod, nodes, scores) {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      if (s) scoreSpread(s, pod, nodes, scores);
    },
    normalizeScore(state, _pod, nodes, scores) {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      if (s) normalizeSpreadScores(s, nodes, scores);
    },
  };
}
