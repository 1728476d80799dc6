import type { Task } from '../../client/task';
import type { CycleState } from './cycleState';
import type {
  AnyPlugin,
  BindPlugin,
  ClusterEvent,
  FilterPlugin,
  Handle,
  Listers,
  PluginFactory,
  PostFilterOutcome,
  PostFilterPlugin,
  PreFilterPlugin,
  PreScorePlugin,
  QueueSortPlugin,
  QueuedPodInfo,
  SchedulerServices,
  ScorePlugin,
} from './interface';
import { eventMatches } from './interface';
import type { NodeInfo, NodeInfoLister } from './nodeInfo';
import type { NodeToStatus } from './nodeToStatus';
import type { PodInfo } from './podInfo';
import { SUCCESS, Status } from './status';
import { runPreFilterPlugins, type PreFilterRun } from './runPreFilter';
import { runFilterPlugins, runFilterPluginsOnNodes, type Verdicts } from './runFilter';
import type { NodeScores, WeightedScorePlugin } from './runScore';
import { runScorePlugins } from './runScore';
import { addNominatedPods } from './nominatedPods';
import { runPreFilterExtensions } from './preFilterExtensions';

// frameworkImpl (pkg/scheduler/framework/runtime/framework.go): builds the profile's plugins
// from the registry and runs each extension point over them, in profile (MultiPoint) order.
//   [FW1] Filter stops at the first plugin that rejects a node; later plugins do not run there.
//   [FW2] Score = Σ normalized score × weight; a normalized score outside [0, 100] is an error.
//   [FW3] Names in the profile that the registry does not have are reported, not run.

/** One enabled plugin and its score weight. */
export interface ProfilePlugin {
  name: string;
  /** Score weight; 0 or absent means 1, as upstream defaulting does. */
  weight?: number;
}

/** A scheduling profile (KubeSchedulerProfile): its plugins, in order, and their arguments. */
export interface Profile {
  schedulerName: string;
  plugins: readonly ProfilePlugin[];
  pluginConfig: Readonly<Record<string, unknown>>;
}

/** Maps a plugin name to its factory. */
export type Registry = Readonly<Record<string, PluginFactory>>;

/** Decorates each plugin as it is built (results recording); gets the plugin's score weight. */
export type PluginWrapper = (plugin: AnyPlugin, weight: number) => AnyPlugin;

/** Runs a profile's plugins. */
export class Framework implements Handle {
  readonly plugins: AnyPlugin[] = [];
  /** Profile names with no plugin in the registry (simulated later, or not at all). [FW3] */
  readonly notSimulated: string[] = [];
  private queueSort: QueueSortPlugin | undefined;
  private readonly preFilter: PreFilterPlugin[] = [];
  private readonly filter: FilterPlugin[] = [];
  private readonly postFilter: PostFilterPlugin[] = [];
  private readonly preScore: PreScorePlugin[] = [];
  private readonly score: WeightedScorePlugin[] = [];
  private readonly bind: BindPlugin[] = [];
  private scratchScores = new Float64Array(0);
  private totals = new Float64Array(0);
  private pending = new Uint8Array(0);

  constructor(
    readonly profile: Profile,
    registry: Registry,
    readonly nodes: NodeInfoLister,
    wrap?: PluginWrapper,
    readonly listers?: Listers,
    readonly services?: SchedulerServices,
  ) {
    for (const { name, weight } of profile.plugins) {
      const factory = registry[name];
      if (!factory) {
        this.notSimulated.push(name);
        continue;
      }
      const w = weight || 1;
      const built = factory(profile.pluginConfig[name], this);
      this.enable(wrap ? wrap(built, w) : built, w);
    }
  }

  private enable(p: AnyPlugin, weight: number): void {
    this.plugins.push(p);
    if (p.less && !this.queueSort) this.queueSort = p as QueueSortPlugin;
    if (p.preFilter) this.preFilter.push(p as PreFilterPlugin);
    if (p.filter) this.filter.push(p as FilterPlugin);
    if (p.postFilter) this.postFilter.push(p as PostFilterPlugin);
    if (p.preScore) this.preScore.push(p as PreScorePlugin);
    if (p.score) this.score.push({ plugin: p as ScorePlugin, weight });
    if (p.bind) this.bind.push(p as BindPlugin);
  }

