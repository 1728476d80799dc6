import type { StoredObject } from '../api/object';
import { namespacedName } from '../api/object';
import { intern } from '../api/strings';
import type { ApiRequest, ObjectList, WatchEvent } from '../apiserver/types';
import type { Timer } from '../clock/eventLoop';
import type { Client, WatchHandle } from './client';

// A client-go style informer: LIST, then WATCH from the list's resourceVersion, keeping a local
// cache and calling handlers on every change.
//   [INF1] handlers see an object only after the cache holds it.
//   [INF2] a watch that answers 410 Expired makes the informer relist; the relist turns into
//          add/update/delete calls against the old cache, so nothing is missed.
//   [INF3] a failed list, a broken watch or a watch error is followed by a fresh list after the
//          reflector's back-off (wait.BackoffUntil over ListAndWatch): 800 ms, doubling to 30 s,
//          back to 800 ms once 2 min pass without trouble. client-go adds up to 100% jitter; the
//          simulation waits the base delay.

/** The reflector's first back-off, in ms. [INF3] */
export const RELIST_BACKOFF_INITIAL_MS = 800;
/** Its longest back-off, in ms. [INF3] */
export const RELIST_BACKOFF_MAX_MS = 30_000;
/** How long without a back-off resets it to the first, in ms. [INF3] */
export const RELIST_BACKOFF_RESET_MS = 120_000;

/** What an informer is doing, shown in the controller-internals view. */
export type InformerState = 'stopped' | 'listing' | 'watching' | 'backoff';

/** Callbacks for cache changes. */
export interface InformerHandlers<T> {
  add?(obj: T): void;
  update?(old: T, obj: T): void;
  delete?(obj: T): void;
}

/** What to list and watch. */
export interface InformerOptions {
  resource: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** Computes index values for an object, e.g. a pod's node name. */
export type IndexFunc<T> = (obj: T) => readonly string[];

/** A cache of one resource kept current by list and watch. */
export class Informer<T extends StoredObject = StoredObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: InformerHandlers<T>[] = [];
  // An index holds the cached objects themselves: a key string per object and index would be
  // one more string per pod for each indexed informer (the cache's key is not reused by a Set).
  private readonly indexers = new Map<string, { fn: IndexFunc<T>; index: Map<string, Set<T>> }>();
  private watch: WatchHandle | undefined;
  private retry: Timer | undefined;
  private backoffMs = 0;
  private backoffStart = -Infinity;
  /** Counts starts and stops, so answers meant for an earlier run are ignored. */
  private run = 0;
  private synced = false;
  private onSynced: (() => void) | undefined;
  state: InformerState = 'stopped';
  /** resourceVersion of the last event seen, where a watch resumes. */
  lastResourceVersion = '0';

  constructor(
    private readonly client: Client,
    readonly options: InformerOptions,
  ) {}

  /** Adds change handlers. */
  addHandlers(h: InformerHandlers<T>): void {
    this.handlers.push(h);
  }

  /** Adds a named index, kept in step with the cache. */
  addIndexer(name: string, fn: IndexFunc<T>): void {
    this.indexers.set(name, { fn, index: new Map() });
  }

  /** Lists and starts watching; onSynced runs once, after the first list is in the cache. */
  start(onSynced?: () => void): void {
    this.onSynced = onSynced;
    this.run++;
    this.relist();
  }

  /** Stops watching and forgets the cache, as a restarted process would. */
  stop(): void {
    this.run++;
    this.watch?.stop();
    this.watch = undefined;
    this.retry?.cancel();
    this.retry = undefined;
    this.backoffStart = -Infinity;
    this.state = 'stopped';
    this.synced = false;
    this.cache.clear();
    for (const ix of this.indexers.values()) ix.index.clear();
  }

  /** Reports whether the first list has completed. */
  hasSynced(): boolean {
    return this.synced;
  }

  /** Returns a cached object by "namespace/name" (or "name"). */
  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  /** Returns every cached object. */
  items(): T[] {
    return [...this.cache.values()];
  }

