import type { Labels } from '../../../api/labels';
import { fromLabelSelector } from '../../../api/labels';
import type { Affinity, Pod } from '../../../api/types';
import type { Listers } from '../../framework/interface';
import type { Selector } from '../helper/selector';
import { selectorMatches } from '../helper/selector';

// Pod affinity terms as framework/types.go compiles them into PodInfo (AffinityTerm,
// WeightedAffinityTerm), and how a term matches a pod.
//   [IPA1] a term without namespaces and without namespaceSelector means the pod's own namespace;
//          an empty namespaceSelector ({}) means every namespace.
//   [IPA2] a term matches a pod in one of its namespaces (or whose namespace's labels its
//          namespaceSelector selects) whose labels its labelSelector selects.
//   [IPA3] for the incoming pod, namespaceSelector is resolved to names once per cycle
//          (mergeAffinityTermNamespacesIfNotEmpty), so its terms never need namespace labels.

type PodAffinityTerm = NonNullable<
  NonNullable<Affinity['podAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']
>[number];
type WeightedPodAffinityTerm = NonNullable<
  NonNullable<Affinity['podAffinity']>['preferredDuringSchedulingIgnoredDuringExecution']
>[number];

/** A compiled PodAffinityTerm (framework.AffinityTerm). */
export interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  selector: Selector;
  topologyKey: string;
  namespaceSelector: Selector;
}

/** A compiled preferred term and its weight (framework.WeightedAffinityTerm). */
export interface WeightedAffinityTerm {
  term: AffinityTerm;
  weight: number;
}

/** A pod's compiled inter-pod affinity, as PodInfo carries it. */
export interface PodAffinityTerms {
  requiredAffinityTerms: AffinityTerm[];
  requiredAntiAffinityTerms: AffinityTerm[];
  preferredAffinityTerms: WeightedAffinityTerm[];
  preferredAntiAffinityTerms: WeightedAffinityTerm[];
}

function newAffinityTerm(pod: Pod, t: PodAffinityTerm): AffinityTerm {
  const own = (t.namespaces ?? []).length === 0 && t.namespaceSelector == null;
  return {
    namespaces: new Set(own ? [pod.metadata?.namespace ?? ''] : (t.namespaces ?? [])),
    selector: fromLabelSelector(t.labelSelector),
    topologyKey: t.topologyKey,
    namespaceSelector: fromLabelSelector(t.namespaceSelector),
  };
}

const weighted = (pod: Pod, terms: readonly WeightedPodAffinityTerm[] | undefined) =>
  (terms ?? []).map((w) => ({ term: newAffinityTerm(pod, w.podAffinityTerm), weight: w.weight }));

/** Compiles a pod's affinity terms afresh (NewPodInfo). [IPA1] */
export function parsePodAffinityTerms(pod: Pod): PodAffinityTerms {
  const a = pod.spec?.affinity;
  const required = (terms: readonly PodAffinityTerm[] | undefined): AffinityTerm[] =>
    (terms ?? []).map((t) => newAffinityTerm(pod, t));
  return {
    requiredAffinityTerms: required(a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAntiAffinityTerms: required(
      a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    ),
    preferredAffinityTerms: weighted(
      pod,
      a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    ),
    preferredAntiAffinityTerms: weighted(
      pod,
      a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    ),
  };
}

// Pod objects are immutable, so a pod version's terms are compiled once, as PodInfo does.
const compiled = new WeakMap<Pod, PodAffinityTerms>();

/** Returns a placed or queued pod's compiled terms, never to be modified. */
export function affinityTermsOf(pod: Pod): PodAffinityTerms {
  let terms = compiled.get(pod);
  if (!terms) compiled.set(pod, (terms = parsePodAffinityTerms(pod)));
  return terms;
}

/** Reports whether a term matches a pod whose namespace has nsLabels (AffinityTerm.Matches). [IPA2] */
export function termMatches(t: AffinityTerm, pod: Pod, nsLabels: Labels): boolean {
  const inNamespace =
    t.namespaces.has(pod.metadata?.namespace ?? '') ||
    selectorMatches(t.namespaceSelector, nsLabels);
  return inNamespace && selectorMatches(t.selector, pod.metadata?.labels);
}

/** Reports whether a pod matches every term; false for no terms (podMatchesAllAffinityTerms). */
export function podMatchesAllAffinityTerms(terms: readonly AffinityTerm[], pod: Pod): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(t, pod, undefined));
}

/** Returns a namespace's labels, or none if it is unknown (GetNamespaceLabelsSnapshot). */
export function namespaceLabels(listers: Listers | undefined, ns: string): Labels {
  return listers?.namespaces.get(ns)?.metadata?.labels;
}

/** Resolves a term's non-empty namespaceSelector into its namespaces. [IPA3] */
export function mergeTermNamespaces(t: AffinityTerm, listers: Listers | undefined): AffinityTerm {
  if (t.namespaceSelector !== null && t.namespaceSelector.length === 0) return t;
  const namespaces = new Set(t.namespaces);
  for (const ns of listers?.namespaces.items() ?? [])
    if (selectorMatches(t.namespaceSelector, ns.metadata?.labels))
      namespaces.add(ns.metadata?.name ?? '');
  return { ...t, namespaces, namespaceSelector: null };
}
