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
  namespace: string;
  count: number;
  lastMs: number;
  what: What;
}

/** An event's fieldPath, type, reason and message, numbered so a remembered key stays short. */
interface What {
  id: number;
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
  // Keyed "<subject>\0<what id>": the subject is the object (its uid, when it has one), the id
  // stands for fieldPath, type, reason and message. A pod's events then cost a short key each
  // rather than every field joined, and the same key names the same event as before.
  private readonly seen = new Map<string, Seen>();
  private readonly whats = new Map<string, What>();
  private nextWhat = 0;

  constructor(
    private readonly client: Client,
    private readonly loop: EventLoop,
    private readonly source: EventSource,
    private readonly stamp: EventStamp = new EventStamp(),
  ) {}

  /** Forgets every event recorded so far, as a restarted process does. [EV3] */
  restart(): void {
    this.seen.clear();
    this.whats.clear();
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
    const known = this.whats.get(whatKey);
    const prior = known ? this.seen.get(keyOf(obj, namespace, known)) : undefined;
    if (prior && now - prior.lastMs < AGGREGATION_WINDOW_MS) {
      prior.count++;
      prior.lastMs = now;
      const patch = { count: prior.count, lastTimestamp: rfc3339(now) };
      this.client.request(
        {
          verb: 'patch',
          resource: 'events',
          namespace: prior.namespace,
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
    if (!what) this.whats.set(whatKey, (what = { id: this.nextWhat++, refs: 0, key: whatKey }));
    const key = keyOf(obj, namespace, what);
    const replaced = this.seen.get(key);
    if (replaced) this.forget(key, replaced);
    what.refs++;
    this.seen.set(key, { name, namespace, count: 1, lastMs: now, what });
    if (this.seen.size > MAX_REMEMBERED) {
      const oldest = this.seen.keys().next().value as string;
      this.forget(oldest, this.seen.get(oldest) as Seen);
    }
  }

  private forget(key: string, seen: Seen): void {
    this.seen.delete(key);
    if (--seen.what.refs === 0) this.whats.delete(seen.what.key);
  }
}

// The object an event is about: its kind and uid, or kind, namespace and name without a uid.
function keyOf(obj: KubeObject, namespace: string, what: What): string {
  const meta = obj.metadata ?? {};
  return (
    meta.uid ? [obj.kind, meta.uid, what.id] : [obj.kind, namespace, meta.name, '', what.id]
  ).join('\u0000');
}
