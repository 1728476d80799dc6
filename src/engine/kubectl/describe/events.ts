import type { KubeObject } from '../../api/object';
import type { Event } from '../../api/types';
import type { ApiRequest } from '../../apiserver/types';
import { parseTime } from '../../clock/time';
import { translateTimestampSince } from './helpers';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer';

// The Events section every describer ends with, and the event search behind it (describe.go
// searchEvents and DescribeEvents, client-go's Events().GetFieldSelector).

/** The involvedObject fields an event search matches on; absent ones are left out. */
export interface EventRef {
  name: string;
  namespace: string;
  kind?: string;
  uid?: string;
}

/**
 * Builds the list request searchEvents sends: involvedObject name, namespace, kind and uid, in
 * GetFieldSelector's order. An empty namespace (a Node) searches every namespace and matches
 * events whose involvedObject has no namespace.
 */
export function eventsRequest(ref: EventRef): ApiRequest {
  const terms = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`];
  if (ref.kind) terms.push(`involvedObject.kind=${ref.kind}`);
  if (ref.uid) terms.push(`involvedObject.uid=${ref.uid}`);
  const req: ApiRequest = { verb: 'list', resource: 'events', fieldSelector: terms.join(',') };
  if (ref.namespace) req.namespace = ref.namespace;
  return req;
}

/** Returns the reference kubectl builds for an object (reference.GetReference). */
export function refFor(obj: KubeObject): EventRef {
  return {
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace ?? '',
    kind: obj.kind,
    uid: obj.metadata?.uid,
  };
}

// The time describe sorts by: the series' last observation, else lastTimestamp, else eventTime
// (kubectl/pkg/util/event SortableEvents).
function eventTime(e: Event): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime;
  const ms = parseTime(t ?? undefined);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** Prints the Events table, oldest first, with "3m (x4 over 5m)" for repeats, or "<none>". */
export function describeEvents(w: PrefixWriter, events: readonly Event[], now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => eventTime(a) - eventTime(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime
      ? translateTimestampSince(e.eventTime, now)
      : translateTimestampSince(e.firstTimestamp, now);
    let interval = first;
    if (e.series) {
      interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    }
    const source = e.source?.component || e.reportingComponent || '';
    w.write(
      LEVEL_1,
      `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`,
    );
  }
}
