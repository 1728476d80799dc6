import { MERGE_KEYS, SET_LISTS, mergeKeyFor } from '../../api/patch/strategic';

// The patch metadata kubectl reads from Go struct tags (patchStrategy, patchMergeKey), keyed by
// field name as the server's strategic.ts does, so the client's patches and the server's merge
// agree on every list.

/** A JSON value. */
export type Json = unknown;

/** A JSON object. */
export type JsonObject = Record<string, Json>;

/** Reports whether v is a JSON object (not null, not an array). */
export function isObject(v: Json): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Maps whose Go field carries patchStrategy "retainKeys" (DeploymentSpec.Strategy). */
const RETAIN_KEYS_MAPS: ReadonlySet<string> = new Set(['strategy']);

/** Lists whose items carry patchStrategy "merge,retainKeys" (PodSpec.Volumes). */
const RETAIN_KEYS_LISTS: ReadonlySet<string> = new Set(['volumes']);

/** How a list field is patched: merged by key, merged as a set of scalars, or replaced. */
export type ListStrategy =
  { kind: 'mergeByKey'; key: string } | { kind: 'mergeScalars' } | { kind: 'replace' };

/** Returns the patch strategy of a list field, given both versions of the list. */
export function listStrategy(field: string, items: readonly Json[]): ListStrategy {
  if (SET_LISTS.has(field)) return { kind: 'mergeScalars' };
  if (MERGE_KEYS[field] === undefined) return { kind: 'replace' };
  const key = mergeKeyFor(field, items);
  return key ? { kind: 'mergeByKey', key } : { kind: 'replace' };
}

/** Reports whether a map field's patch must list the keys to keep ($retainKeys). */
export function mapRetainsKeys(field: string): boolean {
  return RETAIN_KEYS_MAPS.has(field);
}

/** Reports whether the items of a list field carry $retainKeys. */
export function listItemsRetainKeys(field: string): boolean {
  return RETAIN_KEYS_LISTS.has(field);
}
