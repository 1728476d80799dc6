import { without } from './strategic';

// JSON merge patch (RFC 7386): objects merge recursively, null deletes, anything else replaces.

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Applies a JSON merge patch to a document, returning a new document. */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  // Removed keys are left out of a rebuilt object: `delete` makes a slow dictionary object.
  let removed: Set<string> | undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) (removed ??= new Set()).add(k);
    else out[k] = applyMergePatch(out[k], v);
  }
  return removed ? without(out, removed) : out;
}
