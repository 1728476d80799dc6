// A validator for the JSON Schema subset lessons/lesson.schema.json uses, so the schema editors
// read is also the one the code enforces. Hand-written rather than Ajv because Ajv compiles
// schemas with `new Function`, which the page's CSP (script-src 'self', no unsafe-eval) forbids;
// this walks the schema as data. Supported keywords: type, enum, properties, required,
// additionalProperties, minProperties, items, minItems, maxItems, minLength, maxLength, pattern,
// minimum, maximum, oneOf, $ref (to #/$defs/…); annotations ($schema, $id, title, description)
// are ignored. Any other keyword is refused, so the schema cannot silently outgrow the checker.

/** A JSON Schema node. */
export type Schema = { [keyword: string]: unknown };

/** One violation: where (a path of keys and indexes) and what is wrong, in words. */
export interface SchemaError {
  path: (string | number)[];
  message: string;
}

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);
const KEYWORDS = new Set([
  'type',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'oneOf',
  '$ref',
  '$defs',
]);

/** Validates a value against a schema; returns every violation found (empty when valid). */
export function validate(root: Schema, value: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  check(root, root, value, [], errors);
  return errors;
}

/** Returns the keywords a schema uses that this validator does not support (for a test). */
export function unsupportedKeywords(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) unsupportedKeywords(s, found);
  else if (typeof schema === 'object' && schema !== null) {
    for (const [k, v] of Object.entries(schema)) {
      if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) found.add(k);
      if (k === 'properties' || k === '$defs') for (const s of Object.values(v as object)) unsupportedKeywords(s, found);
      else if (k === 'items' || k === 'additionalProperties' || k === 'oneOf') unsupportedKeywords(v, found);
    }
  }
  return found;
}

type Path = (string | number)[];

function check(root: Schema, s: Schema, v: unknown, path: Path, out: SchemaError[]): void {
  if (typeof s.$ref === 'string') return check(root, resolve(root, s.$ref), v, path, out);
  if (Array.isArray(s.oneOf)) return oneOf(root, s.oneOf as Schema[], v, path, out);
  if (Array.isArray(s.enum) && !s.enum.includes(v)) {
    return void out.push({ path, message: `must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')} (it is ${brief(v)})` });
  }
  if (typeof s.type === 'string' && !hasType(v, s.type)) {
    return void out.push({ path, message: `must be ${article(s.type)} (it is ${brief(v)})` });
  }
  if (typeof v === 'string') text(s, v, path, out);
  else if (typeof v === 'number') numeric(s, v, path, out);
  else if (Array.isArray(v)) list(root, s, v, path, out);
  else if (typeof v === 'object' && v !== null) object(root, s, v as Record<string, unknown>, path, out);
}

function text(s: Schema, v: string, path: Path, out: SchemaError[]): void {
  if (typeof s.minLength === 'number' && v.length < s.minLength)
    out.push({ path, message: s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters long` });
  if (typeof s.maxLength === 'number' && v.length > s.maxLength)
    out.push({ path, message: `must be at most ${s.maxLength} characters long (it is ${v.length})` });
  if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v))
    out.push({ path, message: `must match ${s.pattern} (it is ${brief(v)})` });
}

function numeric(s: Schema, v: number, path: Path, out: SchemaError[]): void {
  if (typeof s.minimum === 'number' && v < s.minimum) out.push({ path, message: `must be at least ${s.minimum} (it is ${v})` });
  if (typeof s.maximum === 'number' && v > s.maximum) out.push({ path, message: `must be at most ${s.maximum} (it is ${v})` });
}

function list(root: Schema, s: Schema, v: unknown[], path: Path, out: SchemaError[]): void {
  if (typeof s.minItems === 'number' && v.length < s.minItems)
    out.push({ path, message: `must have at least ${s.minItems} ${s.minItems === 1 ? 'entry' : 'entries'}` });
  if (typeof s.maxItems === 'number' && v.length > s.maxItems)
    out.push({ path, message: `must have at most ${s.maxItems} entries (it has ${v.length})` });
  if (s.items) v.forEach((item, i) => check(root, s.items as Schema, item, [...path, i], out));
}

function object(root: Schema, s: Schema, v: Record<string, unknown>, path: Path, out: SchemaError[]): void {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  for (const key of (s.required ?? []) as string[]) {
    if (!(key in v)) out.push({ path, message: `needs the field "${key}"` });
  }
  if (typeof s.minProperties === 'number' && Object.keys(v).length < s.minProperties)
    out.push({ path, message: `needs at least ${s.minProperties} field${s.minProperties === 1 ? '' : 's'}` });
  for (const [key, item] of Object.entries(v)) {
    const sub = props[key];
    if (sub) check(root, sub, item, [...path, key], out);
    else if (s.additionalProperties === false) {
      const known = Object.keys(props).join(', ');
      out.push({ path: [...path, key], message: `is not a field here (the fields are ${known})` });
    } else if (typeof s.additionalProperties === 'object')
      check(root, s.additionalProperties as Schema, item, [...path, key], out);
  }
}

/**
 * Reports errors against the branch the value was evidently meant for: the first whose required
 * fields are all present (objects) or whose type matches; otherwise names the choices.
 */
function oneOf(root: Schema, branches: Schema[], v: unknown, path: Path, out: SchemaError[]): void {
  const resolved = branches.map((b) => (typeof b.$ref === 'string' ? resolve(root, b.$ref) : b));
  const passing = resolved.filter((b) => validate2(root, b, v).length === 0);
  if (passing.length === 1) return;
  const meant = resolved.find((b) => intended(b, v));
  if (meant && passing.length === 0) return check(root, meant, v, path, out);
  const keyed = resolved.every((b) => b.type === 'object' && Array.isArray(b.required));
  if (keyed && typeof v === 'object' && v !== null && !Array.isArray(v) && passing.length === 0) {
    const keys = resolved.map((b) => `"${(b.required as string[])[0]}"`).join(', ');
    const has = Object.keys(v).map((k) => `"${k}"`).join(', ') || 'none';
    return void out.push({ path, message: `needs one of the fields ${keys} (it has ${has})` });
  }
  out.push({ path, message: `must be ${resolved.map(shape).join(', or ')} (it is ${brief(v)})` });
}

function validate2(root: Schema, s: Schema, v: unknown): SchemaError[] {
  const out: SchemaError[] = [];
  check(root, s, v, [], out);
  return out;
}

function intended(s: Schema, v: unknown): boolean {
  if (typeof s.type === 'string' && !hasType(v, s.type)) return false;
  if (s.type !== 'object' || typeof v !== 'object' || v === null) return true;
  return ((s.required ?? []) as string[]).every((k) => k in v);
}

function shape(s: Schema): string {
  if (s.type === 'object' && Array.isArray(s.required)) return `an object with ${s.required.map((k) => `"${k}"`).join(' and ')}`;
  return typeof s.type === 'string' ? article(s.type) : 'a value';
}

function resolve(root: Schema, ref: string): Schema {
  const name = ref.replace(/^#\/\$defs\//, '');
  const found = (root.$defs as Record<string, Schema> | undefined)?.[name];
  if (!found) throw new Error(`schema: unknown $ref ${ref}`);
  return found;
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      return typeof v === type;
  }
}

function article(type: string): string {
  return { integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'a mapping' }[type] ?? type;
}

/** Describes a bad value briefly, never echoing a whole block of someone's text. */
function brief(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'empty';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}
