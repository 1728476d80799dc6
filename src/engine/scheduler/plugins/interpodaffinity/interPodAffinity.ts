import {
  ActionType,
  type FilterPlugin,
  type Handle,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/interface';
import type { NodeInfo, NodeInfoLister } from '../../framework/nodeInfo';
import { SKIP, SUCCESS, Status } from '../../framework/status';
import { podCountsExtensions, readPreFilterState } from '../helper/preFilterCounts';
import { InterPodAffinity } from '../names';
import {
  PreFilterState,
  existingAntiAffinityCounts,
  filterInterPodAffinity,
  incomingAffinityAntiAffinityCounts,
} from './filtering';
import type { ScoreMap } from './scoring';
import { normalizeAffinityScores, processNode, scoreNodes } from './scoring';
import type { AffinityTerm, WeightedAffinityTerm } from './terms';
import { mergeTermNamespaces, namespaceLabels, parsePodAffinityTerms } from './terms';

// interpodaffinity/plugin.go (v1.31): pod affinity and anti-affinity, required (Filter) and
// preferred (Score). A pod without terms, in a cluster where no pod has required anti-affinity,
// is skipped at PreFilter; scoring visits only nodes holding pods with affinity unless the pod
// has preferred terms itself.

/** InterPodAffinityArgs. */
export interface InterPodAffinityArgs {
  /** The score an existing pod's required affinity gives a matching pod (default 1). */
  hardPodAffinityWeight?: number;
  /** Skip scoring for pods without preferred terms of their own (default false). */
  ignorePreferredTermsOfExistingPods?: boolean;
}

const PRE_FILTER_KEY = `PreFilter${InterPodAffinity}`;
const PRE_SCORE_KEY = `PreScore${InterPodAffinity}`;

// The cache keeps these lists; a plain lister (tests) is scanned instead.
const withAffinity = (l: NodeInfoLister): readonly NodeInfo[] =>
  l.havePodsWithAffinityList?.() ?? l.list().filter((n) => n.podsWithAffinity.size > 0);
const withRequiredAntiAffinity = (l: NodeInfoLister): readonly NodeInfo[] =>
  l.havePodsWithRequiredAntiAffinityList?.() ??
  l.list().filter((n) => n.podsWithRequiredAntiAffinity.size > 0);

/** Builds the InterPodAffinity plugin. */
export function newInterPodAffinity(
  args: InterPodAffinityArgs | undefined,
  handle: Handle,
): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  const hardPodAffinityWeight = args?.hardPodAffinityWeight ?? 1;
  const ignoreExisting = args?.ignorePreferredTermsOfExistingPods ?? false;
  return {
    name: InterPodAffinity,
    events: [
      // A pod coming, going or relabelled may satisfy or stop violating a term.
      {
        resource: 'Pod',
        actionType: ActionType.Add | ActionType.UpdatePodLabel | ActionType.Delete,
      },
      {
        resource: 'Node',
        actionType: ActionType.Add | ActionType.UpdateNodeLabel | ActionType.UpdateNodeTaint,
      },
    ],
    preFilter(state, pi) {
      const pod = pi.pod;
      const terms = parsePodAffinityTerms(pod);
      const merge = (t: AffinityTerm): AffinityTerm => mergeTermNamespaces(t, handle.listers);
      const requiredAffinityTerms = terms.requiredAffinityTerms.map(merge);
      const requiredAntiAffinityTerms = terms.requiredAntiAffinityTerms.map(merge);
      const nsLabels = namespaceLabels(handle.listers, pod.metadata?.namespace ?? '');
      const existing = existingAntiAffinityCounts(
        pod,
        nsLabels,
        withRequiredAntiAffinity(handle.nodes),
      );
      if (
        existing.size === 0 &&
        requiredAffinityTerms.length === 0 &&
        requiredAntiAffinityTerms.length === 0
      )
        return { status: SKIP };
      const incoming = incomingAffinityAntiAffinityCounts(
        requiredAffinityTerms,
        requiredAntiAffinityTerms,
        handle.nodes.list(),
      );
      const s = new PreFilterState(
        existing,
        incoming.affinityCounts,
        incoming.antiAffinityCounts,
        requiredAffinityTerms,
        requiredAntiAffinityTerms,
        pod,
        nsLabels,
      );
      state.write(PRE_FILTER_KEY, s);
      return { status: SUCCESS };
    },
    // AddPod and RemovePod count a pod into or out of its node's topology pairs. [IPA9]
    preFilterExtensions: podCountsExtensions(PRE_FILTER_KEY),
    filter(state, _pod, node) {
      const s = readPreFilterState<PreFilterState>(state, PRE_FILTER_KEY);
      return s instanceof Status ? s : filterInterPodAffinity(s, node);
    },
    filterNodes(state, _pod, nodes, verdicts) {
      const s = readPreFilterState<PreFilterState>(state, PRE_FILTER_KEY);
      for (let i = 0; i < nodes.length; i++)
        if (verdicts.passing(i))
          verdicts.set(
            i,
            s instanceof Status ? s : filterInterPodAffinity(s, nodes[i] as NodeInfo),
          );
    },
    preScore(state, pi, nodes) {
      if (nodes.length === 0) return SKIP;
      const pod = pi.pod;
      const terms = parsePodAffinityTerms(pod);
      const hasConstraints =
        terms.preferredAffinityTerms.length > 0 || terms.preferredAntiAffinityTerms.length > 0;
      if (ignoreExisting && !hasConstraints) return SKIP;
      const merge = (w: WeightedAffinityTerm): WeightedAffinityTerm => ({
        ...w,
        term: mergeTermNamespaces(w.term, handle.listers),
      });
      const incoming = {
        pod,
        terms: {
          preferredAffinityTerms: terms.preferredAffinityTerms.map(merge),
          preferredAntiAffinityTerms: terms.preferredAntiAffinityTerms.map(merge),
        },
        namespaceLabels: namespaceLabels(handle.listers, pod.metadata?.namespace ?? ''),
      };
      const m: ScoreMap = new Map();
      const visit = hasConstraints ? handle.nodes.list() : withAffinity(handle.nodes);
      for (const ni of visit) processNode(m, incoming, ni, hardPodAffinityWeight);
      if (m.size === 0) return SKIP;
      state.write(PRE_SCORE_KEY, m);
      return SUCCESS;
    },
    score(state, _pod, nodes, scores) {
      const m = state.read<ScoreMap>(PRE_SCORE_KEY);
      if (m) scoreNodes(m, nodes, scores);
    },
    normalizeScore: (_state, _pod, _nodes, scores) => normalizeAffinityScores(scores),
  };
}
