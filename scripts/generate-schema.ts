// Derives the Kubernetes API schema the engine validates against from kubernetes-types (which is
// generated from Kubernetes' OpenAPI document), so field names and types are never hand-written.
//   npm run generate:schema
// Writes src/engine/api/schema/kubernetes.json: for each served kind, its definitions with
// property names, types, items and $refs (descriptions dropped to keep the engine small).

import { writeFileSync } from 'node:fs';
import { reachable } from '../src/app/views/Editor/kindSchema';
import { definitionsOf, SERVED_KINDS } from './kubernetesTypes';

type Schema = Record<string, unknown>;

const KEEP = new Set([
  'type',
  'properties',
  'items',
  '$ref',
  'additionalProperties',
  'anyOf',
  'const',
  'required',
]);

function compact(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(compact);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties')
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, compact(s)]));
    else if (KEEP.has(k)) out[k] = compact(v);
  }
  return out;
}

// Keep only what the served kinds reach: the generator also exposes unrelated ambient types.
const kindNames = Object.keys(SERVED_KINDS);
const kinds = Object.fromEntries(kindNames.map((k) => [k, k]));
const sorted = reachable(
  kindNames,
  definitionsOf('none', (_name, def) => compact(def) as Schema),
);
const body = { source: 'kubernetes-types', kinds, definitions: sorted };
writeFileSync('src/engine/api/schema/kubernetes.json', `${JSON.stringify(body)}\n`);
console.log(
  `wrote ${Object.keys(sorted).length} definitions for ${Object.keys(kinds).length} kinds`,
);
