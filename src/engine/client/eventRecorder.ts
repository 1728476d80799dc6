import type { KubeObject } from '../api/object';
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
  firstTimestamp: string;
  lastMs: number;
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
  private readonly seen = new Map<string, Seen>();

  constructor(
    private readonly client: Client,
    private readonly loop: EventLoop,
    private readonly source: EventSource,
    private readonly stamp: EventStamp = new EventStamp(),
  ) {}

  /** Forgets every event recorded so far, as a restarted process does. [EV3] */
  restart(): void {
    this.seen.clear();
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
    const key = [
      obj.kind,
      namespace,
      meta.name,
      meta.uid,
      fieldPath ?? '',
      type,
      reason,
      message,
    ].join('\u0000');
    const prior = this.seen.get(key);
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
    const name = `${meta.name}.${this.stamp.next(now).toString(16)}`;
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
        fieldPath,
      },
      reason,
      message,
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
    this.seen.delete(key);
    this.seen.set(key, {
      name,
      namespace,
      count: 1,
      firstTimestamp: ev.firstTimestamp as string,
      lastMs: now,
    });
    if (this.seen.size > MAX_REMEMBERED) this.seen.delete(this.seen.keys().next().value as string);
    this.client.request({ verb: 'create', resource: 'events', namespace, body: ev }, () => {});
  }
}
