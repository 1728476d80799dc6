import equal from 'fast-deep-equal';
import type { PodCondition, PodStatus } from '../../api/types';
import type { EventLoop } from '../../clock/eventLoop';
import type { Client } from '../../client/client';
import type { PodWorker } from './worker';

// The status manager (pkg/kubelet/status/status_manager.go): the pod's status is PATCHed to the
// apiserver whenever it changes. Changes made in the same virtual instant are batched, and a
// PATCH waits for the previous one: only the latest status is ever sent.
//   [STAT1] PATCH pods/<name>/status as a strategic merge patch with the pod's uid, listing the
//           condition order with $setElementOrder/conditions.
//   [STAT2] a pod with a deletionTimestamp whose containers have all stopped is deleted by the
//           kubelet with gracePeriodSeconds 0, right after its final status is written.

/** Makes a pod's current status. */
export type StatusSource = (w: PodWorker) => PodStatus;

const CLEARABLE = [
  'reason',
  'message',
  'podIP',
  'podIPs',
  'initContainerStatuses',
  'containerStatuses',
  // generateAPIPodStatus never carries the scheduler's nomination, so the first sync drops it.
  'nominatedNodeName',
] as const;

/** Sends pod statuses. */
export class StatusManager {
  constructor(
    private readonly loop: EventLoop,
    private readonly client: Client,
    private readonly source: StatusSource,
    /** Returns a check that stays true while the current run of the kubelet lasts. */
    private readonly token: () => () => boolean,
  ) {}

  /** Marks a pod's status as possibly changed; it is generated and sent at the end of the instant. */
  dirty(w: PodWorker): void {
    if (w.status.scheduled || w.gone) return;
    w.status.scheduled = true;
    this.loop.schedule(0, () => {
      w.status.scheduled = false;
      this.flush(w);
    });
  }

  /**
   * Re-sends the status when the apiserver's copy no longer matches what the kubelet last sent
   * (the node lifecycle controller marked the pod not ready while this kubelet was away).
   */
  reconcile(w: PodWorker): void {
    const sent = w.status.lastSent;
    if (!sent || w.status.inFlight || sameView(w.pod.status, sent)) return;
    w.status.force = true;
    this.dirty(w);
  }

  private flush(w: PodWorker): void {
    const alive = this.token();
    if (!alive() || w.gone) return;
    if (w.status.inFlight) {
      w.status.pending = true;
      return;
    }
    const next = this.source(w);
    if (!w.status.force && equal(next, w.status.lastSent ?? w.pod.status))
      return this.maybeDelete(w);
    w.status.force = false;
    w.status.inFlight = true;
    const meta = w.pod.metadata ?? {};
    this.client.request(
      {
        verb: 'patch',
        resource: 'pods',
        subresource: 'status',
        namespace: meta.namespace,
        name: meta.name,
        patchType: 'strategic',
        body: statusPatch(w.pod.status, next, meta.uid ?? ''),
      },
      (res) => {
        w.status.inFlight = false;
        if (!alive()) return;
        if (!res.error) w.status.lastSent = next;
        if (w.status.pending) {
          w.status.pending = false;
          this.flush(w);
        } else this.maybeDelete(w);
      },
    );
  }

  /** Deletes a terminated pod once its final status is written. [STAT2] */
  private maybeDelete(w: PodWorker): void {
    const phase = w.status.lastSent?.phase;
    if (!w.terminated || w.deleting || w.gone || !w.pod.metadata?.deletionTimestamp) return;
    if (phase !== 'Succeeded' && phase !== 'Failed') return;
    w.deleting = true;
    const meta = w.pod.metadata;
    this.client.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: meta.namespace,
        name: meta.name,
        gracePeriodSeconds: 0,
      },
      () => {},
    );
  }
}

function sameView(api: PodStatus | undefined, sent: PodStatus): boolean {
  const conditions = (s: PodStatus | undefined): unknown =>
    (s?.conditions ?? [])
      .map((c) => [c.type, c.status, c.reason, c.message])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return (
    api?.phase === sent.phase &&
    equal(api?.containerStatuses, sent.containerStatuses) &&
    equal(conditions(api), conditions(sent))
  );
}

/** Builds the strategic merge patch from the last known status to the new one. [STAT1] */
export function statusPatch(old: PodStatus | undefined, next: PodStatus, uid: string): object {
  const status: Record<string, unknown> = {};
  const n = next as Record<string, unknown>;
  const o = (old ?? {}) as Record<string, unknown>;
  if (next.conditions)
    status['$setElementOrder/conditions'] = next.conditions.map((c) => ({ type: c.type }));
  for (const [k, v] of Object.entries(n)) if (k !== 'conditions') status[k] = v;
  for (const k of CLEARABLE) if (o[k] !== undefined && n[k] === undefined) status[k] = null;
  const conditions = conditionPatch(old?.conditions ?? [], next.conditions ?? []);
  if (conditions.length > 0) status.conditions = conditions;
  return { metadata: { uid }, status };
}

function conditionPatch(old: readonly PodCondition[], next: readonly PodCondition[]): object[] {
  const out: object[] = [];
  for (const c of next) {
    const before = old.find((o) => o.type === c.type);
    if (equal(before, c)) continue;
    const item: Record<string, unknown> = { ...c };
    // Fields the condition no longer has must be cleared explicitly, or the merge keeps them.
    for (const k of Object.keys(before ?? {})) if (!(k in c)) item[k] = null;
    out.push(item);
  }
  for (const c of old)
    if (!next.some((x) => x.type === c.type)) out.push({ type: c.type, $patch: 'delete' });
  return out;
}
