import type { KubeObject } from '../api/object';
import { intern, joined } from '../api/strings';
import type { Event } from '../api/types';
import { EPOCH_MS, rfc3339 } from '../clock/time';
import type { EventLoop } from '../clock/eventLoop';
import type { Client } from './client';

// client-go's event recorder: each component reports what it did as core/v1 Events.
//   [EV1] an event is named <object>.<unix nanoseconds in hex>, in the object's namespace.
//   [EV2] the same event (object, reason, message, source) within 10 minutes is not created
//         again: the existing one is patched with count + 1 and a new lastTimestamp.
//   [EV3] what a recorder remembers lives in its process (the broadcaster's EventCorrelator):
//         a restarted process starts empty, so its first events are new Events.

/** Normal or Warning, as kubectl's TYPE column shows. */
export type EventType = 'Normal' | 'Warning';

/** Where an event says it came from: describe's "From" column. */
export interface EventSource {
  component: string;
  host?: string;
}

const AGGREGATION_WINDOW_MS = 10 * 60 * 1000;
// client-go keeps the last 4096 distinct events for aggregation (an LRU cache).
const MAX_REMEMBERED = 4096;

interface Seen {
  name: string;
  /** 0 once forgotten. */
  count: number;
  lastMs: number;
  what: What;
  subject: string;
}

/** An event's fieldPath, type, reason and message, shared by the events that have them. */
interface What {
  /** How many remembered events use it; at 0 it is forgotten. */
  refs: number;
  key: string;
}

/**
 * Hands out the nanosecond stamps in event names. Virtual time has millisecond steps, so two
 * events about one object in the same millisecond would share a name; real clocks never do, so
 * the stamp moves forward by at least one nanosecond per event, engine-wide.
 */
export class EventStamp {
  private last = 0n;

  /** Returns a Unix-nanosecond stamp at virtual time now, later than every earlier one. */
  next(now: number): bigint {
    const nanos = (BigInt(EPOCH_MS) + BigInt(Math.floor(now))) * 1_000_000n;
    this.last = nanos > this.last ? nanos : this.last + 1n;
    return this.last;
  }
}

/** Records events for one component. */
export class EventRecorder {
  // A remembered event is found by its subject, then its What: the subject is the object's uid
  // (the pod's own string; uids are unique across kinds), so remembering an event costs no key
  // string. The oldest is forgotten first: order holds the remembered in the order they were
  // remembered, the forgotten among them skipped and dropped as it is consumed (a Map's
  // insertion order, without a Map of string keys).
  private readonly bySubject = new Map<string, Seen[]>();
  private readonly whats = new Map<string, What>();
  private order: Seen[] = [];
  private head = 0;
  private remembered = 0;

  constructor(
    private readonly client: Client,
    private readonly loop: EventLoop,
    private readonly source: EventSource,
    private readonly stamp: EventStamp = new EventStamp(),
  ) {}

  /** Forgets every event recorded so far, as a restarted process does. [EV3] */
  restart(): void {
    this.bySubject.clear();
    this.whats.clear();
    this.order = [];
    this.head = 0;
    this.remembered = 0;
  }

  /** Records an event about an object. [EV1][EV2] */
  event(
    obj: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    fieldPath?: string,
  ): void {
    const now = this.loop.now();
    const meta = obj.metadata ?? {};
    const namespace = meta.namespace ?? 'default';
    // join, not a template: it makes one flat string, where a template makes a chain of pieces.
    const whatKey = [fieldPath ?? '', type, reason, message].join('\u0000');
    const prior = this.find(subjectOf(obj, namespace), this.whats.get(whatKey));
    if (prior && now - prior.lastMs < AGGREGATION_WINDOW_MS) {
      prior.count++;
      prior.lastMs = now;
      const patch = { count: prior.count, lastTimestamp: rfc3339(now) };
      this.client.request(
        {
          verb: 'patch',
          resource: 'events',
          namespace,
          name: prior.name,
          patchType: 'strategic',
          body: patch,
        },
        () => {},
      );
      return;
    }
    const name = joined(String(meta.name), '.', this.stamp.next(now).toString(16));
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: meta.name,
        namespace: meta.namespace,
        uid: meta.uid,
        resourceVersion: meta.resourceVersion,
        fieldPath: fieldPath === undefined ? undefined : intern(fieldPath),
      },
      reason,
      // Every pod of a Deployment gets the same "Created container nginx". [STR2]
      message: intern(message),
      source: this.source.host
        ? { component: this.source.component, host: this.source.host }
        : { component: this.source.component },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1,
      type,
      eventTime: null as unknown as string,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    };
    this.remember(obj, whatKey, name, namespace, now);
    this.client.request({ verb: 'create', resource: 'events', namespace, body: ev }, () => {});
  }

  /** Remembers a new event as the latest of its key, forgetting the oldest past MAX_REMEMBERED. */
  private remember(
    obj: KubeObject,
    whatKey: string,
    name: string,
    namespace: string,
    now: number,
  ): void {
    let what = this.whats.get(whatKey);
    if (!what) this.whats.set(whatKey, (what = { refs: 0, key: whatKey }));
    const subject = subjectOf(obj, namespace);
    const replaced = this.find(subject, what);
    if (replaced) this.forget(replaced);
    what.refs++;
    const seen: Seen = { name, count: 1, lastMs: now, what, subject };
    // A new list each time: one grown by push keeps room for 16 more.
    const list = this.bySubject.get(subject);
    this.bySubject.set(subject, list ? list.concat(seen) : [seen]);
    this.order.push(seen);
    if (++this.remembered > MAX_REMEMBERED) this.forgetOldest();
    // The list is rebuilt when most of it is consumed or forgotten: amortized, a push each.
    const pending = this.order.length - this.head;
    if (this.head > pending + 64 || pending > 2 * this.remembered + 64) {
      this.order = this.order.slice(this.head).filter((s) => s.count > 0);
      this.head = 0;
    }
  }

  private forgetOldest(): void {
    while (this.head < this.order.length) {
      const s = this.order[this.head++] as Seen;
      if (s.count > 0) return this.forget(s);
    }
  }

  private find(subject: string, what: What | undefined): Seen | undefined {
    if (!what) return undefined;
    const list = this.bySubject.get(subject);
    return list && list.find((s) => s.what === what);
  }

  private forget(seen: Seen): void {
    seen.count = 0;
    this.remembered--;
    const list = this.bySubject.get(seen.subject) as Seen[];
    if (list.length === 1) this.bySubject.delete(seen.subject);
    else
      this.bySubject.set(
        seen.subject,
        list.filter((s) => s !== seen),
      );
    if (--seen.what.refs === 0) this.whats.delete(seen.what.key);
  }
}

// The object an event is about: its uid, or kind, namespace and name without a uid.
function subjectOf(obj: KubeObject, namespace: string): string {
  const meta = obj.metadata ?? {};
  return meta.uid || [obj.kind, namespace, meta.name].join('\u0000');
}
