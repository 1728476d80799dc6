// An etcd-like multi-version store. One global revision, bumped once per successful write
// transaction; each key keeps create/mod revision and version; deletes leave tombstone events in
// the log; watches replay the log from a revision; compaction forgets old revisions.
// Rules are numbered so tests can cite them.
//   [REV1] the revision starts at 1 and each write transaction adds exactly one.
//   [KEY1] version counts writes since creation and resets after delete.
//   [TXN1] a transaction applies its success ops when every compare holds, else its failure ops.
//   [WATCH1] a watch from revision N sees every event with revision ≥ N, then live events.
//   [WATCH2] a watch or read at a compacted revision fails with ErrCompacted.

/** One key's current state, as etcd's mvccpb.KeyValue. */
export interface KeyValue<V> {
  readonly key: string;
  readonly value: V;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
}

/** A change to one key. For DELETE, kv is the tombstone: modRevision is the delete's revision. */
export interface StoreEvent<V> {
  readonly type: 'PUT' | 'DELETE';
  readonly kv: KeyValue<V>;
  readonly prevKv?: KeyValue<V>;
}

/** A guard in a transaction, as etcd's Compare. */
export interface Compare {
  key: string;
  target: 'version' | 'create' | 'mod';
  result: '=' | '!=' | '<' | '>';
  value: number;
}

/** One operation in a transaction. */
export type Op<V> = { type: 'put'; key: string; value: V } | { type: 'delete'; key: string };

/** The outcome of a transaction. */
export interface TxnResult<V> {
  succeeded: boolean;
  /** The store revision after the transaction. */
  revision: number;
  /** For each applied put, the new key state; for each delete, the previous one (or undefined). */
  results: (KeyValue<V> | undefined)[];
}

/** Thrown when reading or watching a compacted revision. */
export class ErrCompacted extends Error {
  constructor(readonly compactRevision: number) {
    super('mvcc: required revision has been compacted');
  }
}

/** Receives the events of one transaction at a time. */
export type WatchCallback<V> = (events: readonly StoreEvent<V>[], revision: number) => void;

interface Watcher<V> {
  prefix: string;
  cb: WatchCallback<V>;
}

/** The etcd-like store. V is the stored value type (the API objects, kept immutable). */
export class MvccStore<V> {
  private rev = 1;
  private compacted = 0;
  private readonly buckets = new Map<string, Map<string, KeyValue<V>>>();
  // The log holds each write's new state beside the state it replaced; its events are made when
  // asked (a replay, history). An event object kept per write would cost ~40 B for every
  // version until compaction. A tombstone (version 0) is a delete.
  private logKvs: KeyValue<V>[] = [];
  private logPrev: (KeyValue<V> | undefined)[] = [];
  private readonly watchers = new Set<Watcher<V>>();

  /** Returns the current revision. [REV1] */
  revision(): number {
    return this.rev;
  }

  /** Returns the revision up to which history has been compacted (0 if never). */
  compactRevision(): number {
    return this.compacted;
  }

  /** Returns a key's current state, or its state at an earlier revision. [WATCH2] */
  get(key: string, atRevision?: number): KeyValue<V> | undefined {
    if (atRevision === undefined || atRevision >= this.rev) return this.bucketOf(key)?.get(key);
    if (atRevision < this.compacted) throw new ErrCompacted(this.compacted);
    let found: KeyValue<V> | undefined;
    for (const kv of this.logKvs) {
      if (kv.modRevision > atRevision) break;
      if (kv.key === key) found = kv;
    }
    if (found) return found.version > 0 ? found : undefined;
    const current = this.bucketOf(key)?.get(key);
    return current && current.modRevision <= atRevision ? current : undefined;
  }

  /** Returns every current key with the prefix, sorted by key, and the revision read at. */
  range(prefix: string): { kvs: KeyValue<V>[]; revision: number } {
    const bucket = this.buckets.get(bucketKey(prefix));
    const kvs: KeyValue<V>[] = [];
    if (bucket) for (const kv of bucket.values()) if (kv.key.startsWith(prefix)) kvs.push(kv);
    kvs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { kvs, revision: this.rev };
  }

  /** Returns the number of current keys with the prefix. */
  count(prefix: string): number {
    const bucket = this.buckets.get(bucketKey(prefix));
    if (!bucket) return 0;
    if (bucketKey(prefix) === prefix) return bucket.size;
    let n = 0;
    for (const k of bucket.keys()) if (k.startsWith(prefix)) n++;
    return n;
  }

