import type { Namespace, ReplicaSet } from '../../api/types';
import type { EventRecorder } from '../../client/eventRecorder';
import type { Task } from '../../client/task';
import type { Rng } from '../../rng/rng';
import type { PodNominator } from '../queue/nominator';
import type { CycleState } from './cycleState';
import type { NodeInfo, NodeInfoLister } from './nodeInfo';
import type { NodeToStatus } from './nodeToStatus';
import type { PodInfo } from './podInfo';
import type { Verdicts } from './runFilter';
import type { Status } from './status';

// The extension points of the scheduling framework (pkg/scheduler/framework/interface.go). A
// plugin is an object with a name and the methods of the extension points it implements; the
// framework calls each method for the plugins enabled in the profile, in profile order.

/** The highest score a plugin may give after normalizing (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/** What changed in the cluster, as a bit set (framework.ActionType). */
export const ActionType = {
  Add: 1,
  Delete: 2,
  UpdateNodeAllocatable: 4,
  UpdateNodeLabel: 8,
  UpdateNodeTaint: 16,
  UpdateNodeCondition: 32,
  UpdatePodLabel: 64,
  /** An assigned pod changed in a way no UpdatePodXYZ names (updatePodOther). */
  UpdatePodOther: 128,
  Update: 4 | 8 | 16 | 32 | 64 | 128,
  All: 255,
} as const;

/** A cluster change that may make a rejected pod schedulable (framework.ClusterEvent). */
export interface ClusterEvent {
  resource: 'Node' | 'Pod' | '*';
  actionType: number;
  /** How logs and the queue view name the event: "NodeAdd", "AssignedPodDelete", … */
  label?: string;
}

/** Returns whether an event a plugin registered for covers an event that happened. */
export function eventMatches(registered: ClusterEvent, happened: ClusterEvent): boolean {
  if (registered.resource === '*' && registered.actionType === ActionType.All) return true;
  return (
    (registered.resource === happened.resource || registered.resource === '*') &&
    (registered.actionType & happened.actionType) !== 0
  );
}

/** A pod waiting in (or popped from) the scheduling queue (framework.QueuedPodInfo). */
export interface QueuedPodInfo {
  podInfo: PodInfo;
  /** Virtual ms when the pod was last added to the queue; PrioritySort and backoff use it. */
  timestamp: number;
  /** Scheduling attempts so far; each one doubles the backoff. */
  attempts: number;
  /** Plugins that rejected the pod in its last attempt. */
  unschedulablePlugins: Set<string>;
  /** The trace message that last queued the pod, so its cycle is traced as caused by it. */
  cause: number | null;
  /** Insertion order, to keep equal-timestamp pods in a deterministic order. */
  seq: number;
}

/** Every plugin: a name and the cluster events that may undo its rejections. */
export interface Plugin {
  readonly name: string;
  /** EnqueueExtensions.EventsToRegister. */
  readonly events?: readonly ClusterEvent[];
}

/** What PreFilter returns: a status and, optionally, the only nodes worth filtering. */
export interface PreFilterOutcome {
  status: Status;
  /** PreFilterResult.NodeNames; undefined means all nodes. */
  nodeNames?: ReadonlySet<string>;
}

/** Orders the activeQ. */
export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
}

/**
 * Keeps a plugin's PreFilter state true to a what-if node as pods are added to it or removed
 * from it, by preemption and by nominated pods (framework.PreFilterExtensions). Each call edits
 * the state it is given, which the caller has cloned.
 */
export interface PreFilterExtensions {
  addPod(state: CycleState, podToSchedule: PodInfo, podInfoToAdd: PodInfo, node: NodeInfo): Status;
  removePod(
    state: CycleState,
    podToSchedule: PodInfo,
    podInfoToRemove: PodInfo,
    node: NodeInfo,
  ): Status;
}

/** Runs once per cycle before Filter; may reject the pod outright or narrow the nodes. */
export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo): PreFilterOutcome;
  /** Present when the PreFilter state counts other pods (PreFilterExtensions() not nil). */
  readonly preFilterExtensions?: PreFilterExtensions;
}

/**
 * Decides whether a pod may run on one node. Filter is a function of the cycle state, the pod
 * and the node alone: upstream runs it on many nodes at once, in no set order.
 */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status;
  /**
   * Runs Filter on each node still passing, recording the result in verdicts: the same statuses
   * as filter, with the loop over hundreds of nodes inside the plugin. Each plugin writes this
   * loop itself, so that its call to its own Filter stays monomorphic.
   */
  filterNodes?(
    state: CycleState,
    pod: PodInfo,
    nodes: readonly NodeInfo[],
    verdicts: Verdicts,
  ): void;
}