  /** Orders two queued pods by the QueueSort plugin (FIFO if none is enabled). */
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
    if (this.queueSort) return this.queueSort.less(a, b);
    return a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.seq < b.seq);
  }

  /** Returns whether a plugin registered for a cluster event. */
  isInterested(plugin: string, event: ClusterEvent): boolean {
    const p = this.plugins.find((x) => x.name === plugin);
    return (p?.events ?? []).some((e) => eventMatches(e, event));
  }

  /** Returns whether any plugin registered for the event (isEventOfInterest). */
  isEventOfInterest(event: ClusterEvent): boolean {
    return this.plugins.some((p) => (p.events ?? []).some((e) => eventMatches(e, event)));
  }

  /** Returns whether any Score plugin is enabled. */
  hasScorePlugins(): boolean {
    return this.score.length > 0;
  }

  /** Returns whether any PostFilter plugin is enabled. */
  hasPostFilterPlugins(): boolean {
    return this.postFilter.length > 0;
  }

  /** Runs PreFilter; see runPreFilter.ts. */
  runPreFilterPlugins(state: CycleState, pod: PodInfo): PreFilterRun {
    return runPreFilterPlugins(this.preFilter, state, pod);
  }

  /** Updates the PreFilter state for a pod added to a what-if node; see preFilterExtensions.ts. */
  runPreFilterExtensionAddPod(
    state: CycleState,
    podToSchedule: PodInfo,
    podInfoToAdd: PodInfo,
    node: NodeInfo,
  ): Status {
    return runPreFilterExtensions(
      this.preFilter,
      'AddPod',
      state,
      podToSchedule,
      podInfoToAdd,
      node,
    );
  }

  /** Updates the PreFilter state for a pod removed from a what-if node. */
  runPreFilterExtensionRemovePod(
    state: CycleState,
    podToSchedule: PodInfo,
    podInfoToRemove: PodInfo,
    node: NodeInfo,
  ): Status {
    return runPreFilterExtensions(
      this.preFilter,
      'RemovePod',
      state,
      podToSchedule,
      podInfoToRemove,
      node,
    );
  }

  /** Returns the Filter plugins that run this cycle (those whose PreFilter did not skip). */
  activeFilterPlugins(state: CycleState): readonly FilterPlugin[] {
    if (state.skipFilterPlugins.size === 0) return this.filter;
    return this.filter.filter((pl) => !state.skipFilterPlugins.has(pl.name));
  }

  /**
   * Runs Filter on one node, stopping at the first rejection. [FW1] A cycle over many nodes
   * passes activeFilterPlugins(state), computed once, instead of rechecking skips per node.
   */
  runFilterPlugins(
    state: CycleState,
    pod: PodInfo,
    node: NodeInfo,
    plugins: readonly FilterPlugin[] = this.activeFilterPlugins(state),
  ): Status {
    return runFilterPlugins(plugins, state, pod, node);
  }

  /**
   * Runs Filter with the pods nominated to the node that the pod must not take room from (equal
   * or higher priority) counted as if they ran there, in the node and in the plugins' PreFilter
   * state; if that passes and such pods exist, runs it again without them, since filters like pod
   * affinity may need them absent (RunFilterPluginsWithNominatedPods).
   */
  runFilterPluginsWithNominatedPods(
    state: CycleState,
    pod: PodInfo,
    node: NodeInfo,
    plugins: readonly FilterPlugin[] = this.activeFilterPlugins(state),
  ): Status {
    const added = addNominatedPods(this, pod, state, node);
    if (added instanceof Status) return added;
    const s = this.runFilterPlugins(added?.state ?? state, pod, added?.node ?? node, plugins);
    if (!added || !s.isSuccess()) return s;
    return this.runFilterPlugins(state, pod, node, plugins);
  }

  /**
   * Runs Filter with nominated pods on a run of nodes: verdicts.statuses[i] becomes what
   * runFilterPluginsWithNominatedPods gives nodes[i], up to the first Error, after which the
   * statuses mean nothing. A run without nominated pods goes plugin by plugin (runFilter.ts).
   */
  runFilterPluginsOnNodes(
    state: CycleState,
    pod: PodInfo,
    nodes: readonly NodeInfo[],
    plugins: readonly FilterPlugin[],
    verdicts: Verdicts,
  ): void {
    const nominator = this.services?.nominator;
    if (nominator && nodes.some((n) => nominator.nominatedPodsForNode(n.name).length > 0)) {
      verdicts.reset(nodes.length);
      for (let i = 0; i < nodes.length; i++) {
        const s = this.runFilterPluginsWithNominatedPods(state, pod, nodes[i] as NodeInfo, plugins);
        verdicts.statuses[i] = s;
        if (s.code === 'Error') return;
      }
      return;
    }
    if (this.pending.length < nodes.length) this.pending = new Uint8Array(nodes.length);
    runFilterPluginsOnNodes(plugins, state, pod, nodes, verdicts, this.pending);
  }

  /** Runs PostFilter until one succeeds or rejects as unresolvable. */
  *runPostFilterPlugins(
    state: CycleState,
    pod: PodInfo,
    statuses: NodeToStatus,
  ): Task<PostFilterOutcome> {
    const reasons: string[] = [];
    let rejector: string | undefined;
    let nominated: string | undefined;
    for (const pl of this.postFilter) {
      const r = yield* pl.postFilter(state, pod, statuses);
      if (r.status.isSuccess()) return r;
      if (r.status.code === 'UnschedulableAndUnresolvable')
        return { ...r, status: r.status.withPlugin(pl.name) };
      if (!r.status.isRejected()) return { status: new Status('Error', r.status.reasons, pl.name) };
      nominated ??= r.nominatedNodeName;
      reasons.push(...r.status.reasons);
      rejector ??= pl.name;
    }
    return { status: new Status('Unschedulable', reasons, rejector), nominatedNodeName: nominated };
  }

  /** Runs PreScore, recording the plugins that skip scoring. */
  runPreScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status {
    for (const pl of this.preScore) {
      const s = pl.preScore(state, pod, nodes);
      if (s.isSkip()) state.skipScorePlugins.add(pl.name);
      else if (!s.isSuccess())
        return new Status('Error', [`running PreScore plugin "${pl.name}": ${s.message()}`]);
    }
    return SUCCESS;
  }

  /** Scores, normalizes and weights every feasible node; see runScore.ts (totals are reused). */
  runScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): NodeScores {
    // Reallocated only when the number of feasible nodes changes, which it rarely does.
    if (this.scratchScores.length !== nodes.length) {
      this.scratchScores = new Float64Array(nodes.length);
      this.totals = new Float64Array(nodes.length);
    }
    return runScorePlugins(this.score, state, pod, nodes, this.scratchScores, this.totals);
  }

  /** Runs Bind plugins until one binds (or rejects). */
  *runBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): Task<Status> {
    for (const pl of this.bind) {
      const s = yield* pl.bind(state, pod, nodeName);
      if (s.isSkip()) continue;
      if (s.isSuccess() || s.isRejected()) return s.withPlugin(pl.name);
      return new Status('Error', [`running Bind plugin "${pl.name}": ${s.message()}`], pl.name);
    }
    return new Status('Skip');
  }
}
