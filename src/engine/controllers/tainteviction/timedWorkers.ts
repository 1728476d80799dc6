import type { EventLoop, Timer } from '../../clock/eventLoop';

// The taint eviction controller's delayed deletions (timed_workers.go), on the engine's loop.
//   [TW1] work due now starts at once and is held as "running" (no timer) until it finishes.
//   [TW2] adding work for a key that already has some does nothing.
//   [TW3] cancelling reports true for work that had a timer, even if it has fired and is running.
//   [TW4] finished work is forgotten, so the same key can be scheduled again.

/** One scheduled deletion. */
export interface TimedWorker {
  /** When the work was first scheduled (virtual ms): tolerationSeconds count from here. */
  createdAt: number;
  fireAt: number;
  timer: Timer;
}

/** Starts the work for a key; calls done when it has finished. */
export type WorkFunc = (key: string, done: () => void) => void;

/** Keys of scheduled work, each fired no earlier than its time. */
export class TimedWorkerQueue {
  // undefined marks work that is running. [TW1]
  private readonly workers = new Map<string, TimedWorker | undefined>();

  constructor(
    private readonly loop: EventLoop,
    private readonly work: WorkFunc,
  ) {}

  /** Schedules work for key at fireAt, unless the key has work already. [TW1][TW2] */
  add(key: string, createdAt: number, fireAt: number): void {
    if (this.workers.has(key)) return;
    const delay = fireAt - createdAt;
    if (delay <= 0) {
      this.workers.set(key, undefined);
      this.fire(key, undefined);
      return;
    }
    // A toleration running out is a wait, not work: it must not keep runUntilIdle going.
    const worker: TimedWorker = {
      createdAt,
      fireAt,
      timer: this.loop.schedule(delay, () => this.fire(key, worker), { background: true }),
    };
    this.workers.set(key, worker);
  }

  /** Cancels the work for key; reports whether it had a timer. [TW3] */
  cancel(key: string): boolean {
    if (!this.workers.has(key)) return false;
    const worker = this.workers.get(key);
    this.workers.delete(key);
    worker?.timer.cancel();
    return worker !== undefined;
  }

  /** Returns the timed work for key, if any. */
  get(key: string): TimedWorker | undefined {
    return this.workers.get(key);
  }

  /** Returns the keys with timed work, soonest first (for the controller-internals view). */
  waiting(): string[] {
    return [...this.workers]
      .filter((e): e is [string, TimedWorker] => e[1] !== undefined)
      .sort((a, b) => a[1].fireAt - b[1].fireAt)
      .map(([key]) => key);
  }

  /** Cancels everything, as a stopped process loses its timers. */
  clear(): void {
    for (const w of this.workers.values()) w?.timer.cancel();
    this.workers.clear();
  }

  private fire(key: string, worker: TimedWorker | undefined): void {
    // [TW4] Work cancelled and scheduled anew while this ran belongs to someone else: keep it.
    this.work(key, () => {
      if (this.workers.has(key) && this.workers.get(key) === worker) this.workers.delete(key);
    });
  }
}
