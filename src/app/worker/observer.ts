import type { StoredObject } from '../../engine/api/object';
import type { Engine } from '../../engine/engine';
import type { PodSchedulingResult } from '../../engine/scheduler';
import { SCHEDULER, type Scheduler } from '../../engine/scheduler/scheduler';
import type { ComponentState, Delta, Hop, ObjectVersion, SchedulingRecord } from './protocol';

/**
 * Collects what the page has not seen yet: each hop as it is recorded and each store write with
 * the hop whose delivery made it. Attached to a fresh engine, it starts from the store's first
 * revision and the trace's first message, so boot is included.
 */
export class Observer {
  private hops: Hop[] = [];
  private versions: ObjectVersion[] = [];
  private components: ComponentState[] = [];
  private scheduling: SchedulingRecord[] = [];
  private readonly lastSnapshot = new Map<string, string>();
  private readonly sentResults = new WeakSet<PodSchedulingResult>();
  private readonly detach: Array<() => void>;

  constructor(private readonly engine: Engine) {
    for (const m of engine.trace.all()) this.hops.push(hopOf(m));
    this.detach = [
      engine.trace.subscribe((m) => {
        this.hops.push(hopOf(m));
        this.snapshot(m.id, m.from);
        if (m.from === SCHEDULER) this.collectScheduling(m.id);
      }),
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
    const { hops, versions, components, scheduling } = this;
    this.hops = [];
    this.versions = [];
    this.components = [];
    this.scheduling = [];
    return { hops, versions, components, scheduling, now: this.engine.loop.now() };
  }

  /** Records a component's internals after it sent a hop, when they changed since the last. */
  private snapshot(hop: number, name: string): void {
    const component = this.engine.component(name);
    if (!component) return;
    const snapshot = component.snapshot();
    const text = JSON.stringify(snapshot);
    if (this.lastSnapshot.get(name) === text) return;
    this.lastSnapshot.set(name, text);
    this.components.push({ hop, component: name, snapshot: JSON.parse(text) });
  }

  /** Records scheduling cycles that finished since the last one seen (before this hop). */
  private collectScheduling(hop: number): void {
    const scheduler = this.engine.component(SCHEDULER) as Scheduler | undefined;
    for (const result of scheduler?.results() ?? []) {
      if (!result.outcome || this.sentResults.has(result)) continue;
      this.sentResults.add(result);
      this.scheduling.push({ hop, result: structuredClone(result) });
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
