import { EXPECTATIONS_TIMEOUT_MS } from './constants';

// ControllerExpectations and UIDTrackingControllerExpectations (controller_utils.go): what a
// sync waits to see in its informer before acting again, so a ReplicaSet never creates twice for
// the same missing replica because its cache is behind its own writes.
//   [EXP1] a key with no record, a record whose adds and dels are both ≤ 0, or a record older than
//          5 minutes is satisfied; anything else holds manageReplicas back.
//   [EXP2] once set, expectations only go down: a create observed (or failed, or skipped)
//          lowers adds; a delete observed lowers dels once per expected pod key.

interface Expected {
  add: number;
  del: number;
  /** Virtual ms when the expectations were set; the TTL counts from here. */
  timestamp: number;
}

/** What the controller expects to observe, per ReplicaSet key. */
export class Expectations {
  private readonly records = new Map<string, Expected>();
  private readonly deleteKeys = new Map<string, Set<string>>();

  constructor(private readonly now: () => number) {}

  /** Reports whether a sync may create or delete pods for this key. [EXP1] */
  satisfied(key: string): boolean {
    const r = this.records.get(key);
    if (!r) return true;
    if (r.add <= 0 && r.del <= 0) return true;
    return this.now() - r.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  /** Expects this many pod creations, forgetting earlier expectations (ExpectCreations). */
  expectCreations(key: string, adds: number): void {
    this.records.set(key, { add: adds, del: 0, timestamp: this.now() });
  }

  /** Expects these pods (by namespace/name) to be deleted (UIDTracking ExpectDeletions). */
  expectDeletions(key: string, podKeys: readonly string[]): void {
    const keys = new Set(podKeys);
    this.deleteKeys.set(key, keys);
    this.records.set(key, { add: 0, del: keys.size, timestamp: this.now() });
  }

  /** Lowers the expected creations by one: a create was seen, failed or skipped. [EXP2] */
  creationObserved(key: string): void {
    const r = this.records.get(key);
    if (r) r.add--;
  }

  /** Lowers the expected deletions if this pod was one of them, once per pod. [EXP2] */
  deletionObserved(key: string, podKey: string): void {
    const keys = this.deleteKeys.get(key);
    if (!keys?.delete(podKey)) return;
    const r = this.records.get(key);
    if (r) r.del--;
  }

  /** Forgets a key, when its ReplicaSet is deleted (DeleteExpectations). */
  delete(key: string): void {
    this.records.delete(key);
    this.deleteKeys.delete(key);
  }

  /** Forgets everything, as a restarted controller manager does. */
  clear(): void {
    this.records.clear();
    this.deleteKeys.clear();
  }

  /** Returns the unmet expectations by key, for the controller-internals view. */
  outstanding(): Record<string, { add: number; del: number }> {
    const out: Record<string, { add: number; del: number }> = {};
    for (const [key, r] of this.records)
      if (!this.satisfied(key)) out[key] = { add: r.add, del: r.del };
    return out;
  }
}
