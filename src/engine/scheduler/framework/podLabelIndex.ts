import type { Requirement } from '../../api/labels';
import type { PodInfo } from './podInfo';

// A node's pods by "key=value" label, so that counting or visiting a selector's pods skips the
// others (NodeInfo.podsMaybeMatching). Upstream scans nodeInfo.Pods; the simulator's nodes hold
// up to 110 pods each and spreading asks about hundreds of nodes per cycle.

// Selectors are compiled once per cycle and read on every node: their index keys are built once.
const indexKeys = new WeakMap<Requirement, readonly string[]>();
function labelIndexKeys(r: Requirement): readonly string[] {
  let keys = indexKeys.get(r);
  if (!keys) indexKeys.set(r, (keys = r.values.map((v) => `${r.key}=${v}`)));
  return keys;
}

function* concat<T>(sets: readonly Set<T>[]): Iterable<T> {
  for (const set of sets) yield* set;
}

/** Pods by label. */
export class PodLabelIndex {
  private readonly byLabel = new Map<string, Set<PodInfo>>();

  /** Indexes a pod under each of its labels. */
  add(pi: PodInfo): void {
    for (const [k, v] of Object.entries(pi.pod.metadata?.labels ?? {})) {
      let set = this.byLabel.get(`${k}=${v}`);
      if (!set) this.byLabel.set(`${k}=${v}`, (set = new Set()));
      set.add(pi);
    }
  }

  /** Unindexes a pod. */
  remove(pi: PodInfo): void {
    for (const [k, v] of Object.entries(pi.pod.metadata?.labels ?? {})) {
      const set = this.byLabel.get(`${k}=${v}`);
      set?.delete(pi);
      if (set?.size === 0) this.byLabel.delete(`${k}=${v}`);
    }
  }

  /**
   * Returns the pods carrying a value of the selector's most selective In/= requirement, or
   * undefined when it has none (every pod may match).
   */
  candidates(requirements: readonly Requirement[]): Iterable<PodInfo> | undefined {
    let best: Iterable<PodInfo> | undefined;
    let bestSize = Infinity;
    for (const r of requirements) {
      if (r.operator !== 'In' && r.operator !== 'Equals') continue;
      const keys = labelIndexKeys(r);
      if (keys.length === 1) {
        const set = this.byLabel.get(keys[0] as string);
        if (!set) return [];
        if (set.size < bestSize) {
          best = set;
          bestSize = set.size;
        }
        continue;
      }
      const sets = keys.flatMap((k) => this.byLabel.get(k) ?? []);
      const size = sets.reduce((n, set) => n + set.size, 0);
      if (size < bestSize) {
        best = concat(sets);
        bestSize = size;
      }
    }
    return best;
  }
}
