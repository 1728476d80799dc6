import type { CycleState } from './cycleState';
import type { PreFilterPlugin } from './interface';
import type { PodInfo } from './podInfo';
import { SUCCESS, Status } from './status';

// RunPreFilterPlugins (v1.31): every PreFilter runs in order. UnschedulableAndUnresolvable ends
// the cycle at once; Unschedulable is remembered while the rest still run (preemption may need
// their state); node-name results intersect, and an empty intersection rejects the pod.

/** The outcome of the PreFilter extension point. */
export interface PreFilterRun {
  status: Status;
  /** The nodes worth filtering; undefined means all. */
  nodeNames?: Set<string>;
  /** Plugins that narrowed the nodes, sorted, as "node(s) didn't satisfy plugin(s) [...]" names them. */
  pluginsWithNodes: string[];
}

/** Runs the PreFilter plugins; plugins that return Skip are skipped at Filter too. */
export function runPreFilterPlugins(
  plugins: readonly PreFilterPlugin[],
  state: CycleState,
  pod: PodInfo,
): PreFilterRun {
  let nodeNames: Set<string> | undefined;
  const withNodes = new Set<string>();
  const skip = new Set<string>();
  let returned: Status = SUCCESS;
  const sorted = (): string[] => [...withNodes].sort();
  for (const pl of plugins) {
    const r = pl.preFilter(state, pod);
    if (r.status.isSkip()) {
      skip.add(pl.name);
      continue;
    }
    if (!r.status.isSuccess()) {
      const s = r.status.withPlugin(pl.name);
      if (s.code === 'UnschedulableAndUnresolvable') return { status: s, pluginsWithNodes: [] };
      if (s.code === 'Unschedulable') {
        returned = s;
        continue;
      }
      const msg = `running PreFilter plugin "${pl.name}": ${s.message()}`;
      return { status: new Status('Error', [msg], pl.name), pluginsWithNodes: [] };
    }
    if (!r.nodeNames) continue;
    withNodes.add(pl.name);
    nodeNames = nodeNames
      ? new Set([...nodeNames].filter((n) => r.nodeNames?.has(n)))
      : new Set(r.nodeNames);
    if (nodeNames.size === 0) {
      const names = sorted();
      const msg =
        names.length === 1
          ? `node(s) didn't satisfy plugin ${names[0]}`
          : `node(s) didn't satisfy plugin(s) [${names.join(' ')}] simultaneously`;
      return {
        status: new Status('UnschedulableAndUnresolvable', [msg]),
        nodeNames,
        pluginsWithNodes: names,
      };
    }
  }
  for (const name of skip) state.skipFilterPlugins.add(name);
  return { status: returned, nodeNames, pluginsWithNodes: sorted() };
}
