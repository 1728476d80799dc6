import equal from 'fast-deep-equal';
import type { KubeObject } from '../../api/object';
import type { Deployment, ReplicaSet } from '../../api/types';
import type { Template } from './podTemplate';

// kubectl's view of a Deployment's ReplicaSets (staging/src/k8s.io/kubectl/pkg/util/deployment):
// which it controls, which one is new (same template), the rest old, and their revisions.

/** The revision annotation a Deployment's ReplicaSets carry (deploymentutil.RevisionAnnotation). */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** The label that tells a Deployment's ReplicaSets apart (DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** Reports whether owner is obj's controller (metav1.IsControlledBy). */
export function controlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = obj.metadata?.ownerReferences?.find((r) => r.controller);
  return ref !== undefined && ref.uid === owner.metadata?.uid;
}

/** Reports whether two pod templates are equal once pod-template-hash is dropped (empty maps and
 * lists equal absent ones, as apiequality.Semantic.DeepEqual treats nil and empty alike). */
export function equalIgnoreHash(a: Template | undefined, b: Template | undefined): boolean {
  const norm = (t: Template | undefined) => {
    const copy = JSON.parse(JSON.stringify(t ?? {})) as NonNullable<Template>;
    delete copy.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL];
    return prune(copy);
  };
  return equal(norm(a), norm(b));
}

function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(prune);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x);
    if (p !== undefined) out[k] = p;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Splits a deployment's owned ReplicaSets into the new one (oldest with the current template)
 * and all the others, oldest first (findNewReplicaSet, findOldReplicaSets). */
export function splitReplicaSets(
  d: Deployment,
  all: readonly ReplicaSet[],
): { newRS?: ReplicaSet; old: ReplicaSet[] } {
  const owned = all
    .filter((rs) => controlledBy(rs, d))
    .sort((a, b) => {
      const ta = a.metadata?.creationTimestamp ?? '';
      const tb = b.metadata?.creationTimestamp ?? '';
      if (ta !== tb) return Date.parse(ta) - Date.parse(tb);
      return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
    });
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { newRS, old: owned.filter((rs) => rs !== newRS) };
}

/** Returns an object's revision (deploymentutil.Revision): 0 without the annotation, undefined
 * when it is not an integer. */
export function revisionOf(obj: KubeObject): number | undefined {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  // strconv.ParseInt(v, 10, 64)
  if (!/^[+-]?\d+$/.test(v)) return undefined;
  const n = BigInt(v);
  return n >= -(1n << 63n) && n < 1n << 63n ? Number(n) : undefined;
}

/** Maps each revision to its ReplicaSet, old ones first and the new one last, so the new one wins
 * a shared number (DeploymentHistoryViewer.GetHistory). */
export function replicaSetsByRevision(
  d: Deployment,
  all: readonly ReplicaSet[],
): Map<number, ReplicaSet> {
  const { newRS, old } = splitReplicaSets(d, all);
  const out = new Map<number, ReplicaSet>();
  for (const rs of newRS ? [...old, newRS] : old) {
    const v = revisionOf(rs);
    if (v !== undefined) out.set(v, rs);
  }
  return out;
}
