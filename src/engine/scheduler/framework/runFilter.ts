import type { CycleState } from './cycleState';
import type { FilterPlugin } from './interface';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import { SUCCESS, Status } from './status';

// RunFilterPlugins (runtime/framework.go, v1.31) for one node, and for a run of nodes.
// findNodesThatPassFilters checks its nodes concurrently upstream, in no set order; here a run
// of nodes goes plugin by plugin, each plugin over every node still passing (through its
// filterNodes when it has one), so the loop over hundreds of nodes stays in one plugin. Each
// node still ends with its first rejecting plugin's status, and later plugins skip it. [FW1]

/** Attributes a plugin's failing Filter status to it: a rejection as is, anything else as an Error. */
export function filterFailure(pl: FilterPlugin, s: Status): Status {
  if (s.isRejected()) return s.withPlugin(pl.name);
  return new Status('Error', [`running "${pl.name}" filter plugin: ${s.message()}`], pl.name);
}

/** Runs Filter on one node, stopping at the first rejection. [FW1] */
export function runFilterPlugins(
  plugins: readonly FilterPlugin[],
  state: CycleState,
  pod: PodInfo,
  node: NodeInfo,
): Status {
  for (let i = 0; i < plugins.length; i++) {
    const pl = plugins[i] as FilterPlugin;
    const s = pl.filter(state, pod, node);
    if (s !== SUCCESS && !s.isSuccess()) return filterFailure(pl, s);
  }
  return SUCCESS;
}

/** Filter's verdict on each node of a run: SUCCESS until a plugin fails the node. */
export class Verdicts {
  readonly statuses: Status[] = [];
  /** How many times a plugin has failed a node. */
  failed = 0;

  /** Starts a run of n nodes, all passing. */
  reset(n: number): void {
    this.statuses.length = n;
    this.statuses.fill(SUCCESS);
    this.failed = 0;
  }

  /** Reports whether no plugin has failed node i yet. */
  passing(i: number): boolean {
    return this.statuses[i] === SUCCESS;
  }

  /** Records a plugin's status for node i: anything but SUCCESS fails it. */
  set(i: number, s: Status): void {
    if (s === SUCCESS) return;
    this.statuses[i] = s;
    this.failed++;
  }
}

/**
 * Sets verdicts to runFilterPlugins' status for each node. pending is the caller's scratch of
 * at least nodes.length bytes: which nodes no plugin has failed yet, kept once one has.
 */
export function runFilterPluginsOnNodes(
  plugins: readonly FilterPlugin[],
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  verdicts: Verdicts,
  pending: Uint8Array,
): void {
  const n = nodes.length;
  verdicts.reset(n);
  const statuses = verdicts.statuses;
  for (const pl of plugins) {
    const failedBefore = verdicts.failed;
    if (pl.filterNodes) pl.filterNodes(state, pod, nodes, verdicts);
    else
      for (let i = 0; i < n; i++)
        if (verdicts.passing(i)) verdicts.set(i, pl.filter(state, pod, nodes[i] as NodeInfo));
    // Most plugins fail no node: their statuses need no attributing.
    if (verdicts.failed === failedBefore) continue;
    if (failedBefore === 0) pending.fill(1, 0, n);
    for (let i = 0; i < n; i++) {
      const s = statuses[i] as Status;
      if (s === SUCCESS || pending[i] === 0) continue;
      // A status with code Success that is not the shared one passes too.
      if (s.isSuccess()) statuses[i] = SUCCESS;
      else {
        statuses[i] = filterFailure(pl, s);
        pending[i] = 0;
      }
    }
  }
}
