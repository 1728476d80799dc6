// framework.CycleState: data one plugin computes early in a cycle (PreFilter, PreScore) for its
// own later extension points, plus the plugins that asked to be skipped.

/** Per-cycle scratch space shared by a pod's plugins. */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  /** Plugins whose PreFilter returned Skip: their Filter does not run. */
  readonly skipFilterPlugins = new Set<string>();
  /** Plugins whose PreScore returned Skip: their Score does not run. */
  readonly skipScorePlugins = new Set<string>();

  /** Stores a value under a key (conventionally "PreFilter<Plugin>"). */
  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  /** Reads a value written earlier in the cycle. */
  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
}
