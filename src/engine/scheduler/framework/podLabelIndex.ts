import type { Requirement } from '../../api/labels';
import type { PodInfo } from './podInfo';

// A node's pods by label key and value, so that counting or visiting a selector's pods skips the
// others (NodeInfo.podsMaybeMatching). Upstream scans nodeInfo.Pods; the simulator's nodes hold
// up to 110 pods each and spreading asks about hundreds of nodes per cycle. Keys then values,
// rather than "key=value" strings: a pod is indexed as it is placed, without building a string
// per label.

const NONE: readonly PodInfo[] = [];

function* concat<T>(sets: readonly Set<T>[]): Iterable<T> {
  for (const set of sets) yield* set;
}

/** Pods by label. */
export class PodLabelIndex {
  private readonly byKey = new Map<string, Map<string, Set<PodInfo>>>();

  /** Indexes a pod under each of its labels. */
  add(pi: PodInfo): void {
    const labels = pi.pod.metadata?.labels ?? {};
    for (const key of Object.keys(labels)) {
      const value = labels[key] as string;
      let byValue = this.byKey.get(key);
      if (!byValue) this.byKey.set(key, (byValue = new Map()));
      let set = byValue.get(value);
      if (!set) byValue.set(value, (set = new Set()));
      set.add(pi);
    }
  }

  /** Unindexes a pod. */
  remove(pi: PodInfo): void {
    const labels = pi.pod.metadata?.labels ?? {};
    for (const key of Object.keys(labels)) {
      const byValue = this.byKey.get(key);
      const set = byValue?.get(labels[key] as string);
      if (!byValue || !set) continue;
      set.delete(pi);
      if (set.size > 0) continue;
      byValue.delete(labels[key] as string);
      if (byValue.size === 0) this.byKey.delete(key);
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
      const byValue = this.byKey.get(r.key);
      if (r.values.length === 1) {
        const set = byValue?.get(r.values[0] as string);
        if (!set) return NONE;
        if (set.size < bestSize) {
          best = set;
          bestSize = set.size;
        }
        continue;
      }
      const sets = r.values.flatMap((v) => byValue?.get(v) ?? []);
      const size = sets.reduce((n, set) => n + set.size, 0);
      if (size < bestSize) {
        best = concat(sets);
        bestSize = size;
      }
    }
    return best;
  }
}
