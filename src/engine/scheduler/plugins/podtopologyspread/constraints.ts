import { fromLabelSelector, type Requirement } from '../../../api/labels';
import { controllerOf } from '../../../api/owners';
import type { Node, Pod, PodSpec, ReplicaSet } from '../../../api/types';
import type { Listers } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import { labelKeyId } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import type { RequiredNodeAffinity } from '../nodeaffinity/nodeSelector';
import { matchesRequired } from '../nodeaffinity/nodeSelector';
import type { Selector } from '../helper/selector';
import { labelValue } from '../helper/selector';
import { doNotScheduleTaint, findMatchingUntoleratedTaint } from '../helper/taints';

// podtopologyspread/common.go (v1.31): a pod's spread constraints compiled for one extension
// point (DoNotSchedule for Filter, ScheduleAnyway for Score), or the cluster's default ones.
//   [PTS1] matchLabelKeys add the pod's own values for those keys to the selector.
//   [PTS2] minDomains defaults to 1, nodeAffinityPolicy to Honor, nodeTaintsPolicy to Ignore.
//   [PTS3] a pod without constraints gets the defaults (hostname maxSkew 3, zone maxSkew 5,
//          ScheduleAnyway) with the selector of what owns it, or none if nothing selects it.
//   [PTS4] pods being deleted and pods of other namespaces are never counted.

/** A constraint as written in pod.spec.topologySpreadConstraints. */
export type TopologySpreadConstraint = NonNullable<PodSpec['topologySpreadConstraints']>[number];

/** A constraint with its selector compiled (topologySpreadConstraint). */
export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  /** labelKeyId(topologyKey), by which nodes are asked for their value. */
  topologyKeyId: number;
  /** Whether topologyKey is kubernetes.io/hostname, whose domain is one node. */
  byHostname: boolean;
  selector: Selector;
  /** The namespace and selector, by which nodes remember how many pods it selects (countMatching). */
  countKey: string;
  minDomains: number;
  nodeAffinityPolicy: string;
  nodeTaintsPolicy: string;
}

/** kubernetes.io/hostname (v1.LabelHostname). */
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
/** topology.kubernetes.io/zone (v1.LabelTopologyZone). */
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

/** systemDefaultConstraints. [PTS3] */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_TOPOLOGY_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

// Count keys by content, so that all the pods of a workload hand nodes the same string object
// (cheap to compare). Interning only saves time: the table is simply emptied when it grows large.
const MAX_COUNT_KEYS = 10_000;
const countKeys = new Map<string, string>();

/** Returns the (interned) key of the pods of a namespace that a selector selects. */
function countKey(ns: string, selector: Selector): string {
  const key = `${ns}\u0000${JSON.stringify(selector)}`;
  let interned = countKeys.get(key);
  if (interned === undefined) {
    if (countKeys.size >= MAX_COUNT_KEYS) countKeys.clear();
    countKeys.set(key, (interned = key));
  }
  return interned;
}

/** Compiles the pod's constraints with the given whenUnsatisfiable. [PTS1][PTS2] */
export function filterTopologySpreadConstraints(
  constraints: readonly TopologySpreadConstraint[],
  pod: Pod,
  action: SpreadAction,
): SpreadConstraint[] {
  const podLabels = pod.metadata?.labels;
  const ns = pod.metadata?.namespace ?? '';
  const out: SpreadConstraint[] = [];
  for (const c of constraints) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector: Selector = fromLabelSelector(c.labelSelector);
    const own: Requirement[] = [];
    for (const key of c.matchLabelKeys ?? []) {
      const value = labelValue(podLabels, key);
      if (value !== undefined) own.push({ key, operator: 'Equals', values: [value] });
    }
    // mergeLabelSetWithSelector: the pod's labels, plus the selector's requirements if it has any.
    if (own.length > 0) selector = [...own, ...(selector ?? [])];
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      topologyKeyId: labelKeyId(c.topologyKey),
      byHostname: c.topologyKey === LABEL_HOSTNAME,
      selector,
      countKey: countKey(ns, selector),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    });
  }
  return out;
}

