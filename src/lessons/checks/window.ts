import type { KubeObject, StoredObject } from '../../engine/api/object';
import { resourceForKind, storagePrefix } from '../../engine/api/resources';
import type { Engine } from '../../engine/engine';
import type { StoreEvent } from '../../engine/store/mvcc';
import type { ClusterView } from './check';

/**
 * Watches an engine from a moment on (a step's beginning) and answers checks about it: the store
 * now, every write since, and the hops since. Close it when the step ends.
 */
export class StepWindow {
  private readonly startHops: number;
  private readonly startRev: number;
  private readonly start = new Map<string, Map<string, KubeObject>>();
  private readonly writes: StoreEvent<StoredObject>[] = [];
  private readonly cancel: () => void;

  constructor(private readonly engine: Engine) {
    this.startHops = engine.trace.size();
    this.startRev = engine.store.revision();
    this.cancel = engine.store.watch('/registry/', 0, (events) => this.writes.push(...events));
  }

  /** Stops recording writes. */
  close(): void {
    this.cancel();
  }

  /** Returns the view checks read. */
  view(): ClusterView {
    return {
      now: this.engine.loop.now(),
      list: (kind) => this.current(kind).map((kv) => kv.value),
      changed: (kind) =>
        this.current(kind)
          .filter((kv) => kv.modRevision > this.startRev)
          .map((kv) => kv.value),
      states: (kind) => this.states(kind),
      hops: () => this.engine.trace.all().slice(this.startHops),
    };
  }

  private current(kind: string) {
    const r = resourceForKind(kind);
    return r ? this.engine.store.range(storagePrefix(r)).kvs : [];
  }

  private *states(kind: string): Iterable<readonly KubeObject[]> {
    const r = resourceForKind(kind);
    if (!r) return;
    const prefix = storagePrefix(r);
    // Rebuilt backwards from now: the objects at the start are now's minus what changed since.
    const objects = this.startObjects(kind, prefix);
    yield [...objects.values()];
    for (const e of this.writes) {
      if (!e.kv.key.startsWith(prefix)) continue;
      if (e.type === 'DELETE') objects.delete(e.kv.key);
      else objects.set(e.kv.key, e.kv.value);
      yield [...objects.values()];
    }
  }

  private startObjects(kind: string, prefix: string): Map<string, KubeObject> {
    let objects = this.start.get(kind);
    if (!objects) {
      objects = new Map(this.current(kind).map((kv) => [kv.key, kv.value as KubeObject]));
      for (let i = this.writes.length - 1; i >= 0; i--) {
        const e = this.writes[i] as StoreEvent<StoredObject>;
        if (!e.kv.key.startsWith(prefix)) continue;
        if (e.prevKv) objects.set(e.kv.key, e.prevKv.value);
        else objects.delete(e.kv.key);
      }
      this.start.set(kind, objects);
    }
    return new Map(objects);
  }
}
