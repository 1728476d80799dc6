import type { Event } from '../../engine/api/types';
import type { CheckResult, ClusterView, EventCheck } from './check';
import { nameMatches } from './query';

// [EVENT1] An event check holds when an Event with the reason (about the kind and name, and with
//          the message text, when given) was recorded or updated since the step began.
// [EVENT2] When none was, the explanation lists the reasons that were recorded about that object.

/** Evaluates an event check. */
export function evaluateEvent(check: EventCheck, view: ClusterView): CheckResult {
  const e = check.event;
  const about = [e.kind, e.name].filter(Boolean).join(' ');
  const goal = `an event ${e.reason}${about ? ` about ${about}` : ''}`;
  const ns = e.namespace;
  const involving = (view.changed('Event') as Event[]).filter(
    (ev) =>
      (ns === undefined || ns === '*' || ev.metadata?.namespace === ns) &&
      (e.kind === undefined || ev.involvedObject?.kind === e.kind) &&
      nameMatches(e.name, ev.involvedObject?.name),
  );
  const hit = involving.find(
    (ev) => ev.reason === e.reason && (e.message === undefined || (ev.message ?? '').includes(e.message)),
  );
  if (hit) return { ok: true, goal, explanation: '' };
  const reasons = [...new Set(involving.map((ev) => ev.reason ?? ''))].sort();
  const seen = reasons.length ? `; the events were: ${reasons.join(', ')}` : '; there were none';
  return {
    ok: false,
    goal,
    explanation: `no ${e.reason} event${about ? ` about ${about}` : ''} since this step began${seen}.`,
  };
}
