import { fakeSha256 } from '../images/digest';
import { Rng } from '../rng/rng';

// The kubelet's periodic loops (kubelet.go syncLoop, pleg/generic.go, pod_workers.go) as
// arithmetic on one grid that starts when this run of the kubelet starts handling pods, rather than
// a timer per tick per node ([SCALE1]).
//   [LOOP1] PLEG relists containerd every 1 s: a container that started or exited is noticed at
//           the next relist, and its pod is synced then.
//   [LOOP2] the sync loop looks for due pod work every 1 s. A sync that failed (a start that
//           failed or is backing off) makes the pod due again after the pod workers' backOffPeriod,
//           10 s plus up to 50 % jitter (wait.Jitter): so at the first tick 10–15 s later.
//   [LOOP3] housekeeping runs every 2 s; among other things it garbage-collects restart back-off
//           entries (HandlePodCleanups → backOff.GC).
//   [LOOP4] the status manager's ticker fires every 10 s (syncPeriod) and runs syncBatch over
//           every pod; only the ticks that have a pod to retry or reconcile are scheduled.

/** genericPlegRelistPeriod. */
export const RELIST_PERIOD_MS = 1000;
/** The sync loop's ticker. */
export const SYNC_PERIOD_MS = 1000;
/** housekeepingPeriod. */
export const HOUSEKEEPING_PERIOD_MS = 2000;
/** The pod workers' backOffPeriod after a failed sync. */
export const WORKER_BACKOFF_MS = 10_000;
/** workerBackOffPeriodJitterFactor. */
export const WORKER_BACKOFF_JITTER = 0.5;
/** The status manager's syncPeriod. */
export const STATUS_SYNC_PERIOD_MS = 10_000;

/** The tick grid of one run of the kubelet, and its jitter. */
export class SyncLoop {
  private origin = 0;

  constructor(private readonly rng: Rng) {}

  /** Starts the grid: the kubelet's loops begin now. */
  begin(now: number): void {
    this.origin = now;
  }

  /** Returns when this run of the kubelet started its loops. */
  startedAt(): number {
    return this.origin;
  }

  /** Returns the first PLEG relist after t. [LOOP1] */
  nextRelist(t: number): number {
    return this.nextTick(t, RELIST_PERIOD_MS);
  }

  /** Returns when a pod whose sync just failed is synced again. [LOOP2] */
  retryAfterError(now: number): number {
    const due = now + WORKER_BACKOFF_MS * (1 + this.rng.float() * WORKER_BACKOFF_JITTER);
    return this.origin + Math.ceil((due - this.origin) / SYNC_PERIOD_MS) * SYNC_PERIOD_MS;
  }

  /** Returns the first status manager tick after t. [LOOP4] */
  nextStatusSync(t: number): number {
    return this.nextTick(t, STATUS_SYNC_PERIOD_MS);
  }

  /** Returns the last housekeeping pass at or before t. [LOOP3] */
  lastHousekeeping(t: number): number {
    return (
      this.origin + Math.floor((t - this.origin) / HOUSEKEEPING_PERIOD_MS) * HOUSEKEEPING_PERIOD_MS
    );
  }

  /** Returns a uniformly random duration below ms (a probe worker's first sleep). */
  fraction(ms: number): number {
    return Math.floor(this.rng.float() * ms);
  }

  private nextTick(t: number, period: number): number {
    return this.origin + (Math.floor((t - this.origin) / period) + 1) * period;
  }
}

/**
 * Returns the kubelet's own random source. It is seeded from the cluster seed and the node name
 * rather than drawn from the engine's shared generator, so that a kubelet's jitter never shifts
 * the names and uids every other component draws afterwards.
 */
export function kubeletRng(seed: number, node: string): Rng {
  return new Rng(parseInt(fakeSha256(`${seed}/${node}`).slice(0, 8), 16));
}
