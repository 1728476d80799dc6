import type { KubeObject, StoredObject } from '../api/object';
import { deepFreeze, shareUnchanged } from '../api/object';
import { joined } from '../api/strings';
import type { ResourceInfo } from '../api/resources';
import {
  allResources,
  apiVersionOf,
  resourceByName,
  storageKey,
  storagePrefix,
} from '../api/resources';
import type { EventLoop } from '../clock/eventLoop';
import type { Rng } from '../rng/rng';
import type { Compare, MvccStore, Op, TxnResult } from '../store/mvcc';
import type { Network } from '../trace/network';
import { StatusError, internalError, notFound } from './errors';
import { serveCreate } from './handlers/create';
import { serveDelete } from './handlers/delete';
import { serveGet, serveList } from './handlers/read';
import { serveBinding } from './handlers/binding';
import { serveScale } from './handlers/scale';
import { serveEviction } from './handlers/eviction';
import { serveUpdate } from './handlers/update';
import { strategyFor } from './registry';
import type { Strategy, StrategyContext } from './strategy';
import type { ApiRequest, ApiResponse, WatchEvent } from './types';
import { startWatch } from './handlers/watch';
import { WatchCache } from './watchCache';

/** The apiserver's name in the trace. */
export const APISERVER = 'kube-apiserver';
/** etcd's name in the trace. */
export const ETCD = 'etcd';

/** Tunables of the simulated apiserver. */
export interface ApiServerConfig {
  /** Events kept per resource in the watch cache (--default-watch-cache-size is 100). */
  watchCacheSize: number;
  /** Deep-freeze stored objects so shared references cannot be mutated (tests, interactive). */
  freezeObjects: boolean;
  /** How often etcd history is compacted (--etcd-compaction-interval, 5 minutes). */
  compactionIntervalMs: number;
}

/** Delivers a response back over the network to the caller. */
export type Respond = (res: ApiResponse) => void;

/** What a handler needs: the resource, its strategy, the store, and the hop to etcd. */
export interface HandlerContext {
  req: ApiRequest;
  info: ResourceInfo;
  strategy: Strategy;
  sctx: StrategyContext;
  store: MvccStore<StoredObject>;
  /** Reads an object's current state from the store (the apiserver's cache of it). */
  current(namespace: string | undefined, name: string): StoredObject | undefined;
  /** Sends a transaction to etcd; done runs when etcd's answer is back at the apiserver. */
  /**
   * Sends a transaction to etcd. build runs when the request reaches etcd, against the state
   * there, so a write computed from a stale read is recomputed rather than lost; a StatusError it
   * throws aborts the write. done runs when etcd's answer is back at the apiserver.
   */
  txn(
    summary: EtcdSummary,
    build: () => TxnOps,
    done: (r: TxnResult<StoredObject> | StatusError) => void,
  ): void;
  /** Sends a read to etcd; done runs with its result when the answer is back. */
  range<T>(summary: EtcdSummary, read: () => T, done: (r: T) => void): void;
  /** Stamps the resourceVersion an object will have when the next write commits, and freezes it. */
  seal(obj: KubeObject): StoredObject;
  /** Runs again after ms of virtual time, with a fresh context for the same request (retries). */
  later(ms: number, run: (fresh: HandlerContext) => void): void;
}

/** The guarded writes of one transaction. */
export interface TxnOps {
  compares: Compare[];
  ops: Op<StoredObject>[];
}

/** How a hop to etcd is labelled in the trace. */
export interface EtcdSummary {
  key: string;
  kind?: string;
  namespace?: string;
  name?: string;
}

/** How many sharing groups' last objects the apiserver remembers before starting afresh. */
const MAX_SHARING_SLOTS = 16_384;

/** The kube-apiserver: REST handlers over the etcd-like store, plus the watch caches. */
export class ApiServer {
  private readonly caches = new Map<string, WatchCache>();
  private readonly lastWritten = new Map<string, StoredObject>();

  constructor(
    private readonly loop: EventLoop,
    private readonly rng: Rng,
    private readonly network: Network,
    private readonly store: MvccStore<StoredObject>,
    private readonly config: ApiServerConfig,
  ) {
    for (const info of allResources()) {
      const cache = new WatchCache(
        config.watchCacheSize,
        store.revision(),
        strategyFor(info.resource).selectableFields,
      );
      store.watch(storagePrefix(info), 0, (events) => cache.onStoreEvents(events));
      this.caches.set(info.resource, cache);
    }
    this.scheduleCompaction(store.revision());
  }

  // The apiserver compacts etcd every interval to the revision it saw one interval earlier
  // (k8s.io/apiserver/pkg/storage/etcd3/compact.go), so history lasts between one and two intervals.
  private scheduleCompaction(previous: number): void {
    this.loop.schedule(
      this.config.compactionIntervalMs,
      () => {
        const current = this.store.revision();
        this.etcdHop(
          { key: '/registry' },
          'Compact',
          () => this.store.compact(previous),
          () => this.scheduleCompaction(current),
        );
      },
      { background: true, cause: null },
    );
  }

  /** Handles a request that has arrived; respond is called once, possibly after etcd hops. */
  serve(req: ApiRequest, respond: Respond): void {
    const ctx = this.context(req, respond);
    if (!ctx) return;
    try {
      if (req.subresource === 'scale') return serveScale(ctx, respond);
      switch (req.verb) {
        case 'get':
          return serveGet(ctx, respond);
        case 'list':
          return serveList(ctx, respond);
        case 'create':
          if (req.subresource === 'binding') return serveBinding(ctx, respond);
          if (req.subresource === 'eviction') return serveEviction(ctx, respond);
          return serveCreate(ctx, respond);
        case 'update':
        case 'patch':
          return serveUpdate(ctx, respond);
        case 'delete':
          return serveDelete(ctx, respond);
        case 'watch':
          throw new StatusError(internalError('watch requests are served by watch()').status);
      }
    } catch (e) {
      respond(errorResponse(e));
    }
  }

