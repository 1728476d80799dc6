// Derives the YAML editor's schema from kubernetes-types (generated from Kubernetes' OpenAPI
// document), keeping the field descriptions that hover and completion show.
//   npm run generate:schema
// Writes src/app/views/Editor/kubernetes.schema.json: one definition per reachable type, and a
// root that validates each YAML document against the definition its `kind` names.

import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import {
  compactDefinition,
  reachable,
  selectByKind,
  servedKinds,
  type SchemaNode,
} from '../src/app/views/Editor/kindSchema';
import { definitionsOf, SERVED_KINDS } from './kubernetesTypes';

const OUT = 'src/app/views/Editor/kubernetes.schema.json';

const definitions = definitionsOf('extended', (name, def) =>
  compactDefinition(name, def as SchemaNode),
);
const kinds = Object.keys(SERVED_KINDS);
const kept = reachable(kinds, definitions);
const root = selectByKind(servedKinds(kinds, kept), kept);
// Formatted as the repository's Prettier settings would, so `prettier --check` passes.
const prettier = await resolveConfig(OUT);
writeFileSync(OUT, await format(JSON.stringify(root), { ...prettier, parser: 'json' }));
console.log(`wrote ${OUT}: ${Object.keys(kept).length} definitions for ${kinds.length} kinds`);
