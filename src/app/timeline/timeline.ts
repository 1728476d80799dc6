import type { Hop } from '../worker/protocol';

// Playback time. Hops sent at the same virtual millisecond form a moment; each visible moment is
// stretched to MOMENT display-ms so its packets can be seen travelling, while the virtual time
// between moments passes 1:1. Display time × speed is real time, so 1× shows idle waits (an image
// pull, a 300 s eviction timeout) at their real length and 100× fast-forwards them.

/** Display milliseconds one moment of hops takes at 1×. */
export const MOMENT = 600;

/** A virtual instant at which visible hops were sent. */
export interface Moment {
  t: number;
  /** Index (into the hop list) of its first and last hop, hidden ones at that instant included. */
  first: number;
  last: number;
  /** Display position where it starts. */
  start: number;
}

/** Where the playhead is: the virtual time, the hops in flight and how far along they are. */
export interface Position {
  t: number;
  /** The moment being animated, if any. */
  moment: Moment | undefined;
  /** Progress of that moment's packets, 0–1. */
  progress: number;
  /** How many hops have arrived (their writes are visible). */
  done: number;
}

/** The hop list laid out on the display axis, appended to as the engine runs. */
export class Timeline {
  readonly hops: Hop[] = [];
  readonly moments: Moment[] = [];
  private originT = 0;
  private originX = 0;

  constructor(
    private readonly visible: (hop: Hop) => boolean,
    private readonly firstShown = 0,
  ) {}

  /** Adds hops (in id order); those before firstShown only count as done history. */
  append(hops: readonly Hop[]): void {
    for (const hop of hops) {
      const index = this.hops.length;
      this.hops.push(hop);
      if (index < this.firstShown) {
        this.originT = hop.t;
        continue;
      }
      const last = this.moments[this.moments.length - 1];
      if (last && last.t === hop.t) {
        last.last = index;
        continue;
      }
      if (!this.visible(hop)) continue;
      const start = last
        ? last.start + MOMENT + (hop.t - last.t)
        : this.originX + hop.t - this.originT;
      this.moments.push({ t: hop.t, first: this.firstIndexAt(hop.t, index), last: index, start });
    }
  }

  /** Forgets everything after the first n hops (a fork). */
  truncate(n: number): void {
    this.hops.length = Math.min(this.hops.length, n);
    while (this.moments.length > 0 && (this.moments[this.moments.length - 1] as Moment).first >= n)
      this.moments.pop();
    const last = this.moments[this.moments.length - 1];
    if (last) last.last = Math.min(last.last, n - 1);
  }

  /** Returns the display position of virtual time t (t at or after the session start). */
  displayOf(t: number): number {
    const m = lastWhere(this.moments, (mo) => mo.t <= t);
    if (!m) return this.originX + Math.max(0, t - this.originT);
    return t === m.t ? m.start : m.start + MOMENT + (t - m.t);
  }

  /** Returns the display position where the session starts. */
  startX(): number {
    return this.originX;
  }

  /** Returns the display position at which headT (the engine's clock) is reached. */
  endX(headT: number): number {
    return Math.max(this.displayOf(headT), this.lastMomentEnd());
  }

  /** Returns where the playhead is at display position x. */
  at(x: number): Position {
    const m = this.momentAtOrBefore(x);
    if (m && x < m.start + MOMENT) {
      const progress = (x - m.start) / MOMENT;
      return { t: m.t, moment: m, progress, done: m.first };
    }
    const t = m ? m.t + (x - m.start - MOMENT) : this.originT + (x - this.originX);
    return { t, moment: undefined, progress: 1, done: this.doneAt(t, m) };
  }

  /** Returns the last moment whose hops have all arrived once `done` hops have. */
  lastMomentDone(done: number): Moment | undefined {
    return lastWhere(this.moments, (m) => m.last < done);
  }

  /** Returns the display position at the end of the moment after x (Step). */
  nextStop(x: number): number | undefined {
    const m = this.moments.find((mo) => mo.start + MOMENT > x + 1e-6);
    return m ? m.start + MOMENT : undefined;
  }

  /** Returns the display position at the end of the moment before x (Step back). */
  previousStop(x: number): number {
    for (let i = this.moments.length - 1; i >= 0; i--) {
      const end = (this.moments[i] as Moment).start + MOMENT;
      if (end < x - 1e-6) return end;
    }
    return this.originX;
  }

  private lastMomentEnd(): number {
    const last = this.moments[this.moments.length - 1];
    return last ? last.start + MOMENT : this.originX;
  }

  /** Counts hops sent before t, and every hop at the instant of a finished moment m. */
  private doneAt(t: number, m: Moment | undefined): number {
    const inclusive = m !== undefined && m.t === t;
    let lo = m ? m.last + 1 : 0;
    let hi = this.hops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const ht = (this.hops[mid] as Hop).t;
      if (ht < t || (inclusive && ht === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private firstIndexAt(t: number, index: number): number {
    let i = index;
    while (i > 0 && (this.hops[i - 1] as Hop).t === t) i--;
    return i;
  }

  private momentAtOrBefore(x: number): Moment | undefined {
    return lastWhere(this.moments, (m) => m.start <= x);
  }
}

/** Binary-searches a list ordered by pred (true…true false…false) for its last true element. */
function lastWhere<T>(list: readonly T[], pred: (v: T) => boolean): T | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(list[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}