  /** Opens a watch; events go to send. Returns the function that closes it. */
  watch(req: ApiRequest, send: (e: WatchEvent) => void): () => void {
    const info = resourceByName(req.resource);
    const cache = this.caches.get(req.resource);
    if (!info || !cache) {
      send({ type: 'ERROR', object: notFound(req.resource, '').status });
      return () => {};
    }
    try {
      return startWatch(req, info, cache, this.store, send);
    } catch (e) {
      send({ type: 'ERROR', object: errorResponse(e).error ?? {} });
      return () => {};
    }
  }

  /** Returns the watch cache of a resource (for tests and the etcd view). */
  watchCache(resource: string): WatchCache | undefined {
    return this.caches.get(resource);
  }

  private context(req: ApiRequest, respond: Respond): HandlerContext | undefined {
    const info = resourceByName(req.resource);
    if (!info) {
      respond({ code: 404, error: notFound(req.resource, req.name ?? '').status });
      return undefined;
    }
    const store = this.store;
    const sctx: StrategyContext = {
      rng: this.rng,
      now: this.loop.now(),
      lookup: (resource, namespace, name) => {
        const r = resourceByName(resource);
        return r ? store.get(storageKey(r, namespace, name))?.value : undefined;
      },
      list: (resource) => {
        const r = resourceByName(resource);
        return r ? store.range(storagePrefix(r)).kvs.map((kv) => kv.value) : [];
      },
    };
    return {
      req,
      info,
      strategy: strategyFor(info.resource),
      sctx,
      store,
      current: (namespace, name) => store.get(storageKey(info, namespace, name))?.value,
      txn: (summary, build, done) =>
        this.etcdHop(
          summary,
          'Txn',
          () => {
            try {
              const { compares, ops } = build();
              return store.txn(compares, ops);
            } catch (e) {
              if (e instanceof StatusError) return e;
              throw e;
            }
          },
          done,
        ),
      range: (summary, read, done) => this.etcdHop(summary, 'Range', read, done),
      seal: (obj) => {
        const meta = (obj.metadata ??= {});
        meta.resourceVersion = String(store.revision() + 1);
        obj.apiVersion ??= apiVersionOf(info);
        obj.kind ??= info.kind;
        const sealed = this.shared(
          info,
          strategyFor(info.resource),
          orderTopLevel(obj) as StoredObject,
        );
        return this.config.freezeObjects ? deepFreeze(sealed) : sealed;
      },
      later: (ms, run) => {
        this.loop.schedule(ms, () => {
          const fresh = this.context(req, respond);
          if (fresh) run(fresh);
        });
      },
    };
  }

  // Structural sharing: a new version reuses the unchanged subtrees of the version it replaces,
  // and a new object those of the last object written to its resource (pods of one ReplicaSet
  // differ in a few fields), so etcd's history and the caches hold each subtree once.
  private shared(info: ResourceInfo, strategy: Strategy, obj: StoredObject): StoredObject {
    const meta = obj.metadata;
    const prev = this.store.get(storageKey(info, meta.namespace, meta.name))?.value;
    const group = strategy.sharingGroup?.(obj);
    const slot = group === undefined ? info.resource : joined(info.resource, '\0', group);
    const sealed = shareUnchanged(obj, prev, this.lastWritten.get(slot));
    // A group that is gone (a deleted node) must not hold its last object for ever.
    if (this.lastWritten.size >= MAX_SHARING_SLOTS) this.lastWritten.clear();
    this.lastWritten.set(slot, sealed);
    return sealed;
  }

  private etcdHop<T>(
    summary: EtcdSummary,
    verb: 'Txn' | 'Range' | 'Compact',
    run: () => T,
    done: (r: T) => void,
  ): void {
    // Literals, not spreads of a shared label: the fields and their order are the same, and two
    // hops per write no longer copy one.
    const { kind, namespace, name, key } = summary;
    const request = {
      kind,
      namespace,
      name,
      resource: key,
      from: APISERVER,
      to: ETCD,
      type: 'request' as const,
      verb,
    };
    this.network.send(request, () => {
      const result = run();
      const rv = String(this.store.revision());
      this.network.send(
        {
          kind,
          namespace,
          name,
          resource: key,
          from: ETCD,
          to: APISERVER,
          type: 'response',
          verb,
          rv,
          code: 200,
        },
        () => done(result),
      );
    });
  }
}

/** Converts anything a handler threw into a response with a Status. */
export function errorResponse(e: unknown): ApiResponse {
  if (e instanceof StatusError) return { code: e.code, error: e.status };
  const message = e instanceof Error ? e.message : String(e);
  const err = internalError(message);
  return { code: 500, error: err.status };
}

// The apiserver serialises apiVersion, kind, metadata, spec, status in that order.
function orderTopLevel(obj: KubeObject): KubeObject {
  // Most writes arrive in order already (a status patch keeps the stored object's order); the
  // rest-and-spread copy below is a slow generic one.
  let i = 0;
  for (const k in obj) {
    if (k !== LEADING_FIELDS[i]) break;
    if (++i === LEADING_FIELDS.length) return obj;
  }
  const { apiVersion, kind, metadata, ...rest } = obj;
  return { apiVersion, kind, metadata, ...rest };
}

const LEADING_FIELDS = ['apiVersion', 'kind', 'metadata'];
