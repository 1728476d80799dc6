import type { Labels } from '../../../api/labels';
import type { Node, Pod } from '../../../api/types';
import { MAX_NODE_SCORE } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { labelValue, podsSelectedOn } from '../helper/selector';
import type { AffinityTerm, PodAffinityTerms, WeightedAffinityTerm } from './terms';
import { affinityTermsOf, termMatches } from './terms';

// interpodaffinity/scoring.go (v1.31): every topology value earns the weights of the preferred
// terms that tie the incoming pod to the pods there, in both directions.
//   [IPA7] the incoming pod's preferred affinity (+weight) and anti-affinity (−weight) over the
//          existing pods; the existing pods' preferred affinity (+) and anti-affinity (−), and
//          their required affinity at hardPodAffinityWeight, over the incoming pod.
//   [IPA8] a node scores the sum over its labels' values; NormalizeScore maps [min, max] onto
//          [0, 100] (truncated), all 0 when min = max.

/** topologyKey → topology value → score (scoreMap). */
export type ScoreMap = Map<string, Map<string, number>>;

function processTerm(
  m: ScoreMap,
  t: AffinityTerm,
  weight: number,
  pod: Pod,
  nsLabels: Labels,
  node: Node,
): void {
  if (!termMatches(t, pod, nsLabels)) return;
  const tv = labelValue(node.metadata?.labels, t.topologyKey);
  if (tv === undefined) return;
  let values = m.get(t.topologyKey);
  if (!values) m.set(t.topologyKey, (values = new Map()));
  values.set(tv, (values.get(tv) ?? 0) + weight);
}

/** What scoring needs of the incoming pod. */
export interface IncomingPod {
  pod: Pod;
  /** Its preferred terms, namespaceSelector resolved. */
  terms: Pick<PodAffinityTerms, 'preferredAffinityTerms' | 'preferredAntiAffinityTerms'>;
  namespaceLabels: Labels;
}

/** Adds one node's contribution to the score map. [IPA7] */
export function processNode(
  m: ScoreMap,
  incoming: IncomingPod,
  ni: NodeInfo,
  hardPodAffinityWeight: number,
): void {
  const node = ni.node;
  if (!node) return;
  const own = (terms: readonly WeightedAffinityTerm[], sign: number): void => {
    for (const { term, weight } of terms)
      for (const existing of podsSelectedOn(ni, term.selector))
        processTerm(m, term, sign * weight, existing.pod, undefined, node);
  };
  own(incoming.terms.preferredAffinityTerms, 1);
  own(incoming.terms.preferredAntiAffinityTerms, -1);
  // Only pods with affinity have terms of their own.
  for (const existing of ni.podsWithAffinity.values()) {
    const terms = affinityTermsOf(existing.pod);
    const theirs = (t: AffinityTerm, weight: number): void =>
      processTerm(m, t, weight, incoming.pod, incoming.namespaceLabels, node);
    if (hardPodAffinityWeight > 0)
      for (const t of terms.requiredAffinityTerms) theirs(t, hardPodAffinityWeight);
    for (const { term, weight } of terms.preferredAffinityTerms) theirs(term, weight);
    for (const { term, weight } of terms.preferredAntiAffinityTerms) theirs(term, -weight);
  }
}

/** Sums each node's topology values' scores. [IPA8] */
export function scoreNodes(m: ScoreMap, nodes: readonly NodeInfo[], scores: Float64Array): void {
  for (let n = 0; n < nodes.length; n++) {
    const labels = (nodes[n] as NodeInfo).labels;
    let score = 0;
    for (const [key, values] of m) {
      const tv = labelValue(labels, key);
      if (tv !== undefined) score += values.get(tv) ?? 0;
    }
    scores[n] = score;
  }
}

/** Maps [min, max] onto [0, 100]. [IPA8] */
export function normalizeAffinityScores(scores: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    min = Math.min(min, scores[i] as number);
    max = Math.max(max, scores[i] as number);
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++)
    scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * (((scores[i] as number) - min) / diff)) : 0;
}
