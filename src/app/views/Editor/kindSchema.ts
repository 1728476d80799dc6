// Builds the editor's JSON schema from the definitions ts-json-schema-generator derives from
// kubernetes-types (scripts/generate-editor-schema.ts). Pure: the script does the I/O.
//   [SCH1] each YAML document is checked against the definition its `kind` names, as
//          kubectl decodes each document of a multi-document file by its own kind.
//   [SCH2] a document's `apiVersion` must be the one its kind is served at.
//   [SCH3] an unknown kind is refused by name, listing the kinds the simulator serves.

/** A JSON schema node as the generator writes it. */
export type SchemaNode = { [key: string]: unknown };

/** A kind the simulator serves, and the group/version it is served at. */
export interface ServedKind {
  kind: string;
  apiVersion: string;
}

const KEEP = new Set([
  'type',
  'properties',
  'items',
  '$ref',
  'additionalProperties',
  'anyOf',
  'const',
  'enum',
  'required',
  'description',
]);

// Quantities and int-or-strings accept JSON numbers too (`cpu: 1`); kubernetes-types spells
// Quantity as a plain string, and the engine's strict decoder is lenient about both.
const NUMBER_OR_STRING = new Set(['Quantity']);

/** Returns a definition with only what validation, completion and hover use. */
export function compactDefinition(name: string, node: SchemaNode): SchemaNode {
  const out = compact(node) as SchemaNode;
  // A type's own description shows only where no property describes it (a map value such as
  // `cpu: 1`); its first paragraph says what it is, the rest is serialization detail.
  if (typeof out.description === 'string') out.description = firstParagraph(out.description);
  if (NUMBER_OR_STRING.has(name)) out.type = ['string', 'number'];
  return out;
}

function compact(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(compact);
  if (node === null || typeof node !== 'object') return node;
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties')
      out[key] = Object.fromEntries(
        Object.entries(value as SchemaNode).map(([p, s]) => [p, compact(s)]),
      );
    else if (KEEP.has(key)) out[key] = compact(value);
  }
  return out;
}

function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0]?.trim() ?? text;
}

/** Returns each served kind with the apiVersion its definition declares as a constant. */
export function servedKinds(
  kinds: string[],
  definitions: Record<string, SchemaNode>,
): ServedKind[] {
  return kinds.map((kind) => {
    const props = definitions[kind]?.properties as Record<string, SchemaNode> | undefined;
    const apiVersion = props?.apiVersion?.const;
    if (props?.kind?.const !== kind || typeof apiVersion !== 'string')
      throw new Error(`definition ${kind} does not declare its kind and apiVersion`);
    return { kind, apiVersion };
  });
}

/** Returns the root schema: the kind picks the definition each document is validated against. */
export function selectByKind(
  served: ServedKind[],
  definitions: Record<string, SchemaNode>,
): SchemaNode {
  const first = served[0];
  if (!first) throw new Error('no served kinds');
  const describe = (field: string): unknown =>
    (definitions[first.kind]?.properties as Record<string, SchemaNode>)[field]?.description;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      apiVersion: {
        type: 'string',
        enum: [...new Set(served.map((s) => s.apiVersion))],
        description: describe('apiVersion'),
      },
      kind: { type: 'string', enum: served.map((s) => s.kind), description: describe('kind') },
    },
    required: ['apiVersion', 'kind'],
    allOf: served.map(({ kind }) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${kind}` },
    })),
    definitions,
  };
}

/** Returns the definitions reachable from the served kinds, sorted by name. */
export function reachable(
  kinds: string[],
  definitions: Record<string, SchemaNode>,
): Record<string, SchemaNode> {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = decodeURIComponent(value.replace('#/definitions/', ''));
        if (!seen.has(name)) {
          seen.add(name);
          visit(definitions[name]);
        }
      } else visit(value);
    }
  };
  for (const kind of kinds) visit({ $ref: `#/definitions/${kind}` });
  return Object.fromEntries(
    Object.entries(definitions)
      .filter(([name]) => seen.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