  /** Returns the number of cached objects. */
  size(): number {
    return this.cache.size;
  }

  /** Returns the cached objects whose index value matches. */
  byIndex(name: string, value: string): T[] {
    const objs = this.indexers.get(name)?.index.get(value);
    return objs ? [...objs] : [];
  }

  private request(verb: 'list' | 'watch', rv: string): ApiRequest {
    const { resource, namespace, labelSelector, fieldSelector } = this.options;
    return { verb, resource, namespace, labelSelector, fieldSelector, resourceVersion: rv };
  }

  private relist(): void {
    const run = this.run;
    this.retry = undefined;
    this.watch?.stop();
    this.state = 'listing';
    this.client.request(this.request('list', '0'), (res) => {
      if (run !== this.run) return;
      if (res.error || !res.body) return this.relistLater();
      const list = res.body as ObjectList;
      this.replace(list.items as T[]);
      this.lastResourceVersion = list.metadata.resourceVersion;
      this.state = 'watching';
      this.watch = this.client.watch(
        this.request('watch', this.lastResourceVersion),
        (e) => this.onEvent(e),
        () => run === this.run && this.relistLater(),
      );
      if (!this.synced) {
        this.synced = true;
        this.onSynced?.();
      }
    });
  }

  /** Closes the watch and lists again after the back-off. [INF3] */
  private relistLater(): void {
    this.run++;
    this.watch?.stop();
    this.watch = undefined;
    this.state = 'backoff';
    const now = this.client.loop.now();
    this.backoffMs =
      now - this.backoffStart > RELIST_BACKOFF_RESET_MS
        ? RELIST_BACKOFF_INITIAL_MS
        : Math.min(this.backoffMs * 2, RELIST_BACKOFF_MAX_MS);
    this.backoffStart = now;
    this.retry = this.client.loop.schedule(this.backoffMs, () => this.relist(), {
      background: true,
    });
  }

  private onEvent(e: WatchEvent): void {
    if (e.type === 'ERROR') {
      this.relistLater();
      return;
    }
    const obj = e.object as T;
    this.lastResourceVersion = obj.metadata.resourceVersion ?? this.lastResourceVersion;
    if (e.type === 'BOOKMARK') return;
    const key = namespacedName(obj);
    const old = this.cache.get(key);
    if (e.type === 'DELETED') {
      if (!old) return;
      this.remove(key, old);
      for (const h of this.handlers) h.delete?.(obj);
      return;
    }
    this.put(key, obj, old);
    for (const h of this.handlers) {
      if (old) h.update?.(old, obj);
      else h.add?.(obj);
    }
  }

  private replace(items: T[]): void {
    const fresh = new Map(items.map((o) => [namespacedName(o), o]));
    for (const [key, old] of [...this.cache]) {
      if (fresh.has(key)) continue;
      this.remove(key, old);
      for (const h of this.handlers) h.delete?.(old);
    }
    for (const [key, obj] of fresh) {
      const old = this.cache.get(key);
      if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion) continue;
      this.put(key, obj, old);
      for (const h of this.handlers) {
        if (old) h.update?.(old, obj);
        else h.add?.(obj);
      }
    }
  }

  private put(key: string, obj: T, old: T | undefined): void {
    if (old) this.unindex(old);
    // A Map keeps the key it was first given, so only a new entry needs one; the informers of a
    // resource then hold one key string per object between them. [STR2]
    this.cache.set(old ? key : intern(key), obj);
    for (const ix of this.indexers.values()) {
      for (const v of ix.fn(obj)) {
        let set = ix.index.get(v);
        if (!set) ix.index.set(v, (set = new Set()));
        set.add(obj);
      }
    }
  }

  private remove(key: string, old: T): void {
    this.unindex(old);
    this.cache.delete(key);
  }

  private unindex(obj: T): void {
    for (const ix of this.indexers.values()) {
      for (const v of ix.fn(obj)) {
        const set = ix.index.get(v);
        set?.delete(obj);
        if (set?.size === 0) ix.index.delete(v);
      }
    }
  }
}
