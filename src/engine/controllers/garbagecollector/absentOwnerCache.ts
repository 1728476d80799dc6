import type { ObjectIdentity } from './graph';

// Owners verified absent, so their other dependents skip the GET (upstream ReferenceCache, an LRU
// of 500 entries built in NewGarbageCollector). Keys include the uid, so a recreated object with
// the same name is never mistaken for the absent one.

/** How many absent owners the collector remembers (NewReferenceCache(500)). */
const ABSENT_OWNER_CACHE_SIZE = 500;

/** An LRU set of owner coordinates known not to exist. */
export class AbsentOwnerCache {
  private readonly entries = new Map<string, true>();

  constructor(private readonly max = ABSENT_OWNER_CACHE_SIZE) {}

  /** Records an owner as absent, evicting the least recently used entry when full. */
  add(id: ObjectIdentity): void {
    const key = cacheKey(id);
    this.entries.delete(key);
    this.entries.set(key, true);
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Reports whether an owner is known absent, refreshing its place in the LRU. */
  has(id: ObjectIdentity): boolean {
    const key = cacheKey(id);
    if (!this.entries.has(key)) return false;
    this.entries.delete(key);
    this.entries.set(key, true);
    return true;
  }

  /** Returns how many owners are remembered. */
  size(): number {
    return this.entries.size;
  }

  /** Forgets everything, as a restarted controller would. */
  clear(): void {
    this.entries.clear();
  }
}

function cacheKey(id: ObjectIdentity): string {
  return [id.apiVersion, id.kind, id.namespace, id.name, id.uid].join('\u0000');
}
