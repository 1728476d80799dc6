// A binary heap whose items can be found, updated and removed by key in O(log n), as the
// scheduling queue's heap.Heap keyed by pod UID.

/** A min-heap by less, indexed by key. */
export class KeyedHeap<T> {
  private readonly items: T[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly less: (a: T, b: T) => boolean,
  ) {}

  /** Returns the number of items. */
  size(): number {
    return this.items.length;
  }

  /** Reports whether an item with the key is present. */
  has(key: string): boolean {
    return this.index.has(key);
  }

  /** Returns the item with the key. */
  get(key: string): T | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.items[i];
  }

  /** Returns the smallest item without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds an item, or replaces the item with the same key and restores the order. */
  push(item: T): void {
    const key = this.keyOf(item);
    const at = this.index.get(key);
    if (at !== undefined) {
      this.items[at] = item;
      this.fix(at);
      return;
    }
    this.items.push(item);
    this.index.set(key, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  /** Removes and returns the smallest item. */
  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.removeAt(0);
    return top;
  }

  /** Removes the item with the key; returns it. */
  delete(key: string): T | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const item = this.items[i];
    this.removeAt(i);
    return item;
  }

  /** Returns the items in heap order (not sorted). */
  values(): readonly T[] {
    return this.items;
  }

  /** Removes every item. */
  clear(): void {
    this.items.length = 0;
    this.index.clear();
  }

  private removeAt(i: number): void {
    const last = this.items.pop() as T;
    this.index.delete(this.keyOf(i < this.items.length ? (this.items[i] as T) : last));
    if (i < this.items.length) {
      this.items[i] = last;
      this.index.set(this.keyOf(last), i);
      this.fix(i);
    }
  }

  private fix(i: number): void {
    if (!this.up(i)) this.down(i);
  }

  private up(i: number): boolean {
    const start = i;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.items[i] as T, this.items[parent] as T)) break;
      this.swap(i, parent);
      i = parent;
    }
    return i !== start;
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const child = r < n && this.less(this.items[r] as T, this.items[l] as T) ? r : l;
      if (!this.less(this.items[child] as T, this.items[i] as T)) return;
      this.swap(i, child);
      i = child;
    }
  }

  private swap(a: number, b: number): void {
    const x = this.items[a] as T;
    const y = this.items[b] as T;
    this.items[a] = y;
    this.items[b] = x;
    this.index.set(this.keyOf(y), a);
    this.index.set(this.keyOf(x), b);
  }
}
