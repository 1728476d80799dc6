import type { StoredObject } from '../../engine/api/object';
import type { Engine } from '../../engine/engine';
import type { Delta, Hop, ObjectVersion } from './protocol';

/**
 * Collects what the page has not seen yet: each hop as it is recorded and each store write with
 * the hop whose delivery made it. Attached to a fresh engine, it starts from the store's first
 * revision and the trace's first message, so boot is included.
 */
export class Observer {
  private hops: Hop[] = [];
  private versions: ObjectVersion[] = [];
  private readonly detach: Array<() => void>;

  constructor(private readonly engine: Engine) {
    for (const m of engine.trace.all()) this.hops.push(hopOf(m));
    this.detach = [
      engine.trace.subscribe((m) => this.hops.push(hopOf(m))),
      engine.store.watch('/registry/', 1, (events) => {
        const hop = engine.loop.cause ?? 0;
        for (const e of events)
          this.versions.push({
            hop,
            rev: e.kv.modRevision,
            type: e.type,
            key: e.kv.key,
            object: (e.type === 'PUT' ? e.kv.value : e.prevKv?.value) as StoredObject,
          });
      }),
    ];
  }

  /** Returns and forgets everything collected since the last drain. */
  drain(): Delta {
    const delta = { hops: this.hops, versions: this.versions, now: this.engine.loop.now() };
    this.hops = [];
    this.versions = [];
    return delta;
  }

  /** Stops collecting. */
  close(): void {
    for (const d of this.detach) d();
  }
}

/** Copies a trace message without its body, which stays in the worker until asked for. */
function hopOf(m: Hop & { body?: unknown }): Hop {
  const { body: _body, ...hop } = m;
  return hop;
}
