import type { Labels } from '../../../api/labels';
import type { Node, Pod } from '../../../api/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status } from '../../framework/status';
import type { PodCounts } from '../helper/preFilterCounts';
import { labelValue, podsSelectedOn } from '../helper/selector';
import type { AffinityTerm } from './terms';
import { affinityTermsOf, podMatchesAllAffinityTerms, termMatches } from './terms';

// interpodaffinity/filtering.go (v1.31): PreFilter counts, per topology pair (key, value), the
// existing pods that the incoming pod's required terms match and the existing pods whose
// required anti-affinity matches the incoming pod; Filter then reads the node's pairs.
//   [IPA4] affinity: every term's key must be on the node and its pair must hold a pod matching
//          all the terms, else UnschedulableAndUnresolvable — except for the first pod of a group
//          that matches its own terms while no pod anywhere does.
//   [IPA5] anti-affinity: no term's pair may hold a pod it matches (Unschedulable).
//   [IPA6] existing pods' required anti-affinity: no pair of the node's labels may hold a pod
//          whose term matches the incoming pod (Unschedulable).
//   [IPA9] AddPod/RemovePod (preemption's victims, nominated pods) count a pod into or out of
//          all three maps for its node's pairs, as PreFilter would have; per cycle-state clone.

/** Filter reason when the pod's required affinity finds no matching pod in the node's domains. */
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
/** Filter reason when the pod's required anti-affinity finds a matching pod. */
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH =
  "node(s) didn't match pod anti-affinity rules";
/** Filter reason when an existing pod's required anti-affinity rejects the incoming pod. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
  "node(s) didn't satisfy existing pods anti-affinity rules";

/** Matching pods per topology pair (topologyToMatchedTermCount). */
export type TopologyCounts = Map<string, number>;

/** Returns the map key of a topology pair. */
export const pairKey = (key: string, value: string): string => `${key}\u0000${value}`;

/** Adds to the count of the node's pair for a key, if it has the key. */
function update(m: TopologyCounts, node: NodeInfo, key: string, value: number): void {
  const tv = node.labelValue(key);
  if (tv === undefined) return;
  const pair = pairKey(key, tv);
  const n = (m.get(pair) ?? 0) + value;
  if (n === 0) m.delete(pair);
  else m.set(pair, n);
}

/** What PreFilter computes for Filter (preFilterState). */
export class PreFilterState implements PodCounts {
  constructor(
    readonly existingAntiAffinityCounts: TopologyCounts,
    readonly affinityCounts: TopologyCounts,
    readonly antiAffinityCounts: TopologyCounts,
    /** The incoming pod's required terms, namespaceSelector already resolved. */
    readonly requiredAffinityTerms: AffinityTerm[],
    readonly requiredAntiAffinityTerms: AffinityTerm[],
    readonly pod: Pod,
    /** The labels of the incoming pod's namespace, which existing pods' terms may select. */
    readonly namespaceLabels: Labels,
  ) {}

  /** Copies the counts; the incoming pod and its terms never change (preFilterState.Clone). */
  clone(): PreFilterState {
    return new PreFilterState(
      new Map(this.existingAntiAffinityCounts),
      new Map(this.affinityCounts),
      new Map(this.antiAffinityCounts),
      this.requiredAffinityTerms,
      this.requiredAntiAffinityTerms,
      this.pod,
      this.namespaceLabels,
    );
  }

  /** Counts a pod on a node in (multiplier 1) or out (−1) of the three maps (updateWithPod). [IPA9] */
  updateWithPod(other: Pod, _podToSchedule: PodInfo, node: NodeInfo, multiplier: number): void {
    for (const t of affinityTermsOf(other).requiredAntiAffinityTerms)
      if (termMatches(t, this.pod, this.namespaceLabels))
        update(this.existingAntiAffinityCounts, node, t.topologyKey, multiplier);
    if (podMatchesAllAffinityTerms(this.requiredAffinityTerms, other))
      for (const t of this.requiredAffinityTerms)
        update(this.affinityCounts, node, t.topologyKey, multiplier);
    // The incoming pod's terms have their namespaceSelector resolved: no namespace labels needed.
    for (const t of this.requiredAntiAffinityTerms)
      if (termMatches(t, other, undefined))
        update(this.antiAffinityCounts, node, t.topologyKey, multiplier);
  }
}

