import type { FieldRequirement } from '../api/fields';
import { matchesFields } from '../api/fields';
import type { Requirement } from '../api/labels';
import { matches } from '../api/labels';
import type { KubeObject, StoredObject } from '../api/object';
import type { StoreEvent } from '../store/mvcc';
import { tooOldResourceVersion } from './errors';
import type { WatchEvent } from './types';

// The apiserver's watch cache for one resource (k8s.io/apiserver/pkg/storage/cacher): a ring
// buffer of recent events fed by one etcd watch, fanned out to many client watches.
//   [CACHE1] a watch from resourceVersion N receives every event newer than N.
//   [CACHE2] N older than the ring buffer answers 410 Expired "too old resource version: N (M)".
//   [CACHE3] with a selector, an object that starts matching arrives as ADDED and one that stops
//            matching as DELETED, as the cacher converts them.
//   [CACHE4] watches with an exact spec.nodeName or metadata.name field are indexed, so a pod
//            event reaches one kubelet, not all 5,000.

/** A client watch's filter and sink. */
export interface CacheWatcher {
  namespace?: string;
  labels: readonly Requirement[];
  fields: readonly FieldRequirement[];
  send(event: WatchEvent): void;
}

// Selectable fields are worked out when a watch first needs them, once per event: most events
// (every Event object's) reach no watch with a field selector.
interface CachedEvent {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: StoredObject;
  /** The object the fields are read from: a DELETED event's last state. */
  source: StoredObject;
  prev?: StoredObject;
  fields?: Record<string, string>;
  prevFields?: Record<string, string>;
}

const INDEXED_FIELDS = ['spec.nodeName', 'metadata.name'] as const;

/** The watch cache of one resource. */
export class WatchCache {
  private readonly ring: (CachedEvent | undefined)[];
  private start = 0;
  private size = 0;
  private readonly unindexed = new Set<CacheWatcher>();
  private readonly index = new Map<string, Map<string, Set<CacheWatcher>>>();

  constructor(
    capacity: number,
    private startRevision: number,
    private readonly selectableFields: (obj: KubeObject) => Record<string, string>,
  ) {
    this.ring = new Array<CachedEvent | undefined>(Math.max(1, capacity));
  }

  /** Feeds the events of one etcd transaction. */
  onStoreEvents(events: readonly StoreEvent<StoredObject>[]): void {
    for (const e of events) {
      const ev = this.toCached(e);
      this.append(ev);
      this.dispatch(ev);
    }
  }

  /** Starts a watch after resourceVersion rv (0: now, after synthetic ADDED events). [CACHE1][CACHE2] */
  add(w: CacheWatcher, rv: number, current: () => readonly StoredObject[]): () => void {
    if (rv === 0) {
      for (const obj of current())
        if (this.matchesObj(w, obj, undefined, false)) w.send({ type: 'ADDED', object: obj });
    } else {
      const oldest = this.oldestAllowed();
      if (rv < oldest) {
        w.send({ type: 'ERROR', object: tooOldResourceVersion(rv, oldest).status });
        return () => {};
      }
      for (let i = 0; i < this.size; i++) {
        const ev = this.ring[(this.start + i) % this.ring.length] as CachedEvent;
        if (ev.rv > rv) this.deliver(w, ev);
      }
    }
    this.register(w);
    return () => this.unregister(w);
  }

  /** Returns the number of live watches (for the views and tests). */
  watcherCount(): number {
    let n = this.unindexed.size;
    for (const byValue of this.index.values()) for (const set of byValue.values()) n += set.size;
    return n;
  }

  private oldestAllowed(): number {
    if (this.size < this.ring.length) return this.startRevision;
    return (this.ring[this.start] as CachedEvent).rv - 1;
  }

  private append(ev: CachedEvent): void {
    const cap = this.ring.length;
    if (this.size < cap) {
      this.ring[(this.start + this.size) % cap] = ev;
      this.size++;
    } else {
      this.ring[this.start] = ev;
      this.start = (this.start + 1) % cap;
    }
  }

