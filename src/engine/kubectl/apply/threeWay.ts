import type { Json, JsonObject } from './schema';
import { isObject, listStrategy } from './schema';
import { diffMaps } from './diff';

// strategicpatch.CreateThreeWayMergePatch, as kubectl apply computes it: the changes from the
// live object (current) to the new configuration (modified), ignoring fields the user never
// wrote, plus the deletions from the last applied configuration (original) to modified — so a
// field removed from the file is removed from the object, and fields set by the server stay.

/** Computes the patch kubectl apply sends: deletions(original→modified) + delta(current→modified). */
export function createThreeWayMergePatch(
  original: JsonObject | undefined,
  modified: JsonObject,
  current: JsonObject,
): JsonObject {
  const delta = diffMaps(current, modified, {
    ignoreDeletions: true,
    ignoreChangesAndAdditions: false,
    setElementOrder: true,
  });
  const deletions = diffMaps(original ?? {}, modified, {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: true,
    setElementOrder: true,
  });
  return mergePatches(deletions, delta);
}

/** Merges two patches into one (strategicpatch.mergeMap with MergeParallelList off). */
function mergePatches(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, pv] of Object.entries(patch)) {
    const bv = out[key];
    if (key.startsWith('$') || !(key in out) || pv === null) {
      out[key] = pv;
    } else if (isObject(bv) && isObject(pv)) {
      out[key] = mergePatches(bv, pv);
    } else if (Array.isArray(bv) && Array.isArray(pv)) {
      out[key] = mergeLists(key, bv, pv);
    } else {
      out[key] = pv;
    }
  }
  return out;
}

function mergeLists(key: string, base: Json[], patch: Json[]): Json[] {
  const strategy = listStrategy(key, [...base, ...patch]);
  if (strategy.kind === 'replace') return patch;
  if (strategy.kind === 'mergeScalars' || ![...base, ...patch].every(isObject)) {
    return [...new Set([...base, ...patch])];
  }
  const k = strategy.key;
  const out = [...(base as JsonObject[])];
  for (const item of patch as JsonObject[]) {
    const idx = out.findIndex((b) => b[k] === item[k] && b.$patch !== 'delete');
    if (idx >= 0) out[idx] = mergePatches(out[idx] as JsonObject, item);
    else out.push(item);
  }
  return out;
}