  /** Applies a transaction atomically. [TXN1] */
  txn(
    compares: readonly Compare[],
    success: readonly Op<V>[],
    failure: readonly Op<V>[] = [],
  ): TxnResult<V> {
    const ok = compares.every((c) => this.holds(c));
    const ops = ok ? success : failure;
    const writes = ops.length > 0;
    const revision = writes ? this.rev + 1 : this.rev;
    const events: StoreEvent<V>[] = [];
    const results: (KeyValue<V> | undefined)[] = [];
    for (const op of ops) {
      const prev = this.bucketOf(op.key)?.get(op.key);
      if (op.type === 'put') {
        const kv: KeyValue<V> = {
          // The first version's key string serves every later one (history keeps them all).
          key: prev ? prev.key : op.key,
          value: op.value,
          createRevision: prev ? prev.createRevision : revision,
          modRevision: revision,
          version: prev ? prev.version + 1 : 1,
        };
        this.bucketFor(op.key).set(op.key, kv);
        events.push(prev ? { type: 'PUT', kv, prevKv: prev } : { type: 'PUT', kv });
        results.push(kv);
      } else {
        results.push(prev);
        if (!prev) continue;
        this.bucketOf(op.key)?.delete(op.key);
        const tombstone: KeyValue<V> = { ...prev, modRevision: revision, version: 0 };
        events.push({ type: 'DELETE', kv: tombstone, prevKv: prev });
      }
    }
    if (events.length > 0) {
      this.rev = revision;
      for (const e of events) {
        this.logKvs.push(e.kv);
        this.logPrev.push(e.prevKv);
      }
      // Each resource has a watcher and most transactions write one key: a watcher whose
      // prefix takes every event gets the events as they are, with no filtered copy.
      for (const w of this.watchers) {
        let matching = 0;
        for (const e of events) if (e.kv.key.startsWith(w.prefix)) matching++;
        if (matching === 0) continue;
        w.cb(
          matching === events.length ? events : events.filter((e) => e.kv.key.startsWith(w.prefix)),
          revision,
        );
      }
    }
    return { succeeded: ok, revision: this.rev, results };
  }

  /** Puts a value unconditionally. */
  put(key: string, value: V): KeyValue<V> {
    return this.txn([], [{ type: 'put', key, value }]).results[0] as KeyValue<V>;
  }

  /** Deletes a key unconditionally; returns its last state. */
  delete(key: string): KeyValue<V> | undefined {
    return this.txn([], [{ type: 'delete', key }]).results[0];
  }

  /**
   * Watches keys with the prefix from a revision (0 = from now). Replays history synchronously,
   * then delivers live events. Returns a cancel function. [WATCH1] [WATCH2]
   */
  watch(prefix: string, fromRevision: number, cb: WatchCallback<V>): () => void {
    if (fromRevision > 0 && fromRevision <= this.compacted) throw new ErrCompacted(this.compacted);
    if (fromRevision > 0) {
      const replay = this.logEvents(
        (kv) => kv.modRevision >= fromRevision && kv.key.startsWith(prefix),
      );
      if (replay.length > 0) cb(replay, this.rev);
    }
    const w: Watcher<V> = { prefix, cb };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  /** Forgets history at and below a revision; later reads or watches there fail. [WATCH2] */
  compact(revision: number): void {
    if (revision <= this.compacted) return;
    this.compacted = Math.min(revision, this.rev);
    let i = 0;
    const kvs = this.logKvs;
    while (i < kvs.length && (kvs[i] as KeyValue<V>).modRevision <= this.compacted) i++;
    this.logKvs = kvs.slice(i);
    this.logPrev = this.logPrev.slice(i);
  }

  /** Returns a key's retained history, oldest first, including its deletions. */
  history(key: string): StoreEvent<V>[] {
    return this.logEvents((kv) => kv.key === key);
  }

  /** Returns the retained log since compaction: the "API server is a log" view. */
  events(): readonly StoreEvent<V>[] {
    return this.logEvents(() => true);
  }

  private logEvents(keep: (kv: KeyValue<V>) => boolean): StoreEvent<V>[] {
    const out: StoreEvent<V>[] = [];
    for (let i = 0; i < this.logKvs.length; i++) {
      const kv = this.logKvs[i] as KeyValue<V>;
      if (!keep(kv)) continue;
      const prevKv = this.logPrev[i];
      if (kv.version === 0) out.push({ type: 'DELETE', kv, prevKv });
      else out.push(prevKv ? { type: 'PUT', kv, prevKv } : { type: 'PUT', kv });
    }
    return out;
  }

  private holds(c: Compare): boolean {
    const kv = this.bucketOf(c.key)?.get(c.key);
    const actual = !kv
      ? 0
      : c.target === 'version'
        ? kv.version
        : c.target === 'create'
          ? kv.createRevision
          : kv.modRevision;
    switch (c.result) {
      case '=':
        return actual === c.value;
      case '!=':
        return actual !== c.value;
      case '<':
        return actual < c.value;
      case '>':
        return actual > c.value;
    }
  }

  private bucketOf(key: string): Map<string, KeyValue<V>> | undefined {
    return this.buckets.get(bucketKey(key));
  }

  private bucketFor(key: string): Map<string, KeyValue<V>> {
    const b = bucketKey(key);
    let bucket = this.buckets.get(b);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(b, bucket);
    }
    return bucket;
  }
}

// Keys are bucketed by their first two segments ("/registry/pods/") so a resource's range scan
// does not walk every other resource.
function bucketKey(key: string): string {
  const second = key.indexOf('/', 1);
  if (second < 0) return key;
  const third = key.indexOf('/', second + 1);
  return third < 0 ? key : key.slice(0, third + 1);
}
