import type { StoredObject } from '../../engine/api/object';
import type { Engine } from '../../engine/engine';
import type { PodSchedulingResult } from '../../engine/scheduler';
import { SCHEDULER, type Scheduler } from '../../engine/scheduler/scheduler';
import type { InspectionHistory } from './history';
import type { Delta, Hop, ObjectVersion } from './protocol';

/** Store prefixes kept in the worker for the inspector rather than streamed to the page. */
const KEPT_IN_WORKER = ['/registry/events/', '/registry/leases/'];

/**
 * Collects what the page has not seen yet: each hop as it is recorded and each store write with
 * the hop whose delivery made it; Events, components' internals and scheduling cycles go to the
 * inspection history instead. Attached to a fresh engine, it starts from the store's first
 * revision and the trace's first message, so boot is included.
 */
export class Observer {
  private hops: Hop[] = [];
  private versions: ObjectVersion[] = [];
  private readonly lastSnapshot = new Map<string, string>();
  private readonly sentResults = new WeakSet<PodSchedulingResult>();
  private readonly detach: Array<() => void>;

  /** Watches the store from `fromRevision` (1 includes boot; a fork passes where boot ended). */
  constructor(
    private readonly engine: Engine,
    private readonly history: InspectionHistory,
    fromRevision = 1,
  ) {
    for (const m of engine.trace.all()) this.hops.push(hopOf(m));
    this.detach = [
      engine.trace.subscribe((m) => {
        this.hops.push(hopOf(m));
        this.snapshot(m.id, m.from);
        if (m.from === SCHEDULER) this.collectScheduling(m.id);
      }),
      engine.store.watch('/registry/', fromRevision, (events) => {
        const hop = engine.loop.cause ?? 0;
        for (const e of events) {
          const version: ObjectVersion = {
            hop,
            rev: e.kv.modRevision,
            type: e.type,
            key: e.kv.key,
            object: (e.type === 'PUT' ? e.kv.value : e.prevKv?.value) as StoredObject,
          };
          history.revisions.push({ rev: version.rev, type: version.type, key: version.key, hop });
          if (KEPT_IN_WORKER.some((p) => version.key.startsWith(p))) {
            if (version.key.startsWith('/registry/events/')) history.events.push(version);
          } else this.versions.push(version);
        }
      }),
    ];
  }

  /** Returns and forgets everything collected since the last drain. */
  drain(): Delta {
    const { hops, versions } = this;
    this.hops = [];
    this.versions = [];
    return { hops, versions, now: this.engine.loop.now() };
  }

  /** Records a component's internals after it sent a hop, when they changed since the last. */
  private snapshot(hop: number, name: string): void {
    const component = this.engine.component(name);
    if (!component) return;
    const snapshot = component.snapshot();
    const text = JSON.stringify(snapshot);
    if (this.lastSnapshot.get(name) === text) return;
    this.lastSnapshot.set(name, text);
    this.history.components.push({ hop, component: name, snapshot: JSON.parse(text) });
  }

  /** Records scheduling cycles that finished since the last one seen (before this hop). */
  private collectScheduling(hop: number): void {
    const scheduler = this.engine.component(SCHEDULER) as Scheduler | undefined;
    for (const result of scheduler?.results() ?? []) {
      if (!result.outcome || this.sentResults.has(result)) continue;
      this.sentResults.add(result);
      this.history.scheduling.push({ hop, result: structuredClone(result) });
    }
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
