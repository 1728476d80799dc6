import equal from 'fast-deep-equal';
import { shareUnchanged } from '../../api/object';
import type { Pod, PodCondition, PodStatus } from '../../api/types';
import type { EventLoop, Timer } from '../../clock/eventLoop';
import type { Client } from '../../client/client';
import type { SyncLoop } from '../syncLoop';
import type { PodWorker } from './worker';

// The status manager (pkg/kubelet/status/status_manager.go): the pod's status is PATCHed to the
// apiserver whenever it changes. Changes made in the same virtual instant are batched, and a
// PATCH waits for the previous one: only the latest status is ever sent.
//   [STAT1] PATCH pods/<name>/status as a strategic merge patch with the pod's uid, listing the
//           condition order with $setElementOrder/conditions.
//   [STAT2] a pod with a deletionTimestamp whose containers have all stopped is deleted by the
//           kubelet with gracePeriodSeconds 0, right after its final status is written.
//   [STAT3] every 10 s (syncBatch on the syncPeriod ticker, [LOOP4]) it PATCHes again a status
//           whose PATCH failed, DELETEs again a pod whose DELETE failed, and re-sends a status
//           the apiserver's copy no longer matches (needsReconcile: the node lifecycle controller
//           marked the pod not ready). A request that failed by timing out spanned a tick, so it
//           is retried as soon as it fails. A pod gone from the apiserver (404) is not retried.

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
  /** Pods the next syncBatch tick looks at again. [STAT3] */
  private readonly due = new Set<PodWorker>();
  private tick: Timer | undefined;
  /** The status last sent for any pod: pods started together have equal conditions. */
  private lastSent: PodStatus | undefined;

  constructor(
    private readonly loop: EventLoop,
    private readonly client: Client,
    private readonly source: StatusSource,
    private readonly syncLoop: SyncLoop,
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

  /** Checks at the next tick whether the apiserver's copy still matches what was sent. [STAT3] */
  reconcile(w: PodWorker): void {
    if (this.drifted(w)) this.later(w);
  }

  /** Forgets every pending retry: the kubelet stopped. */
  reset(): void {
    this.tick?.cancel();
    this.tick = undefined;
    this.due.clear();
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
    const sentAt = this.loop.now();
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
        // What was sent lives as long as the pod; share the stored copy's equal subtrees, or
        // failing that another pod's (the stored conditions lack the lastProbeTime: null sent).
        if (!res.error) {
          const stored = (res.body as Pod).status;
          this.lastSent = w.status.lastSent = shareUnchanged(next, stored, this.lastSent);
        } else if (res.code !== 404) this.later(w, sentAt);
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
    const alive = this.token();
    const sentAt = this.loop.now();
    const meta = w.pod.metadata;
    this.client.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: meta.namespace,
        name: meta.name,
        gracePeriodSeconds: 0,
      },
      (res) => {
        if (!alive() || !res.error || res.code === 404) return;
        w.deleting = false;
        this.later(w, sentAt);
      },
    );
  }

  /**
   * Looks at a pod again at the first syncBatch tick after since. syncBatch runs on one goroutine
   * and the ticker keeps one tick for it, so a tick that passed while a request was waiting to
   * fail (a 10 s timeout spans one) runs as soon as it fails. [STAT3]
   */
  private later(w: PodWorker, since = this.loop.now()): void {
    this.due.add(w);
    const now = this.loop.now();
    const at = Math.max(now, this.syncLoop.nextStatusSync(since));
    if (this.tick && this.tick.at <= at) return;
    this.tick?.cancel();
    this.tick = this.loop.schedule(at - now, () => this.syncBatch(), { background: true });
  }

  private syncBatch(): void {
    this.tick = undefined;
    const due = [...this.due];
    this.due.clear();
    for (const w of due) {
      if (this.drifted(w)) w.status.force = true;
      this.flush(w);
    }
  }

  /** Reports whether the apiserver's copy no longer matches what was last sent (needsReconcile). */
  private drifted(w: PodWorker): boolean {
    const sent = w.status.lastSent;
    return !!sent && !w.status.inFlight && !sameView(w.pod.status, sent);
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
