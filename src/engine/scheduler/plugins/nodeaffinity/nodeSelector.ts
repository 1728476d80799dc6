import type { Node, Pod, PodSpec } from '../../../api/types';

// api/types.ts does not export the node-affinity types yet, so derive them from PodSpec.
type NodeAffinitySpec = NonNullable<NonNullable<PodSpec['affinity']>['nodeAffinity']>;
type NodeSelectorTerm = NonNullable<
  NodeAffinitySpec['requiredDuringSchedulingIgnoredDuringExecution']
>['nodeSelectorTerms'][number];
type NodeSelectorRequirement = NonNullable<NodeSelectorTerm['matchExpressions']>[number];

// component-helpers/scheduling/corev1/nodeaffinity: a pod's required node affinity is its
// nodeSelector AND any one of its required nodeSelectorTerms; each term ANDs its matchExpressions
// (on labels) and matchFields (only metadata.name). A term that is empty or does not parse
// matches no node.

interface CompiledTerm {
  valid: boolean;
  empty: boolean;
  expressions: readonly NodeSelectorRequirement[];
  fields: readonly NodeSelectorRequirement[];
}

/** A pod's compiled required node affinity (nodeaffinity.RequiredNodeAffinity). */
export interface RequiredNodeAffinity {
  nodeSelector?: Readonly<Record<string, string>>;
  /** Undefined when the pod has no required node affinity. */
  terms?: readonly CompiledTerm[];
}

/** A compiled preferred term and its weight. */
export interface PreferredTerm {
  weight: number;
  term: CompiledTerm;
}

/** Compiles a pod's nodeSelector and required node affinity. */
export function requiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    nodeSelector: pod.spec?.nodeSelector,
    terms: required ? required.nodeSelectorTerms.map(compileTerm) : undefined,
  };
}

/** Compiles a pod's preferred node affinity terms, dropping weight-0 ones. */
export function preferredNodeAffinity(pod: Pod): PreferredTerm[] {
  const preferred =
    pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return preferred
    .filter((p) => p.weight !== 0)
    .map((p) => ({ weight: p.weight, term: compileTerm(p.preference) }));
}

/** Reports whether a node satisfies the required affinity. */
export function matchesRequired(a: RequiredNodeAffinity, node: Node): boolean {
  // Filter and PodTopologySpread's inclusion policy ask this of every node: nothing allocated.
  const selector = a.nodeSelector;
  if (selector) {
    const labels = node.metadata?.labels;
    for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  }
  const terms = a.terms;
  if (terms === undefined) return true;
  for (let i = 0; i < terms.length; i++)
    if (matchesTerm(terms[i] as CompiledTerm, node)) return true;
  return false;
}

/** Sums the weights of the preferred terms a node matches. */
export function preferredScore(terms: readonly PreferredTerm[], node: Node): number {
  let score = 0;
  for (const t of terms) if (matchesTerm(t.term, node)) score += t.weight;
  return score;
}

function compileTerm(t: NodeSelectorTerm): CompiledTerm {
  const expressions = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  return {
    valid: expressions.every(validExpression) && fields.every(validField),
    empty: expressions.length === 0 && fields.length === 0,
    expressions,
    fields,
  };
}

function validExpression(r: NodeSelectorRequirement): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      return values.length > 0;
    case 'Exists':
    case 'DoesNotExist':
      return values.length === 0;
    case 'Gt':
    case 'Lt':
      return values.length === 1 && parseInt64(values[0]) !== undefined;
    default:
      return false;
  }
}

// NodeSelectorRequirementsAsFieldSelector accepts In/NotIn with exactly one value.
function validField(r: NodeSelectorRequirement): boolean {
  return (r.operator === 'In' || r.operator === 'NotIn') && (r.values ?? []).length === 1;
}

function matchesTerm(t: CompiledTerm, node: Node): boolean {
  if (t.empty || !t.valid) return false;
  const labels = node.metadata?.labels ?? {};
  if (!t.expressions.every((r) => matchesExpression(r, labels))) return false;
  const fields: Record<string, string> = { 'metadata.name': node.metadata?.name ?? '' };
  return t.fields.every((r) => {
    const v = fields[r.key] ?? '';
    return r.operator === 'In' ? v === r.values?.[0] : v !== r.values?.[0];
  });
}

function matchesExpression(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(value as string);
    case 'NotIn':
      return !has || !values.includes(value as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const have = has ? parseInt64(value) : undefined;
      const want = parseInt64(values[0]);
      if (have === undefined || want === undefined) return false;
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

// strconv.ParseInt(s, 10, 64): an optional sign and decimal digits only.
function parseInt64(s: string | undefined): bigint | undefined {
  if (s === undefined || !/^[+-]?\d+$/.test(s)) return undefined;
  return BigInt(s);
}

/** Returns the node names a term list pins the pod to via matchFields metadata.name In, if all do. */
export function requiredNodeNames(pod: Pod): Set<string> | undefined {
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  let union: Set<string> | undefined;
  for (const t of terms) {
    let names: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      names = names ? new Set([...names].filter((n) => s.has(n))) : s;
    }
    // Terms are ORed: one term without a name constraint allows every node.
    if (!names) return undefined;
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}
