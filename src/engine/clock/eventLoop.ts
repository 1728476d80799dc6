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

/** The tasks due at one virtual time, in the order they were scheduled. */
interface Slot {
  readonly at: number;
  /** Emptied as they run, so a long slot does not keep finished tasks' closures alive. */
  readonly tasks: (Task | undefined)[];
  /** Index of the next task to run. */
  next: number;
}

/** Runs the simulation: a virtual clock plus a priority queue of tasks. */
export class EventLoop {
  private virtualNow = 0;
  // Tasks are grouped by due time: a hop's latency is a whole millisecond, so thousands of tasks
  // share a time and the heap orders only the distinct times. Within a slot, tasks run in the
  // order they were scheduled, which is the (time, insertion) order the loop promises.
  private readonly heap: Slot[] = [];
  private readonly slots = new Map<number, Slot>();
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
    const task = new Task(this, at, fn, cause, background);
    if (!background) this.foreground++;
    this.push(task);
    return task;
  }

  /** Runs fn after delayMs as foreground work caused by a message: schedule without options. */
  scheduleCaused(delayMs: number, fn: () => void, cause: number | null): Timer {
    const task = new Task(this, this.virtualNow + Math.max(0, delayMs), fn, cause, false);
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
    return this.peek()?.at;
  }

  /** Runs the next task, advancing the clock to it; returns false when nothing is queued. */
  step(): boolean {
    const task = this.peek();
    if (!task) return false;
    this.take();
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
      const next = this.peek();
      if (next === undefined || next.at > end) break;
      this.step();
    }
    if (end > this.virtualNow) this.virtualNow = end;
  }

  /** Returns the next live task, leaving it queued; cancelled ones ahead of it are dropped. */
  private peek(): Task | undefined {
    for (;;) {
      const slot = this.heap[0];
      if (!slot) return undefined;
      const task = slot.tasks[slot.next] as Task;
      if (!task.cancelled) return task;
      this.take();
    }
  }

  /** Removes the first task of the earliest slot, and the slot once it is empty. */
  private take(): void {
    const slot = this.heap[0] as Slot;
    slot.tasks[slot.next++] = undefined;
    if (slot.next < slot.tasks.length) return;
    this.slots.delete(slot.at);
    this.popSlot();
  }

  private push(task: Task): void {
    const slot = this.slots.get(task.at);
    if (slot) {
      slot.tasks.push(task);
      return;
    }
    const fresh: Slot = { at: task.at, tasks: [task], next: 0 };
    this.slots.set(task.at, fresh);
    const h = this.heap;
    h.push(fresh);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((h[parent] as Slot).at <= fresh.at) break;
      h[i] = h[parent] as Slot;
      i = parent;
    }
    h[i] = fresh;
  }

  private popSlot(): void {
    const h = this.heap;
    const last = h.pop();
    if (last === undefined || h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const child = r < h.length && (h[r] as Slot).at < (h[l] as Slot).at ? r : l;
      if ((h[child] as Slot).at >= last.at) break;
      h[i] = h[child] as Slot;
      i = child;
    }
    h[i] = last;
  }
}