/** Counts the existing pods whose required anti-affinity matches the incoming pod. [IPA6] */
export function existingAntiAffinityCounts(
  pod: Pod,
  nsLabels: Labels,
  nodes: readonly NodeInfo[],
): TopologyCounts {
  const m: TopologyCounts = new Map();
  for (const ni of nodes) {
    if (!ni.node) continue;
    for (const existing of ni.podsWithRequiredAntiAffinity.values())
      for (const t of affinityTermsOf(existing.pod).requiredAntiAffinityTerms)
        if (termMatches(t, pod, nsLabels)) update(m, ni, t.topologyKey, 1);
  }
  return m;
}

/** Counts the existing pods the incoming pod's required terms match. [IPA4][IPA5] */
export function incomingAffinityAntiAffinityCounts(
  affinityTerms: readonly AffinityTerm[],
  antiAffinityTerms: readonly AffinityTerm[],
  nodes: readonly NodeInfo[],
): { affinityCounts: TopologyCounts; antiAffinityCounts: TopologyCounts } {
  const affinityCounts: TopologyCounts = new Map();
  const antiAffinityCounts: TopologyCounts = new Map();
  if (affinityTerms.length === 0 && antiAffinityTerms.length === 0)
    return { affinityCounts, antiAffinityCounts };
  const first = affinityTerms[0];
  for (const ni of nodes) {
    if (!ni.node) continue;
    // A pod must match every affinity term, so the first term's selector bounds the candidates.
    for (const existing of first ? podsSelectedOn(ni, first.selector) : [])
      if (podMatchesAllAffinityTerms(affinityTerms, existing.pod))
        for (const t of affinityTerms) update(affinityCounts, ni, t.topologyKey, 1);
    for (const t of antiAffinityTerms)
      for (const existing of podsSelectedOn(ni, t.selector))
        if (termMatches(t, existing.pod, undefined))
          update(antiAffinityCounts, ni, t.topologyKey, 1);
  }
  return { affinityCounts, antiAffinityCounts };
}

function satisfyPodAffinity(s: PreFilterState, node: Node): boolean {
  let podsExist = true;
  for (const t of s.requiredAffinityTerms) {
    const tv = labelValue(node.metadata?.labels, t.topologyKey);
    // Every topology key must be on the node.
    if (tv === undefined) return false;
    if ((s.affinityCounts.get(pairKey(t.topologyKey, tv)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere its keys exist; otherwise
  // such a group could never start.
  return s.affinityCounts.size === 0 && podMatchesAllAffinityTerms(s.requiredAffinityTerms, s.pod);
}

function satisfyPodAntiAffinity(s: PreFilterState, node: Node): boolean {
  if (s.antiAffinityCounts.size === 0) return true;
  return s.requiredAntiAffinityTerms.every((t) => {
    const tv = labelValue(node.metadata?.labels, t.topologyKey);
    return tv === undefined || (s.antiAffinityCounts.get(pairKey(t.topologyKey, tv)) ?? 0) <= 0;
  });
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, node: Node): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  return Object.entries(node.metadata?.labels ?? {}).every(
    ([k, v]) => (s.existingAntiAffinityCounts.get(pairKey(k, v)) ?? 0) <= 0,
  );
}

/** Checks the three rules in upstream's order. [IPA4][IPA5][IPA6] */
export function filterInterPodAffinity(s: PreFilterState, ni: NodeInfo): Status {
  const node = ni.node;
  if (!node) return new Status('Error', ['node not found']);
  if (!satisfyPodAffinity(s, node))
    return new Status('UnschedulableAndUnresolvable', [ERR_REASON_AFFINITY_RULES_NOT_MATCH]);
  if (!satisfyPodAntiAffinity(s, node))
    return new Status('Unschedulable', [ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH]);
  if (!satisfyExistingPodsAntiAffinity(s, node))
    return new Status('Unschedulable', [ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH]);
  return SUCCESS;
}
