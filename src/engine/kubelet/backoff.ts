// client-go's flowcontrol.Backoff as the kubelet configures it for container restarts and image
// pulls: 10 s initial, doubling, capped at 300 s (kubelet.go: backOffPeriod, MaxContainerBackOff).
//   [BO1] Next(id, t) starts at 10 s, or doubles the current delay up to 300 s.
//   [BO2] an entry whose event comes more than 2 × 300 s after its last update has expired:
//         the next delay starts again at 10 s (a container that ran 10 minutes is "fine").
//   [BO3] GC drops entries not updated for 2 × 300 s, so a container that waits out a long
//         back-off after a long run may find its entry gone and restart at once.

/** The first delay, in ms. */
export const INITIAL_BACKOFF_MS = 10_000;
/** The longest delay, in ms. */
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

/** Per-key exponential backoff over virtual time. */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly initialMs = INITIAL_BACKOFF_MS,
    private readonly maxMs = MAX_BACKOFF_MS,
  ) {}

  /** Returns the current delay of a key (0 when it has none). */
  get(id: string): number {
    return this.entries.get(id)?.backoffMs ?? 0;
  }

  /** Moves a key to its next delay, as of an event at eventTime. [BO1][BO2] */
  next(id: string, eventTime: number): void {
    const e = this.entries.get(id);
    if (!e || this.expired(eventTime, e.lastUpdate)) {
      this.entries.set(id, { backoffMs: this.initialMs, lastUpdate: this.now() });
      return;
    }
    e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    e.lastUpdate = this.now();
  }

  /** Reports whether an event at eventTime is still inside the key's delay (restarts). */
  isInBackOffSince(id: string, eventTime: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.expired(eventTime, e.lastUpdate)) return false;
    return this.now() - eventTime < e.backoffMs;
  }

  /** Reports whether the key's delay since its last update has not passed (image pulls). */
  isInBackOffSinceUpdate(id: string, eventTime: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.expired(eventTime, e.lastUpdate)) return false;
    return eventTime - e.lastUpdate < e.backoffMs;
  }

  /** Forgets keys not updated for 2 × the longest delay before now. [BO3] */
  gc(now: number): void {
    for (const [id, e] of this.entries)
      if (now - e.lastUpdate > 2 * this.maxMs) this.entries.delete(id);
  }

  /** Forgets every key (a restarted kubelet starts with no backoff). */
  reset(): void {
    this.entries.clear();
  }

  private expired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > 2 * this.maxMs;
  }
}
