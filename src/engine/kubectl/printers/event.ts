import type { KubeObject } from '../../api/object';
import type { Event } from '../../api/types';
import { col, wide, type TableDef } from './columns';
import { since } from './duration';

// The events table, as printEvent in pkg/printers/internalversion/printers.go. kubectl get events
// does not sort: rows keep the apiserver's list order (kubernetes/kubernetes#29838 is still open).

/** Formats an event's source as formatEventSource: "component, host" or "component". */
function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/** Returns an event's first-seen and last-seen ages, falling back as printEvent does. */
function eventTimes(e: Event, now: number): { first: string; last: string; count: number } {
  const first = e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  let last = e.lastTimestamp ? since(e.lastTimestamp, now) : first;
  let count = e.count ?? 0;
  if (e.series) {
    last = since(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events of the events.k8s.io API carry no count.
    count = 1;
  }
  return { first, last, count };
}

/** The events table: LAST SEEN TYPE REASON OBJECT (SUBOBJECT SOURCE) MESSAGE (FIRST SEEN COUNT
 * NAME). */
export const eventTable: TableDef = {
  columns: [
    col('Last Seen'),
    col('Type'),
    col('Reason'),
    col('Object'),
    wide('Subobject'),
    wide('Source'),
    col('Message'),
    wide('First Seen'),
    wide('Count'),
    { ...wide('Name'), isName: true },
  ],
  row(obj: KubeObject, now: number): string[] {
    const e = obj as Event;
    const { first, last, count } = eventTimes(e, now);
    const kind = (e.involvedObject?.kind ?? '').toLowerCase();
    const name = e.involvedObject?.name ?? '';
    return [
      last,
      e.type ?? '',
      e.reason ?? '',
      name ? `${kind}/${name}` : kind,
      e.involvedObject?.fieldPath ?? '',
      eventSource(e),
      (e.message ?? '').trim(),
      first,
      String(count),
      e.metadata?.name ?? '',
    ];
  },
};
