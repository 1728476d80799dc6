import { KeyedHeap } from '../../scheduler/queue/heap';
import type { Task } from '../../client/task';

// The per-zone queue of nodes waiting for a NoExecute taint (nodelifecycle/scheduler/
// rate_limited_queue.go), with client-go's token bucket (flowcontrol, golang.org/x/time/rate).
//   [RLQ1] a node is added once; after it is processed it stays "seen" until removed, so it is not
//          tainted twice.
//   [RLQ2] each item processed takes a token first; tokens refill at qps up to a burst of 1, so
//          at 0.1 qps one node is tainted per 10 s. An empty queue takes no tokens.
//   [RLQ3] an item whose action fails is retried no earlier than now + its wait.
//   [RLQ4] swapping to a new rate keeps an empty bucket empty; rate 0 stops processing.

/** The burst of every eviction rate limiter (EvictionRateLimiterBurst). */
export const EVICTION_RATE_LIMITER_BURST = 1;

/** A token bucket on the virtual clock; qps 0 never accepts (NewFakeNeverRateLimiter). */
export class TokenBucket {
  private tokens: number;
  private last: number | undefined;

  constructor(
    readonly qps: number,
    private readonly burst = EVICTION_RATE_LIMITER_BURST,
  ) {
    this.tokens = qps > 0 ? burst : 0;
  }

  /** Takes a token if one is available at virtual time now (ms). [RLQ2] */
  tryAccept(now: number): boolean {
    if (this.qps <= 0) return false;
    if (this.last !== undefined)
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** A node waiting to be processed. */
export interface TimedValue {
  value: string;
  uid: string;
  addedAt: number;
  processAt: number;
  seq: number;
}

/** What processing one node decided: done, or retry after wait ms. [RLQ3] */
export type TryResult = { done: true } | { done: false; waitMs: number };

/** A unique, time-ordered, rate-limited queue of node names. */
export class RateLimitedTimedQueue {
  private readonly heap = new KeyedHeap<TimedValue>(
    (v) => v.value,
    (a, b) => a.processAt < b.processAt || (a.processAt === b.processAt && a.seq < b.seq),
  );
  private readonly seen = new Set<string>();
  private seq = 0;

  constructor(private limiter: TokenBucket) {}

  /** Adds a node unless it is queued or was processed and not removed since. [RLQ1] */
  add(value: string, uid: string, now: number): boolean {
    if (this.seen.has(value)) return false;
    this.seen.add(value);
    this.heap.push({ value, uid, addedAt: now, processAt: now, seq: this.seq++ });
    return true;
  }

  /** Forgets a node, so it can be added again; reports whether it was known. */
  remove(value: string): boolean {
    this.heap.delete(value);
    return this.seen.delete(value);
  }

  /** Reports whether nodes are waiting. */
  pending(): boolean {
    return this.heap.size() > 0;
  }

  /** Returns the waiting node names, in no particular order (for the controller-internals view). */
  waiting(): string[] {
    return this.heap.values().map((v) => v.value);
  }

  /** Returns the current rate. */
  qps(): number {
    return this.limiter.qps;
  }

  /** Processes due nodes while tokens last (Try). [RLQ2][RLQ3] */
  *try(now: () => number, fn: (v: TimedValue) => Task<TryResult>): Task<void> {
    for (let head = this.heap.peek(); head; head = this.heap.peek()) {
      const t = now();
      if (!this.limiter.tryAccept(t) || t < head.processAt) return;
      const result = yield* fn(head);
      // The node may have been removed or re-added while the action ran.
      if (this.heap.get(head.value) !== head) continue;
      if (result.done) this.heap.delete(head.value);
      else this.heap.push({ ...head, processAt: t + result.waitMs });
    }
  }

  /** Replaces the rate limiter when the rate changes (SwapLimiter). [RLQ4] */
  swapLimiter(qps: number, now: number): void {
    if (this.limiter.qps === qps) return;
    const next = new TokenBucket(qps);
    if (qps > 0 && !this.limiter.tryAccept(now)) next.tryAccept(now);
    this.limiter = next;
  }
}
