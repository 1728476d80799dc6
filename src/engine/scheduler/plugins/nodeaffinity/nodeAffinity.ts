import type { CycleState } from '../../framework/cycleState';
import {
  ActionType,
  MAX_NODE_SCORE,
  type FilterPlugin,
  type PreFilterOutcome,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SKIP, SUCCESS, Status } from '../../framework/status';
import { defaultNormalizeScore } from '../helper/normalizeScore';
import { NodeAffinity } from '../names';
import type { PreferredTerm, RequiredNodeAffinity } from './nodeSelector';
import {
  matchesRequired,
  preferredNodeAffinity,
  preferredScore,
  requiredNodeAffinity,
  requiredNodeNames,
} from './nodeSelector';

// nodeaffinity: Filter enforces nodeSelector and required node affinity; PreFilter narrows the
// nodes when every term pins metadata.name (how DaemonSet pods name their node); Score sums the
// weights of matching preferred terms, normalized so the best node gets 100.

/** Filter reason for a node the pod's nodeSelector or required affinity excludes. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** PreFilter reason when the terms' metadata.name sets have nothing in common. */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

const PRE_FILTER_KEY = `PreFilter${NodeAffinity}`;
const PRE_SCORE_KEY = `PreScore${NodeAffinity}`;

/** Filters nodes by the pod's required affinity. */
export function filterNodeAffinity(required: RequiredNodeAffinity, node: NodeInfo): Status {
  if (node.node && matchesRequired(required, node.node)) return SUCCESS;
  return new Status('UnschedulableAndUnresolvable', [ERR_REASON_POD]);
}

function preFilter(state: CycleState, pod: PodInfo): PreFilterOutcome {
  const spec = pod.pod.spec;
  const noAffinity = !spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  // Nothing to enforce: the plugin's Filter is skipped for this pod.
  if (noAffinity && !spec?.nodeSelector) return { status: SKIP };
  state.write(PRE_FILTER_KEY, requiredNodeAffinity(pod.pod));
  const names = requiredNodeNames(pod.pod);
  if (names && names.size === 0)
    return { status: new Status('UnschedulableAndUnresolvable', [ERR_REASON_CONFLICT]) };
  return { status: SUCCESS, nodeNames: names };
}

/** Builds the NodeAffinity plugin. */
export function newNodeAffinity(): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: NodeAffinity,
    events: [
      {
        resource: 'Node',
        actionType: ActionType.Add | ActionType.UpdateNodeLabel | ActionType.UpdateNodeTaint,
      },
    ],
    preFilter,
    filter(state, pod, node) {
      const required =
        state.read<RequiredNodeAffinity>(PRE_FILTER_KEY) ?? requiredNodeAffinity(pod.pod);
      return filterNodeAffinity(required, node);
    },
    filterNodes(state, pod, nodes, verdicts) {
      const required =
        state.read<RequiredNodeAffinity>(PRE_FILTER_KEY) ?? requiredNodeAffinity(pod.pod);
      for (let i = 0; i < nodes.length; i++)
        if (verdicts.passing(i))
          verdicts.set(i, filterNodeAffinity(required, nodes[i] as NodeInfo));
    },
    preScore(state, pod) {
      const terms = preferredNodeAffinity(pod.pod);
      if (terms.length === 0) return SKIP;
      state.write(PRE_SCORE_KEY, terms);
      return SUCCESS;
    },
    score(state, pod, nodes, scores) {
      const terms = state.read<PreferredTerm[]>(PRE_SCORE_KEY) ?? preferredNodeAffinity(pod.pod);
      for (let i = 0; i < nodes.length; i++) {
        const node = (nodes[i] as NodeInfo).node;
        if (node) scores[i] = preferredScore(terms, node);
      }
    },
    normalizeScore: (_state, _pod, _nodes, scores) =>
      defaultNormalizeScore(MAX_NODE_SCORE, false, scores),
  };
}
