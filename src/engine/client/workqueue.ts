import type { EventLoop } from '../clock/eventLoop';

// client-go's rate-limited work queue: de-duplicating, with per-item exponential backoff.
//   [WQ1] a key added many times before it is processed is processed once.
//   [WQ2] a key added while it is being processed is processed again afterwards, never twice at once.
//   [WQ3] addRateLimited waits 5 ms × 2^failures, capped at 1000 s, until forget resets it.

/** The per-item backoff of DefaultControllerRateLimiter. */
export const BASE_DELAY_MS = 5;
export const MAX_DELAY_MS = 1000_000;

/** A key waiting to be processed and the trace message that last asked for it. */
export interface QueuedItem {
  key: string;
  cause: number | null;
}

/** A de-duplicating queue of object keys. */
export class WorkQueue {
  private readonly queue: string[] = [];
  private head = 0;
  private readonly dirty = new Map<string, number | null>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly loop: EventLoop,
    private readonly onAdded: () => void,
  ) {}

  /** Adds a key unless it is already waiting. [WQ1][WQ2] */
  add(key: string): void {
    if (this.dirty.has(key)) {
      this.dirty.set(key, this.loop.cause);
      return;
    }
    this.dirty.set(key, this.loop.cause);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.onAdded();
  }

  /** Adds a key after a delay (RequeueAfter). */
  addAfter(key: string, ms: number): void {
    if (ms <= 0) return this.add(key);
    this.loop.schedule(ms, () => this.add(key), { background: true });
  }

  /** Adds a key after its exponential backoff. [WQ3] */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(BASE_DELAY_MS * 2 ** n, MAX_DELAY_MS));
  }

  /** Clears a key's backoff after a successful sync. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Returns how many times a key has been requeued with backoff. */
  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** Takes the next key to process, or undefined when empty. */
  get(): QueuedItem | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head++] as string;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    const cause = this.dirty.get(key) ?? null;
    this.dirty.delete(key);
    this.processing.add(key);
    return { key, cause };
  }

  /** Marks a key processed; if it was added meanwhile, it is queued again. [WQ2] */
  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) {
      this.queue.push(key);
      this.onAdded();
    }
  }

  /** Returns the number of keys waiting. */
  len(): number {
    return this.queue.length - this.head;
  }

  /** Returns the keys waiting, in order (for the controller-internals view). */
  waiting(): string[] {
    return this.queue.slice(this.head);
  }
}
