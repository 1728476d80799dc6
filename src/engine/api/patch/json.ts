// JSON patch (RFC 6902) with the operations kubectl patch --type=json sends.

import type { StatusError } from '../../apiserver/errors';
import { badRequest } from '../../apiserver/errors';
import { wireCopy } from '../object';

type Json = unknown;

interface Operation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: Json;
  from?: string;
}

/** Applies a JSON patch; throws a 422-style BadRequest StatusError when an operation fails. */
export function applyJsonPatch(doc: Json, patch: Json): Json {
  if (!Array.isArray(patch))
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let out = wireCopy(doc);
  for (const op of patch as Operation[]) out = applyOne(out, op);
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(
  doc: Json,
  parts: string[],
  op: string,
  path: string,
): [Record<string, Json> | Json[], string] {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') throw missing(op, path);
    cur = (cur as Record<string, Json>)[p];
  }
  if (cur === null || typeof cur !== 'object') throw missing(op, path);
  return [cur as Record<string, Json> | Json[], parts[parts.length - 1] as string];
}

function missing(op: string, path: string): StatusError {
  return badRequest(
    `the server rejected our request due to an error in our request: ${op} operation does not apply: doc is missing path: "${path}": missing value`,
  );
}

function get(doc: Json, path: string): Json {
  let cur = doc;
  for (const p of pointer(path)) {
    if (cur === null || typeof cur !== 'object') throw missing('copy', path);
    cur = (cur as Record<string, Json>)[p];
  }
  return cur;
}

function applyOne(doc: Json, op: Operation): Json {
  const parts = pointer(op.path);
  if (parts.length === 0) return op.op === 'remove' ? null : (op.value ?? doc);
  if (op.op === 'move' || op.op === 'copy') {
    const value = wireCopy(get(doc, op.from ?? ''));
    if (op.op === 'move') applyOne(doc, { op: 'remove', path: op.from ?? '' });
    return applyOne(doc, { op: 'add', path: op.path, value });
  }
  const [parent, last] = parentOf(doc, parts, op.op, op.path);
  if (Array.isArray(parent)) {
    const idx = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(idx) || idx < 0 || idx > parent.length) throw missing(op.op, op.path);
    if (op.op === 'add') parent.splice(idx, 0, op.value);
    else if (idx >= parent.length) throw missing(op.op, op.path);
    else if (op.op === 'remove') parent.splice(idx, 1);
    else if (op.op === 'replace') parent[idx] = op.value;
    else if (op.op === 'test' && JSON.stringify(parent[idx]) !== JSON.stringify(op.value))
      throw badRequest('testing value failed');
    return doc;
  }
  if (op.op !== 'add' && !(last in parent)) throw missing(op.op, op.path);
  if (op.op === 'add' || op.op === 'replace') parent[last] = op.value;
  else if (op.op === 'remove') delete parent[last];
  else if (op.op === 'test' && JSON.stringify(parent[last]) !== JSON.stringify(op.value))
    throw badRequest('testing value failed');
  return doc;
}
