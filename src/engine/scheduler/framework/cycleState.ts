// framework.CycleState: data one plugin computes early in a cycle (PreFilter, PreScore) for its
// own later extension points, plus the plugins that asked to be skipped.

/**
 * Plugin state that PreFilter extensions change (framework.StateData), so a clone of the cycle
 * state must copy it. Values without clone() are shared by clones, as upstream's StateData whose
 * Clone returns the receiver are: nothing changes them after they are written.
 */
export interface StateData {
  clone(): StateData;
}

function isStateData(v: unknown): v is StateData {
  return typeof v === 'object' && v !== null && typeof (v as StateData).clone === 'function';
}

/** Per-cycle scratch space shared by a pod's plugins. */
export class CycleState {
  private readonly data = new Map<string, unknown>();

  constructor(
    /** Plugins whose PreFilter returned Skip: their Filter does not run. */
    readonly skipFilterPlugins = new Set<string>(),
    /** Plugins whose PreScore returned Skip: their Score does not run. */
    readonly skipScorePlugins = new Set<string>(),
  ) {}

  /** Stores a value under a key (conventionally "PreFilter<Plugin>"). */
  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  /** Reads a value written earlier in the cycle. */
  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  /**
   * Returns a copy for a what-if evaluation (preemption's per-node dry run, nominated pods added
   * to a node): StateData is cloned, the rest and the skip sets are shared, as upstream's Clone.
   */
  clone(): CycleState {
    const copy = new CycleState(this.skipFilterPlugins, this.skipScorePlugins);
    for (const [k, v] of this.data) copy.data.set(k, isStateData(v) ? v.clone() : v);
    return copy;
  }
}
