import type { GoField } from './goTypes';
import { STRUCTS, UNDERLYING } from './goTypes';
import { parseGoQuantity } from './goQuantity';

// A port of go-spew's formatter (v1.1.1 spew/format.go) for the one call Kubernetes makes:
// ConfigState{Indent: " ", SortKeys: true, DisableMethods: true, SpewKeys: true}.Fprintf("%#v").
// Values are the API's JSON, read through the Go layout in goTypes.ts. What spew writes:
//   a value:        (type)value, where strings are raw and ints decimal
//   a pointer:      (*type)value, or (*type)<nil>
//   a struct:       {Field:(type)value Field:(type)value}
//   slices, maps:   [a b], map[k:v k:v] with keys sorted; element types are not repeated
//   nil slice/map:  (type)<nil>; protobuf decoding turns empty ones into nil, so we do too.

interface State {
  out: string[];
  /** spew's ignoreNextType: set before slice elements and map entries, cleared by format. */
  ignoreNext: boolean;
}

type Json = unknown;

const INTS = new Set(['int32', 'int64', 'uint64']);

function isNil(v: Json): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

function underlying(type: string): string {
  return UNDERLYING[type] ?? type;
}

function mapTypes(type: string): [key: string, elem: string] {
  let depth = 0;
  for (let i = 4; i < type.length; i++) {
    if (type[i] === '[') depth++;
    else if (type[i] === ']' && depth-- === 0) return [type.slice(4, i), type.slice(i + 1)];
  }
  return ['string', 'string'];
}

// intstr.IntOrString and resource.Quantity are JSON scalars but Go structs.
function adapt(type: string, v: Json): Json {
  if (type === 'intstr.IntOrString' && v != null)
    return typeof v === 'number'
      ? { type: 0, intVal: v, strVal: '' }
      : { type: 1, intVal: 0, strVal: String(v) };
  if (type === 'resource.Quantity' && v != null && typeof v !== 'object')
    return parseGoQuantity(v as string | number) ?? {};
  return v;
}

// Structs outside the schema (rare volume sources) print from their JSON: an approximation.
function guessFields(v: Json): GoField[] {
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).map(([json, x]) => ({
    name: json.charAt(0).toUpperCase() + json.slice(1),
    json,
    type: typeof x === 'number' ? 'int32' : typeof x === 'boolean' ? 'bool' : 'string',
  }));
}

function formatPtr(s: State, type: string, v: Json): void {
  const nil = v === undefined || v === null;
  if (nil && s.ignoreNext) {
    s.out.push('<nil>');
    return;
  }
  s.out.push(s.ignoreNext ? '<*>' : `(${type})`);
  if (nil) {
    s.out.push('<nil>');
    return;
  }
  s.ignoreNext = true;
  const elem = type.slice(1);
  format(s, elem, adapt(elem, v));
}

function formatStruct(s: State, type: string, v: Json): void {
  const fields = STRUCTS.get(type) ?? guessFields(v);
  const obj = (v ?? {}) as Record<string, Json>;
  s.out.push('{');
  fields.forEach((f, i) => {
    if (i > 0) s.out.push(' ');
    s.out.push(`${f.name}:`);
    const fv = f.json === '-' ? obj : f.json === '_' ? undefined : obj[f.json];
    format(s, f.type, adapt(f.type, fv));
  });
  s.out.push('}');
}

function formatList(s: State, elem: string, items: Json[]): void {
  s.out.push('[');
  items.forEach((item, i) => {
    if (i > 0) s.out.push(' ');
    s.ignoreNext = true;
    format(s, elem, adapt(elem, item));
  });
  s.out.push(']');
}

function formatMap(s: State, type: string, v: Record<string, Json>): void {
  const [keyType, elem] = mapTypes(type);
  // SortKeys: string keys compare bytewise, as Go's < on strings does.
  const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  s.out.push('map[');
  keys.forEach((k, i) => {
    if (i > 0) s.out.push(' ');
    s.ignoreNext = true;
    format(s, keyType, k);
    s.out.push(':');
    s.ignoreNext = true;
    format(s, elem, adapt(elem, v[k]));
  });
  s.out.push(']');
}

function format(s: State, type: string, v: Json): void {
  if (type.startsWith('*')) return formatPtr(s, type, v);
  if (!s.ignoreNext) s.out.push(`(${type})`);
  s.ignoreNext = false;
  const t = underlying(type);
  if (t.startsWith('[]') || t.startsWith('map[')) {
    if (isNil(v)) s.out.push('<nil>');
    else if (t.startsWith('[]')) formatList(s, t.slice(2), v as Json[]);
    else formatMap(s, t, v as Record<string, Json>);
  } else if (STRUCTS.has(t) || (v !== null && typeof v === 'object')) formatStruct(s, t, v);
  else if (t === 'bool') s.out.push(v ? 'true' : 'false');
  else if (INTS.has(t)) s.out.push(String(Math.trunc(Number(v ?? 0))));
  else s.out.push(v == null ? '' : String(v));
}

/** Prints a JSON value as spew's "%#v" prints the Go value of the given type. */
export function spewSprint(type: string, value: unknown): string {
  const s: State = { out: [], ignoreNext: false };
  format(s, type, adapt(type, value));
  return s.out.join('');
}
