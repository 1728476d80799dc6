// Derives the YAML editor's schema from kubernetes-types (generated from Kubernetes' OpenAPI
// document), keeping the field descriptions that hover and completion show.
//   npm run generate:schema
// Writes src/app/views/Editor/kubernetes.schema.json: one definition per reachable type, and a
// root that validates each YAML document against the definition its `kind` names.

import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { createGenerator } from 'ts-json-schema-generator';
import {
  compactDefinition,
  reachable,
  selectByKind,
  servedKinds,
  type SchemaNode,
} from '../src/app/views/Editor/kindSchema';

const OUT = 'src/app/views/Editor/kubernetes.schema.json';
const ENGINE_SCHEMA = 'src/engine/api/schema/kubernetes.json';

const KINDS: Record<string, string> = {
  Pod: 'core/v1.d.ts',
  Deployment: 'apps/v1.d.ts',
  ReplicaSet: 'apps/v1.d.ts',
  Namespace: 'core/v1.d.ts',
  Node: 'core/v1.d.ts',
  PriorityClass: 'scheduling/v1.d.ts',
  Lease: 'coordination/v1.d.ts',
  Event: 'core/v1.d.ts',
  Binding: 'core/v1.d.ts',
};

// The editor must offer exactly the kinds the engine decodes (scripts/generate-schema.ts).
const engineKinds = Object.keys(
  (JSON.parse(readFileSync(ENGINE_SCHEMA, 'utf8')) as { kinds: object }).kinds,
);
const missing = engineKinds.filter((k) => !(k in KINDS));
const extra = Object.keys(KINDS).filter((k) => !engineKinds.includes(k));
if (missing.length > 0 || extra.length > 0)
  throw new Error(`editor kinds differ from the engine's: missing ${missing}, extra ${extra}`);

const definitions: Record<string, SchemaNode> = {};
for (const [kind, file] of Object.entries(KINDS)) {
  const generator = createGenerator({
    path: `node_modules/kubernetes-types/${file}`,
    type: kind,
    tsconfig: 'scripts/tsconfig.schema.json',
    skipTypeCheck: true,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
  });
  const schema = generator.createSchema(kind) as { definitions?: Record<string, SchemaNode> };
  for (const [name, def] of Object.entries(schema.definitions ?? {})) {
    const next = compactDefinition(name, def);
    const prior = definitions[name];
    if (prior && JSON.stringify(prior) !== JSON.stringify(next))
      throw new Error(`conflicting definitions of ${name}`);
    definitions[name] = next;
  }
}

const kinds = Object.keys(KINDS);
const kept = reachable(kinds, definitions);
const root = selectByKind(servedKinds(kinds, kept), kept);
// Formatted as the repository's Prettier settings would, so `prettier --check` passes.
const prettier = await resolveConfig(OUT);
writeFileSync(OUT, await format(JSON.stringify(root), { ...prettier, parser: 'json' }));
console.log(`wrote ${OUT}: ${Object.keys(kept).length} definitions for ${kinds.length} kinds`);
