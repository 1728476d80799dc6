// Derives the Kubernetes API schema the engine validates against from kubernetes-types (which is
// generated from Kubernetes' OpenAPI document), so field names and types are never hand-written.
//   npm run generate:schema
// Writes src/engine/api/schema/kubernetes.json: for each served kind, its definitions with
// property names, types, items and $refs (descriptions dropped to keep the engine small).

import { writeFileSync } from 'node:fs';
import { createGenerator } from 'ts-json-schema-generator';

const KINDS: Record<string, string> = {
  Pod: 'core/v1.d.ts',
  Node: 'core/v1.d.ts',
  Namespace: 'core/v1.d.ts',
  Event: 'core/v1.d.ts',
  Binding: 'core/v1.d.ts',
  ReplicaSet: 'apps/v1.d.ts',
  Deployment: 'apps/v1.d.ts',
  Lease: 'coordination/v1.d.ts',
  PriorityClass: 'scheduling/v1.d.ts',
};

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

const definitions: Schema = {};
const kinds: Record<string, string> = {};
for (const [kind, file] of Object.entries(KINDS)) {
  const generator = createGenerator({
    path: `node_modules/kubernetes-types/${file}`,
    type: kind,
    tsconfig: 'scripts/tsconfig.schema.json',
    skipTypeCheck: true,
    expose: 'export',
    topRef: true,
    jsDoc: 'none',
  });
  const schema = generator.createSchema(kind) as { definitions?: Schema };
  for (const [name, def] of Object.entries(schema.definitions ?? {})) {
    const prior = definitions[name];
    const next = compact(def);
    if (prior && JSON.stringify(prior) !== JSON.stringify(next))
      throw new Error(`conflicting definitions of ${name}`);
    definitions[name] = next;
  }
  kinds[kind] = kind;
}

// Keep only what the served kinds reach: the generator also exposes unrelated ambient types.
const reachable = new Set<string>();
const visit = (node: unknown): void => {
  if (Array.isArray(node)) return node.forEach(visit);
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') {
      const name = decodeURIComponent(v.replace('#/definitions/', ''));
      if (!reachable.has(name)) {
        reachable.add(name);
        visit(definitions[name]);
      }
    } else visit(v);
  }
};
for (const kind of Object.keys(KINDS)) visit({ $ref: `#/definitions/${kind}` });
const sorted = Object.fromEntries(
  Object.entries(definitions)
    .filter(([name]) => reachable.has(name))
    .sort(([a], [b]) => a.localeCompare(b)),
);
const body = { source: 'kubernetes-types', kinds, definitions: sorted };
writeFileSync('src/engine/api/schema/kubernetes.json', `${JSON.stringify(body)}\n`);
console.log(
  `wrote ${Object.keys(sorted).length} definitions for ${Object.keys(kinds).length} kinds`,
);