/** Which constraints a cycle compiles: Filter's or Score's. */
export type SpreadAction = 'DoNotSchedule' | 'ScheduleAnyway';

/**
 * helper.DefaultSelector's source: what selects the pod. Of Services, ReplicationControllers,
 * ReplicaSets and StatefulSets the simulator serves only ReplicaSets, so this is the owning
 * ReplicaSet, if the lister has it. [PTS3]
 */
function selectingReplicaSet(pod: Pod, listers: Listers | undefined): ReplicaSet | undefined {
  const owner = controllerOf(pod);
  if (!owner || owner.apiVersion !== 'apps/v1' || owner.kind !== 'ReplicaSet') return undefined;
  return listers?.replicaSets.get(`${pod.metadata?.namespace ?? ''}/${owner.name}`);
}

/** Builds the default constraints for an action, or none when nothing selects the pod. [PTS3] */
function buildDefaultConstraints(
  defaults: readonly TopologySpreadConstraint[],
  pod: Pod,
  action: SpreadAction,
  rs: ReplicaSet,
): readonly SpreadConstraint[] {
  const constraints = filterTopologySpreadConstraints(defaults, pod, action);
  if (constraints.length === 0) return [];
  const selector = fromLabelSelector(rs.spec?.selector) ?? [];
  if (selector.length === 0) return [];
  const key = countKey(pod.metadata?.namespace ?? '', selector);
  return constraints.map((c) => ({ ...c, selector, countKey: key }));
}

/**
 * Returns a plugin's compiler of a pod's constraints for an action: the pod's own, or else the
 * defaults. Default constraints take from the pod only its owning ReplicaSet (whose namespace is
 * the pod's), and a ReplicaSet version never changes ([OBJ1]), so they are built once per version
 * and shared by its pods, whose selectors are then the same objects cycle after cycle.
 */
export function podConstraintsCompiler(
  defaults: readonly TopologySpreadConstraint[],
  listers: () => Listers | undefined,
): (pod: Pod, action: SpreadAction) => readonly SpreadConstraint[] {
  const built = {
    DoNotSchedule: new WeakMap<ReplicaSet, readonly SpreadConstraint[]>(),
    ScheduleAnyway: new WeakMap<ReplicaSet, readonly SpreadConstraint[]>(),
  };
  return (pod, action) => {
    const own = pod.spec?.topologySpreadConstraints ?? [];
    if (own.length > 0) return filterTopologySpreadConstraints(own, pod, action);
    const rs = selectingReplicaSet(pod, listers());
    if (!rs) return [];
    let constraints = built[action].get(rs);
    if (!constraints)
      built[action].set(rs, (constraints = buildDefaultConstraints(defaults, pod, action, rs)));
    return constraints;
  };
}

/** Reports whether a node counts for a constraint under its inclusion policies. [PTS2] */
export function matchNodeInclusionPolicies(
  c: SpreadConstraint,
  pod: PodInfo,
  node: Node,
  required: RequiredNodeAffinity,
): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !matchesRequired(required, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor') {
    const taint = findMatchingUntoleratedTaint(
      node.spec?.taints,
      pod.pod.spec?.tolerations,
      doNotScheduleTaint,
    );
    if (taint) return false;
  }
  return true;
}

/** Reports whether a node has every constraint's topology key. */
export function nodeLabelsMatchSpreadConstraints(
  node: NodeInfo,
  constraints: readonly SpreadConstraint[],
): boolean {
  for (let i = 0; i < constraints.length; i++)
    if (node.labelValueOf((constraints[i] as SpreadConstraint).topologyKeyId) === undefined)
      return false;
  return true;
}

/**
 * Counts a node's pods in a namespace that a constraint's selector selects, skipping terminating
 * ones. [PTS4]
 */
export function countPodsMatchSelector(node: NodeInfo, c: SpreadConstraint, ns: string): number {
  return c.selector === null ? 0 : node.countMatching(c.selector, c.countKey, ns);
}