/** What PostFilter returns: a status and, on success, the node nominated for the pod. */
export interface PostFilterOutcome {
  status: Status;
  nominatedNodeName?: string;
}

/** Runs when no node fits (preemption): a task, because preempting calls the apiserver. */
export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, statuses: NodeToStatus): Task<PostFilterOutcome>;
}

/** Runs once per cycle before Score. */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status;
}

/**
 * Ranks feasible nodes; scores end in [0, 100] after normalizeScore, then are weighted. A score
 * list is parallel to the nodes (scores[i] is nodes[i]'s), as upstream's NodeScoreList pairs a
 * name with each score.
 */
export interface ScorePlugin extends Plugin {
  /**
   * Writes each node's raw score into the zeroed scores. Upstream calls Score once per node;
   * one call over all of them keeps the loop over hundreds of nodes inside the plugin.
   */
  score(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): void;
  /** ScoreExtensions.NormalizeScore: rewrites the scores in place. */
  normalizeScore?(
    state: CycleState,
    pod: PodInfo,
    nodes: readonly NodeInfo[],
    scores: Float64Array,
  ): void;
}

/** Binds the pod to the chosen node: a task, because it calls the apiserver. */
export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: PodInfo, nodeName: string): Task<Status>;
}

/** A plugin implementing any subset of the extension points. */
export type AnyPlugin = Plugin &
  Partial<
    Pick<QueueSortPlugin, 'less'> &
      Pick<PreFilterPlugin, 'preFilter' | 'preFilterExtensions'> &
      Pick<FilterPlugin, 'filter'> &
      Pick<PostFilterPlugin, 'postFilter'> &
      Pick<PreScorePlugin, 'preScore'> &
      Pick<ScorePlugin, 'score' | 'normalizeScore'> &
      Pick<BindPlugin, 'bind'>
  >;

/** A read-only view of an informer's cache (a client-go lister). */
export interface Lister<T> {
  /** Returns an object by "namespace/name" (or "name" for a cluster-scoped kind). */
  get(key: string): T | undefined;
  /** Returns every cached object. */
  items(): readonly T[];
}

/** The informers plugins read besides nodes and pods (SharedInformerFactory), synced before the first cycle. */
export interface Listers {
  namespaces: Lister<Namespace>;
  replicaSets: Lister<ReplicaSet>;
}

/** What the framework offers plugins (framework.Handle). */
export interface Handle {
  /** The nodes of the running cycle. */
  readonly nodes: NodeInfoLister;
  /** Namespaces and workloads; absent where a test builds a framework without informers. */
  readonly listers?: Listers;
  /** The running scheduler's services; absent where a test builds a framework alone. */
  readonly services?: SchedulerServices;
  /** Runs every enabled Filter plugin on a node; preemption uses it on what-if copies. */
  runFilterPlugins(state: CycleState, pod: PodInfo, node: NodeInfo): Status;
  /** Tells PreFilter extensions a pod joined a what-if node (RunPreFilterExtensionAddPod). */
  runPreFilterExtensionAddPod(
    state: CycleState,
    podToSchedule: PodInfo,
    podInfoToAdd: PodInfo,
    node: NodeInfo,
  ): Status;
  /** Tells PreFilter extensions a pod left a what-if node (RunPreFilterExtensionRemovePod). */
  runPreFilterExtensionRemovePod(
    state: CycleState,
    podToSchedule: PodInfo,
    podInfoToRemove: PodInfo,
    node: NodeInfo,
  ): Status;
  /**
   * Runs Filter as if the pods nominated to the node with at least the pod's priority were
   * there, then (if they changed anything and it passed) as the node really is.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo): Status;
}

/**
 * What a running kube-scheduler lends plugins besides the framework (Handle's PodNominator and
 * EventRecorder), plus virtual time and the seeded randomness upstream takes from math/rand.
 */
export interface SchedulerServices {
  nominator: PodNominator;
  recorder: EventRecorder;
  rng: Rng;
  now(): number;
}

/** Builds a plugin from its arguments (the profile's pluginConfig entry, or its defaults). */
export type PluginFactory = (args: unknown, handle: Handle) => AnyPlugin;
