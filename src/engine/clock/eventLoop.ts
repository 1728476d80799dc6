// A discrete-event loop over virtual milliseconds. Tasks run in (time, insertion) order, so the
// same inputs always run in the same order; nothing here reads the wall clock.

/** Options for one scheduled task. */
export interface ScheduleOptions {
  /**
   * Background tasks are waits, not work: heartbeats, process lifetimes, backoffs. runUntilIdle
   * stops when only background tasks remain.
   */
  background?: boolean;
  /** The trace message that caused this task; defaults to the cause of the running task. */
  cause?: number | null;
}

/** A handle to a scheduled task. */
export interface Timer {
  readonly at: number;
  cancel(): void;
}

// A class, not a literal with a cancel closure: one object per task, and the loop schedules one
// per hop.
class Task implements Timer {
  cancelled = false;

  constructor(
    private readonly loop: EventLoop,
    readonly at: number,
    readonly seq: number,
    readonly run: () => void,
    readonly cause: number | null,
    readonly background: boolean,
  ) {}

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    if (!this.background) this.loop.foregroundDone();
  }
}

/** Raised when runUntilIdle exceeds its task budget, which means work that never settles. */
export class RunawayError extends Error {}

/** Runs the simulation: a virtual clock plus a priority queue of tasks. */
export class EventLoop {
  private virtualNow = 0;
  private seq = 0;
  private readonly heap: Task[] = [];
  private foreground = 0;
  /** The trace message id whose delivery (or consequence) is running now. */
  cause: number | null = null;

  /** Returns the virtual time in milliseconds since the simulation began. */
  now(): number {
    return this.virtualNow;
  }

  /** Runs fn after delayMs of virtual time. */
  schedule(delayMs: number, fn: () => void, opts?: ScheduleOptions): Timer {
    const background = opts?.background ?? false;
    const cause = opts?.cause === undefined ? this.cause : opts.cause;
    const at = this.virtualNow + Math.max(0, delayMs);
    const task = new Task(this, at, this.seq++, fn, cause, background);
    if (!background) this.foreground++;
    this.push(task);
    return task;
  }

  /** Runs fn after delayMs as foreground work caused by a message: schedule without options. */
  scheduleCaused(delayMs: number, fn: () => void, cause: number | null): Timer {
    const task = new Task(
      this,
      this.virtualNow + Math.max(0, delayMs),
      this.seq++,
      fn,
      cause,
      false,
    );
    this.foreground++;
    this.push(task);
    return task;
  }

  /** Counts a foreground task as finished (a cancelled one). */
  foregroundDone(): void {
    this.foreground--;
  }

  /** Reports whether any foreground (non-waiting) work is pending. */
  busy(): boolean {
    return this.foreground > 0;
  }

  /** Returns the virtual time of the next live task, or undefined when none is queued. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Runs the next task, advancing the clock to it; returns false when nothing is queued. */
  step(): boolean {
    this.dropCancelled();
    const task = this.pop();
    if (!task) return false;
    if (!task.background) this.foreground--;
    task.cancelled = true;
    this.virtualNow = task.at;
    this.cause = task.cause;
    try {
      task.run();
    } finally {
      this.cause = null;
    }
    return true;
  }

  /** Runs tasks until no foreground work is pending; background tasks due before then also run. */
  runUntilIdle(maxTasks = 5_000_000): void {
    let n = 0;
    while (this.foreground > 0) {
      if (++n > maxTasks)
        throw new RunawayError(`the simulation did not settle after ${maxTasks} steps`);
      if (!this.step()) break;
    }
  }

  /** Runs every task due within the next ms milliseconds, then sets the clock to the end. */
  runFor(ms: number): void {
    this.runUntil(this.virtualNow + ms);
  }

  /** Runs every task due at or before the virtual time end, then sets the clock to end. */
  runUntil(end: number): void {
    for (;;) {
      const next = this.nextAt();
      if (next === undefined || next > end) break;
      this.step();
    }
    if (end > this.virtualNow) this.virtualNow = end;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && (this.heap[0] as Task).cancelled) this.pop();
  }

  private push(task: Task): void {
    const h = this.heap;
    h.push(task);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(task, h[parent] as Task)) break;
      h[i] = h[parent] as Task;
      i = parent;
    }
    h[i] = task;
  }

  private pop(): Task | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const child = r < h.length && before(h[r] as Task, h[l] as Task) ? r : l;
      if (!before(h[child] as Task, last)) break;
      h[i] = h[child] as Task;
      i = child;
    }
    h[i] = last;
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
