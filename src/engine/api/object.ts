import { blank } from './blank';
import { joined } from './strings';
import type { ObjectMeta } from './types';

/** Any API object: what the store holds and the wire carries. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

/** An object as stored: metadata is always present. */
export type StoredObject = KubeObject & { metadata: ObjectMeta & { name: string } };

/**
 * Copies a value the way the wire does (JSON encode then decode): undefined and function fields
 * vanish, undefined array items and non-finite numbers become null. Written out rather than
 * JSON.parse(JSON.stringify()) because every write through the apiserver copies, and the string
 * round trip is most of its cost at scale.
 */
export function wireCopy<T>(value: T): T {
  return copyJson(value, true) as T;
}

function copyJson(value: unknown, top: boolean): unknown {
  switch (typeof value) {
    case 'number':
      // JSON has no negative zero: -0 encodes as 0.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'string':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      // undefined, functions and symbols: dropped from objects, null in arrays, undefined on top.
      return top ? undefined : OMIT;
  }
  if (value === null) return null;
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return copyJson(toJSON.call(value), top);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = copyJson(value[i], false);
      out[i] = v === OMIT ? null : v;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in value as Record<string, unknown>) {
    if (!Object.hasOwn(value, k)) continue;
    const v = copyJson((value as Record<string, unknown>)[k], false);
    if (v === OMIT) continue;
    // As JSON.parse does, "__proto__" becomes an own property, not the prototype.
    if (k === '__proto__')
      Object.defineProperty(out, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[k] = v;
  }
  return out;
}

const OMIT = Symbol('omit');

/**
 * Replaces every subtree of next that serialises exactly like prev's subtree at the same path
 * (same keys in the same order, same values) with prev's, and returns next, or prev itself when
 * the whole of next is such a copy. next must be private (not yet stored); prev is only read.
 * A new version of a stored object then costs only its changed parts: etcd's history keeps every
 * version, and most writes (a binding, a status patch) touch a few fields. The objects that are
 * kept new are returned as compact copies (see blank), so the result may not be next itself.
 */
export function shareUnchanged<T>(next: T, prev: unknown, other?: unknown): T {
  return share(next, prev, other) as T;
}

// Shares a with b (the previous version at the same path) or, failing that, with c (the same
// path in another object, e.g. a sibling pod written just before: conditions that turned True
// in the same second, a running state, a node's event source).
function share(a: unknown, b: unknown, c: unknown): unknown {
  // An equal string is replaced by the stored one, so versions hold each string once.
  if (a === b) return b;
  if (a === c) return c;
  if (typeof a !== 'object' || a === null) return a;
  // A frozen subtree is already stored (shared by reference); it is not ours to rewrite.
  if (Object.isFrozen(a)) return a;
  const array = Array.isArray(a);
  const rb = isObject(b) && Array.isArray(b) === array ? (b as Record<string, unknown>) : undefined;
  const rc = isObject(c) && Array.isArray(c) === array ? (c as Record<string, unknown>) : undefined;
  if (!rb && !rc) return compact(a);
  if (array) {
    const items = a as unknown[];
    const bs = rb as unknown[] | undefined;
    const cs = rc as unknown[] | undefined;
    let sameB = bs !== undefined && items.length === bs.length;
    let sameC = cs !== undefined && items.length === cs.length;
    for (let i = 0; i < items.length; i++) {
      let v = share(items[i], bs?.[i], cs?.[i]);
      // Items move (a status patch reorders conditions): reuse an equal one from elsewhere.
      if (bs && v !== bs[i] && bs.length <= MAX_REORDERED) v = bs.find((x) => sameJson(v, x)) ?? v;
      if (v !== bs?.[i]) sameB = false;
      if (v !== cs?.[i]) sameC = false;
      if (items[i] !== v) items[i] = v;
    }
    return sameB ? b : sameC ? c : exact(items);
  }
  const ra = a as Record<string, unknown>;
  // a's keys by for-in, which allocates nothing; this runs for every object of every write.
  const kb = rb && Object.keys(rb);
  const kc = rc && Object.keys(rc);
  let sameB = rb !== undefined;
  let sameC = rc !== undefined;
  let i = 0;
  for (const k in ra) {
    if (!Object.hasOwn(ra, k)) continue;
    const inB = rb !== undefined && Object.hasOwn(rb, k);
    const inC = rc !== undefined && Object.hasOwn(rc, k);
    if (!inB || kb?.[i] !== k) sameB = false;
    if (!inC || kc?.[i] !== k) sameC = false;
    i++;
    const v = share(ra[k], inB ? rb[k] : undefined, inC ? rc[k] : undefined);
    if (!inB || v !== rb[k]) sameB = false;
    if (!inC || v !== rc[k]) sameC = false;
    if (ra[k] !== v) ra[k] = v;
  }
  if (sameB && i === kb?.length) return b;
  if (sameC && i === kc?.length) return c;
  return inline(ra);
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}

/** Compacts every object of a new subtree that no earlier version has. */
function compact(a: unknown): unknown {
  if (typeof a !== 'object' || a === null || Object.isFrozen(a)) return a;
  if (Array.isArray(a)) {
    for (let i = 0; i < a.length; i++) {
      const v = compact(a[i]);
      if (a[i] !== v) a[i] = v;
    }
    return exact(a);
  }
  const ra = a as Record<string, unknown>;
  for (const k in ra) {
    if (!Object.hasOwn(ra, k)) continue;
    const v = compact(ra[k]);
    if (ra[k] !== v) ra[k] = v;
  }
  return inline(ra);
}

// An array that grew by push has room for 16 more items (a defaulted toleration, a volume
// mount); its copy has room for exactly its own.
function exact(items: unknown[]): unknown[] {
  return items.slice();
}

/** Returns a copy of obj with the same fields in the same order, all held inline. */
function inline(obj: Record<string, unknown>): Record<string, unknown> {
  let n = 0;
  for (const k in obj) if (Object.hasOwn(obj, k)) n++;
  const out = blank(n);
  for (const k in obj) {
    if (!Object.hasOwn(obj, k)) continue;
    // As JSON.parse does, "__proto__" stays an own property, not the prototype.
    if (k === '__proto__')
      Object.defineProperty(out, k, {
        value: obj[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[k] = obj[k];
  }
  return out;
}

const MAX_REORDERED = 16;

// Whether two JSON values serialise identically: same keys in the same order, same values.
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const kb = Object.keys(b);
  let i = 0;
  for (const k in a) {
    if (!Object.hasOwn(a, k)) continue;
    if (kb[i++] !== k) return false;
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return i === kb.length;
}

/** Freezes an object graph so code that shares stored objects cannot mutate them by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** Returns "namespace/name" (or "name" for cluster-scoped objects), the informer cache key. */
export function namespacedName(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  const name = obj.metadata?.name ?? '';
  // Every informer of the object keeps its key. [STR1]
  return ns ? joined(ns, '/', name) : name;
}

/** Splits a "namespace/name" key. */
export function splitKey(key: string): { namespace?: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
