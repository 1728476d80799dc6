import type { ComponentState, EtcdRevision, ObjectVersion, SchedulingRecord } from './protocol';

// What the worker keeps for the inspector instead of streaming it to the page: components'
// internals after each hop they sent, the scheduler's cycles, and Events. The page asks for the
// piece it shows, as of the hop the playhead is at; the rest never crosses postMessage.

/** Internals, scheduling cycles and events, in hop order, kept across forks up to the fork. */
export class InspectionHistory {
  readonly components: ComponentState[] = [];
  readonly scheduling: SchedulingRecord[] = [];
  readonly events: ObjectVersion[] = [];
  /** Every write to the store, in revision order: the etcd view's log. */
  readonly revisions: EtcdRevision[] = [];

  /** Forgets everything after the first `hops` hops (a fork). */
  truncate(hops: number): void {
    const lists = [this.components, this.scheduling, this.events, this.revisions];
    for (const list of lists as { hop: number }[][]) {
      let n = list.length;
      while (n > 0 && (list[n - 1] as { hop: number }).hop > hops) n--;
      list.length = n;
    }
  }

  /** Returns a component's internals as of `done` arrived hops. */
  componentAt(name: string, done: number): ComponentState | undefined {
    return latest(this.components, done, (c) => c.component === name);
  }

  /** Returns a pod's ("namespace/name") last scheduling cycle as of `done` arrived hops. */
  schedulingAt(pod: string, done: number): SchedulingRecord | undefined {
    return latest(this.scheduling, done, (r) => r.result.pod === pod);
  }

  /** Returns the last `limit` revisions written once `done` hops have arrived, and the key count. */
  etcdAt(done: number, limit: number): { revisions: EtcdRevision[]; keys: Record<string, number> } {
    const seen = this.revisions.filter((r) => r.hop <= done);
    const live = new Map<string, boolean>();
    for (const r of seen) live.set(r.key, r.type === 'PUT');
    const keys: Record<string, number> = {};
    for (const [key, present] of live) {
      if (!present) continue;
      const prefix = key.split('/').slice(0, 3).join('/');
      keys[prefix] = (keys[prefix] ?? 0) + 1;
    }
    return { revisions: seen.slice(-limit).reverse(), keys };
  }

  /** Returns the store revision current once `done` hops have arrived. */
  revisionAt(done: number): number {
    let rev = 0;
    for (const r of this.revisions) if (r.hop <= done && r.rev > rev) rev = r.rev;
    return rev;
  }

  /** Returns the Events about one object that exist once `done` hops have arrived, oldest first. */
  eventsFor(
    kind: string,
    namespace: string | undefined,
    name: string,
    done: number,
  ): Record<string, unknown>[] {
    const current = new Map<string, ObjectVersion>();
    for (const v of this.events) if (v.hop <= done) current.set(v.key, v);
    const out: Record<string, unknown>[] = [];
    for (const v of current.values()) {
      if (v.type === 'DELETE') continue;
      const about = v.object.involvedObject as
        { kind?: string; namespace?: string; name?: string } | undefined;
      if (
        about?.kind === kind &&
        about.name === name &&
        (about.namespace ?? undefined) === (namespace ?? undefined)
      )
        out.push(v.object);
    }
    return out;
  }
}

function latest<T extends { hop: number }>(
  list: readonly T[],
  done: number,
  pred: (v: T) => boolean,
): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    const v = list[i] as T;
    if (v.hop <= done && pred(v)) return v;
  }
  return undefined;
}
