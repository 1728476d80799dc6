import type { ObjectVersion } from '../worker/protocol';

// The cluster as it stood after the first `done` hops: every store write made by a hop that had
// arrived by then. Moving forward applies the next writes; moving back starts again from the
// nearest checkpoint, so scrubbing a long session stays cheap.

/** Versions between checkpoints. */
const CHECKPOINT_EVERY = 2000;

/** A stored object as the views read it, with its store revision. */
export interface WorldObject {
  key: string;
  rev: number;
  object: Record<string, unknown>;
}

/** Every store write of the session, and the objects as of any point in it. */
export class World {
  /** Writes ordered by the hop that made them, then by revision. */
  private readonly writes: ObjectVersion[] = [];
  private readonly checkpoints: Array<{ applied: number; objects: Map<string, WorldObject> }> = [];
  private objects = new Map<string, WorldObject>();
  private applied = 0;

  /** Adds writes as the engine reports them. */
  add(versions: readonly ObjectVersion[]): void {
    for (const v of versions) {
      // Writes arrive almost in hop order; insert from the end to keep the list sorted.
      let i = this.writes.length;
      while (i > 0 && before(v, this.writes[i - 1] as ObjectVersion)) i--;
      this.writes.splice(i, 0, v);
      if (i < this.applied) this.rewindTo(i);
    }
  }

  /** Forgets writes after revision rev (a fork). */
  truncate(rev: number): void {
    const kept = this.writes.filter((w) => w.rev <= rev);
    this.writes.length = 0;
    this.writes.push(...kept);
    this.rewindTo(0);
  }

  /** Returns the objects as of `done` arrived hops, keyed by etcd key. */
  at(done: number): ReadonlyMap<string, WorldObject> {
    if (this.applied > 0 && (this.writes[this.applied - 1] as ObjectVersion).hop > done)
      this.rewindTo(this.firstAfter(done));
    while (this.applied < this.writes.length) {
      const w = this.writes[this.applied] as ObjectVersion;
      if (w.hop > done) break;
      this.apply(w);
      this.applied++;
      if (
        this.applied % CHECKPOINT_EVERY === 0 &&
        this.checkpoints.length < this.applied / CHECKPOINT_EVERY
      )
        this.checkpoints.push({ applied: this.applied, objects: new Map(this.objects) });
    }
    return this.objects;
  }

  /** Returns every write of one key, oldest first (an object's revision history). */
  history(key: string): ObjectVersion[] {
    return this.writes.filter((w) => w.key === key).sort((a, b) => a.rev - b.rev);
  }

  private apply(w: ObjectVersion): void {
    const current = this.objects.get(w.key);
    if (current && current.rev > w.rev) return;
    if (w.type === 'DELETE') this.objects.delete(w.key);
    else this.objects.set(w.key, { key: w.key, rev: w.rev, object: w.object });
  }

  /** Resets to the last checkpoint at or before `applied` writes. */
  private rewindTo(applied: number): void {
    while (
      this.checkpoints.length > 0 &&
      (this.checkpoints[this.checkpoints.length - 1]?.applied ?? 0) > applied
    )
      this.checkpoints.pop();
    const cp = this.checkpoints[this.checkpoints.length - 1];
    this.objects = cp ? new Map(cp.objects) : new Map();
    this.applied = cp ? cp.applied : 0;
  }

  private firstAfter(done: number): number {
    let i = 0;
    while (i < this.writes.length && (this.writes[i] as ObjectVersion).hop <= done) i++;
    return i;
  }
}

function before(a: ObjectVersion, b: ObjectVersion): boolean {
  return a.hop < b.hop || (a.hop === b.hop && a.rev < b.rev);
}
