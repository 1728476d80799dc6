import schemaFile from '../api/schema/kubernetes.json';
import { badRequest, type StatusError } from './errors';

// Strict decoding, as the apiserver does with fieldValidation=Strict (kubectl's default since
// v1.27): unknown fields and values of the wrong JSON type are refused before anything else runs.
// The schema is generated from kubernetes-types (scripts/generate-schema.ts).
//   [DEC1] an unknown field answers 400: `Pod in version "v1" cannot be handled as a Pod: strict
//          decoding error: unknown field "spec.containers[0].imagee"`.
//   [DEC2] a value of the wrong type answers 400 with Go's json wording: `json: cannot unmarshal
//          string into Go struct field DeploymentSpec.spec.replicas of type int32`.

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  $ref?: string;
  anyOf?: SchemaNode[];
  const?: unknown;
}

const definitions = (schemaFile as { definitions: Record<string, SchemaNode> }).definitions;

// Go integer fields that are int64 rather than int32 (everything else numeric is int32).
const INT64_FIELDS = new Set([
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'deletionGracePeriodSeconds',
  'generation',
  'observedGeneration',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'tolerationSeconds',
  'expirationSeconds',
  'seconds',
]);
// Quantities and int-or-strings accept both JSON numbers and strings.
const LENIENT = new Set(['Quantity', 'IntOrString']);

interface Problem {
  unknown: string[];
  typeError?: string;
}

/**
 * Returns the strict-decoding error for an object of a kind, or undefined when it decodes. Given
 * the stored version, top-level fields that are that version's own (shared, as a status patch
 * shares the spec) are not walked again: they decoded when they were stored.
 */
export function strictDecode(
  kind: string,
  apiVersion: string,
  obj: unknown,
  stored?: object,
): StatusError | undefined {
  const root = definitions[kind];
  if (!root) return undefined;
  const problem: Problem = { unknown: [] };
  walk(obj, root, undefined, kind, problem, kind, stored as Record<string, unknown> | undefined);
  const prefix = `${kind} in version "${apiVersion.split('/').pop()}" cannot be handled as a ${kind}: `;
  if (problem.typeError) return badRequest(prefix + problem.typeError);
  if (problem.unknown.length > 0) {
    return badRequest(
      `${prefix}strict decoding error: ${problem.unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    );
  }
  return undefined;
}

interface Resolved {
  node: SchemaNode;
  name?: string;
  types: readonly string[];
}

// Every write is decoded, so each schema node is resolved once, not once per field per write.
const resolved = new Map<SchemaNode, Resolved>();

function resolve(raw: SchemaNode): Resolved {
  let r = resolved.get(raw);
  if (!r) {
    const name = raw.$ref?.replace('#/definitions/', '');
    const node = name === undefined ? raw : (definitions[name] ?? {});
    const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
    r = { node, name, types };
    resolved.set(raw, r);
  }
  return r;
}

/** Where a value sits, spelled out only when an error names it. */
type Path = { parent: Path; key: string | number } | undefined;

function render(path: Path): string {
  if (!path) return '';
  const parent = render(path.parent);
  if (typeof path.key === 'number') return `${parent}[${path.key}]`;
  return parent ? `${parent}.${path.key}` : path.key;
}

const NO_PROPERTIES: Readonly<Record<string, SchemaNode>> = {};

function walk(
  value: unknown,
  raw: SchemaNode,
  path: Path,
  struct: string,
  p: Problem,
  refName?: string,
  stored?: Record<string, unknown>,
): void {
  if (p.typeError) return;
  const { node, name, types } = resolve(raw);
  const typeName = name ?? refName;
  if (value === null || value === undefined) return;
  if (typeName && LENIENT.has(typeName)) return;
  if (node.anyOf) return;
  const actual = Array.isArray(value)
    ? 'array'
    : typeof value === 'object'
      ? 'object'
      : typeof value;
  if (
    types.length > 0 &&
    !types.includes(actual) &&
    !(actual === 'number' && types.includes('integer'))
  ) {
    const at = render(path);
    p.typeError = `json: cannot unmarshal ${jsonKind(actual)} into Go struct field ${struct}.${at} of type ${goType(node, at, typeName)}`;
    return;
  }
  if (actual === 'array' && node.items) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++)
      walk(items[i], node.items, { parent: path, key: i }, struct, p);
    return;
  }
  if (actual !== 'object') return;
  const props = node.properties ?? NO_PROPERTIES;
  const childStruct = typeName ?? struct;
  // for-in, not Object.keys: every field of every write is walked, and this copies nothing.
  for (const key in value as object) {
    if (!Object.hasOwn(value as object, key)) continue;
    const child = (value as Record<string, unknown>)[key];
    if (stored !== undefined && stored[key] === child && Object.hasOwn(stored, key)) continue;
    const childPath = { parent: path, key };
    const schema = props[key];
    if (schema) walk(child, schema, childPath, node.properties ? childStruct : struct, p);
    else if (typeof node.additionalProperties === 'object')
      walk(child, node.additionalProperties, childPath, struct, p);
    else if (node.additionalProperties === false || node.properties)
      p.unknown.push(render(childPath));
  }
}

function jsonKind(actual: string): string {
  return actual === 'boolean' ? 'bool' : actual;
}

function goType(node: SchemaNode, path: string, typeName: string | undefined): string {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const field =
    path
      .replace(/\[\d+\]$/, '')
      .split('.')
      .pop() ?? '';
  if (types.includes('number')) return INT64_FIELDS.has(field) ? 'int64' : 'int32';
  if (types.includes('boolean')) return 'bool';
  if (types.includes('string')) return 'string';
  if (types.includes('array')) {
    const item = node.items ? resolve(node.items) : undefined;
    return `[]${item?.name ? `v1.${item.name}` : 'string'}`;
  }
  if (typeName) return `v1.${typeName}`;
  return 'map[string]string';
}
