import equal from 'fast-deep-equal';
import type { Json, JsonObject } from './schema';
import { isObject, listItemsRetainKeys, listStrategy, mapRetainsKeys } from './schema';

// strategicpatch.diffMaps and friends (k8s.io/apimachinery/pkg/util/strategicpatch/patch.go):
// the difference between two JSON documents as a strategic merge patch, optionally ignoring
// deletions or ignoring changes and additions — the two halves of a three-way patch.

/** The DiffOptions a diff runs with. */
export interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
  setElementOrder: boolean;
}

interface Level extends DiffOptions {
  retainKeys: boolean;
}

/** Computes the strategic merge patch that turns original into modified. */
export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  opts: DiffOptions,
): JsonObject {
  return diffLevel(original, modified, { ...opts, retainKeys: false });
}

function typeTag(v: Json): string {
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}

function diffLevel(original: JsonObject, modified: JsonObject, opts: Level): JsonObject {
  const patch: JsonObject = {};
  const retain: string[] = [];
  for (const [key, mv] of Object.entries(modified)) {
    if (opts.retainKeys && mv !== null) retain.push(key);
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (typeTag(ov) !== typeTag(mv)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
    } else if (isObject(ov)) {
      const sub = diffLevel(ov, mv as JsonObject, { ...opts, retainKeys: mapRetainsKeys(key) });
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (Array.isArray(ov)) {
      diffSlice(key, ov, mv as Json[], patch, opts);
    } else if (!opts.ignoreChangesAndAdditions && !equal(ov, mv)) {
      patch[key] = mv;
    }
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  if (
    retain.length > 0 &&
    (Object.keys(patch).length > 0 || hasAdditionalField(original, modified))
  ) {
    patch.$retainKeys = [...retain].sort();
  }
  return patch;
}

function hasAdditionalField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !(k in modified));
}

function diffSlice(key: string, ov: Json[], mv: Json[], patch: JsonObject, opts: Level): void {
  const strategy = listStrategy(key, [...ov, ...mv]);
  if (strategy.kind === 'replace') {
    if (!opts.ignoreChangesAndAdditions && !equal(ov, mv)) patch[key] = mv;
    return;
  }
  if (ov.length === 0 && mv.length === 0) return;
  const level = { ...opts, retainKeys: listItemsRetainKeys(key) };
  const { add, del, order } =
    strategy.kind === 'mergeByKey' && [...ov, ...mv].every(isObject)
      ? diffListsOfMaps(ov as JsonObject[], mv as JsonObject[], strategy.key, level)
      : diffListsOfScalars(ov, mv, level);
  if (add.length > 0) patch[key] = add;
  if (del.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = del;
  if (order.length > 0) patch[`$setElementOrder/${key}`] = order;
}

interface ListDiff {
  add: Json[];
  del: Json[];
  order: Json[];
}

const str = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));
const byKey = (key: string) => (a: JsonObject, b: JsonObject) => compare(str(a[key]), str(b[key]));
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function diffListsOfMaps(ov: JsonObject[], mv: JsonObject[], key: string, opts: Level): ListDiff {
  const o = [...ov].sort(byKey(key));
  const m = [...mv].sort(byKey(key));
  const patchList: JsonObject[] = [];
  const deletions: JsonObject[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const oe = o[i];
    const me = m[j];
    const cmp = oe && me ? compare(str(oe[key]), str(me[key])) : oe ? -1 : 1;
    if (cmp === 0) {
      const sub = diffLevel(oe as JsonObject, me as JsonObject, opts);
      if (Object.keys(sub).length > 0) patchList.push({ ...sub, [key]: (me as JsonObject)[key] });
      i++;
      j++;
    } else if (cmp > 0) {
      if (!opts.ignoreChangesAndAdditions) patchList.push(me as JsonObject);
      j++;
    } else {
      if (!opts.ignoreDeletions)
        deletions.push({ $patch: 'delete', [key]: (oe as JsonObject)[key] });
      i++;
    }
  }
  const rank = new Map(mv.map((item, idx) => [str(item[key]), idx]));
  patchList.sort((a, b) => (rank.get(str(a[key])) ?? 0) - (rank.get(str(b[key])) ?? 0));
  const add = [...patchList, ...deletions];
  const orderSame =
    ov.length === mv.length && ov.every((item, idx) => equal(item[key], mv[idx]?.[key]));
  const wantOrder =
    opts.setElementOrder &&
    ((!opts.ignoreChangesAndAdditions && (add.length > 0 || !orderSame)) ||
      (!opts.ignoreDeletions && add.length > 0));
  return { add, del: [], order: wantOrder ? mv.map((item) => ({ [key]: item[key] })) : [] };
}

function diffListsOfScalars(ov: Json[], mv: Json[], opts: Level): ListDiff {
  const o = [...ov].sort((a, b) => compare(str(a), str(b)));
  const m = [...mv].sort((a, b) => compare(str(a), str(b)));
  const add: Json[] = [];
  const del: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const cmp =
      i < o.length && j < m.length ? compare(str(o[i]), str(m[j])) : i < o.length ? -1 : 1;
    if (cmp === 0) {
      i++;
      j++;
    } else if (cmp < 0) {
      if (!opts.ignoreDeletions && !del.includes(o[i])) del.push(o[i]);
      i++;
    } else {
      if (!opts.ignoreChangesAndAdditions) add.push(m[j]);
      j++;
    }
  }
  add.sort((a, b) => mv.indexOf(a) - mv.indexOf(b));
  const wantOrder =
    opts.setElementOrder &&
    ((!opts.ignoreDeletions && del.length > 0) ||
      (!opts.ignoreChangesAndAdditions && !equal(ov, mv)));
  return { add, del, order: wantOrder ? [...mv] : [] };
}