  private toCached(e: StoreEvent<StoredObject>): CachedEvent {
    const rv = e.kv.modRevision;
    if (e.type === 'DELETE') {
      const last = e.prevKv?.value ?? e.kv.value;
      // A DELETED event carries the object's last state stamped with the deletion's revision.
      const object = { ...last, metadata: { ...last.metadata, resourceVersion: String(rv) } };
      return { rv, type: 'DELETED', object, source: last };
    }
    const object = e.kv.value;
    if (!e.prevKv) return { rv, type: 'ADDED', object, source: object };
    return { rv, type: 'MODIFIED', object, source: object, prev: e.prevKv.value };
  }

  private fieldsOf(ev: CachedEvent): Record<string, string> {
    return (ev.fields ??= this.selectableFields(ev.source));
  }

  private prevFieldsOf(ev: CachedEvent): Record<string, string> | undefined {
    if (!ev.prev) return undefined;
    return (ev.prevFields ??= this.selectableFields(ev.prev));
  }

  private dispatch(ev: CachedEvent): void {
    for (const w of this.unindexed) this.deliver(w, ev);
    // Most events reach one indexed watch (a pod's kubelet), so the set that keeps a watch from
    // hearing an event twice is only made for a second one.
    let first: CacheWatcher | undefined;
    let seen: Set<CacheWatcher> | undefined;
    for (const field of INDEXED_FIELDS) {
      const byValue = this.index.get(field);
      if (!byValue) continue;
      for (let i = 0; i < 2; i++) {
        const value = i === 0 ? this.fieldsOf(ev)[field] : this.prevFieldsOf(ev)?.[field];
        if (value === undefined) continue;
        const watchers = byValue.get(value);
        if (!watchers) continue;
        for (const w of watchers) {
          if (w === first || seen?.has(w)) continue;
          if (!first) first = w;
          else (seen ??= new Set([first])).add(w);
          this.deliver(w, ev);
        }
      }
    }
  }

  private deliver(w: CacheWatcher, ev: CachedEvent): void {
    const now = this.matchesObj(w, ev.object, ev, false);
    if (ev.type !== 'MODIFIED') {
      if (now) w.send({ type: ev.type, object: ev.object });
      return;
    }
    const before = this.matchesObj(w, ev.prev as StoredObject, ev, true);
    if (now && before) w.send({ type: 'MODIFIED', object: ev.object });
    else if (now) w.send({ type: 'ADDED', object: ev.object });
    else if (before) w.send({ type: 'DELETED', object: ev.object });
  }

  /** Matches obj, the event's object or (prev) its previous one; fields are read only if needed. */
  private matchesObj(
    w: CacheWatcher,
    obj: StoredObject,
    ev: CachedEvent | undefined,
    prev: boolean,
  ): boolean {
    if (w.namespace && obj.metadata.namespace !== w.namespace) return false;
    if (!matches(w.labels, obj.metadata.labels)) return false;
    if (w.fields.length === 0) return true;
    const fields = !ev
      ? this.selectableFields(obj)
      : prev
        ? (this.prevFieldsOf(ev) as Record<string, string>)
        : this.fieldsOf(ev);
    return matchesFields(w.fields, fields);
  }

  private indexKey(w: CacheWatcher): [string, string] | undefined {
    for (const f of w.fields)
      if (f.operator === '=' && (INDEXED_FIELDS as readonly string[]).includes(f.field))
        return [f.field, f.value];
    return undefined;
  }

  private register(w: CacheWatcher): void {
    const key = this.indexKey(w);
    if (!key) {
      this.unindexed.add(w);
      return;
    }
    let byValue = this.index.get(key[0]);
    if (!byValue) this.index.set(key[0], (byValue = new Map()));
    let set = byValue.get(key[1]);
    if (!set) byValue.set(key[1], (set = new Set()));
    set.add(w);
  }

  private unregister(w: CacheWatcher): void {
    const key = this.indexKey(w);
    if (!key) this.unindexed.delete(w);
    else this.index.get(key[0])?.get(key[1])?.delete(w);
  }
}
