import type { FlagSpec, FlagValue, ParsedFlags } from './types';
import { ValueError, goQuote, parseBool, parseCsv, parseDuration, parseInt64 } from './values';

// A pflag-compatible parser (github.com/spf13/pflag flag.go parseArgs): --flag=value, --flag value,
// -f value, -fvalue, -f=value, grouped bool shorthands (-it), `--` ends flags, flags may be
// interspersed with arguments, and underscores in names normalise to dashes (kubectl's
// WordSepNormalizeFunc). Errors carry pflag's exact wording.

/** Thrown for a command line pflag rejects; the message is pflag's. */
export class FlagError extends Error {}

interface State {
  byName: Map<string, FlagSpec>;
  byShort: Map<string, FlagSpec>;
  values: Map<string, FlagValue>;
  changed: Set<string>;
  args: string[];
  help: boolean;
}

/** Parses argv against the flag specs; throws FlagError with pflag's message. */
export function parseFlags(specs: readonly FlagSpec[], argv: readonly string[]): ParsedFlags {
  const st: State = {
    byName: new Map(specs.map((s) => [s.name, s])),
    byShort: new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand as string, s])),
    values: new Map(specs.map((s) => [s.name, initial(s)])),
    changed: new Set(),
    args: [],
    help: false,
  };
  let argsLenAtDash = -1;
  const rest = [...argv];
  while (rest.length > 0) {
    const s = rest.shift() as string;
    if (s.length < 2 || s[0] !== '-') {
      st.args.push(s);
    } else if (s === '--') {
      argsLenAtDash = st.args.length;
      st.args.push(...rest.splice(0));
    } else if (s[1] === '-') {
      parseLong(st, s, rest);
    } else {
      parseShort(st, s, rest);
    }
  }
  return { values: st.values, changed: st.changed, args: st.args, argsLenAtDash, help: st.help };
}

function initial(spec: FlagSpec): FlagValue {
  const d = spec.default;
  switch (spec.type) {
    case 'bool':
      return d === true;
    case 'int':
    case 'int32':
    case 'duration':
      return typeof d === 'number' ? d : 0;
    case 'stringArray':
    case 'stringSlice':
      return Array.isArray(d) ? [...(d as string[])] : [];
    case 'string':
      return typeof d === 'string' ? d : '';
  }
}

function normalize(name: string): string {
  return name.replace(/_/g, '-');
}

function noOpt(spec: FlagSpec): string | undefined {
  return spec.noOptDefVal ?? (spec.type === 'bool' ? 'true' : undefined);
}

function parseLong(st: State, s: string, rest: string[]): void {
  const body = s.slice(2);
  if (body === '' || body[0] === '-' || body[0] === '=')
    throw new FlagError(`bad flag syntax: ${s}`);
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const spec = st.byName.get(normalize(name));
  if (!spec) {
    if (name === 'help') {
      st.help = true;
      return;
    }
    throw new FlagError(`unknown flag: --${name}`);
  }
  let value: string;
  if (eq >= 0) value = body.slice(eq + 1);
  else if (noOpt(spec) !== undefined) value = noOpt(spec) as string;
  else if (rest.length > 0) value = rest.shift() as string;
  else throw new FlagError(`flag needs an argument: ${s}`);
  set(st, spec, value);
}

function parseShort(st: State, s: string, rest: string[]): void {
  let shorthands = s.slice(1);
  while (shorthands.length > 0) {
    const c = shorthands[0] as string;
    const spec = st.byShort.get(c);
    if (!spec) {
      if (c === 'h') {
        st.help = true;
        shorthands = shorthands.slice(1);
        continue;
      }
      throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`);
    }
    let value: string;
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2);
      shorthands = '';
    } else if (noOpt(spec) !== undefined) {
      value = noOpt(spec) as string;
      shorthands = shorthands.slice(1);
    } else if (shorthands.length > 1) {
      value = shorthands.slice(1);
      shorthands = '';
    } else if (rest.length > 0) {
      value = rest.shift() as string;
      shorthands = '';
    } else {
      throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`);
    }
    set(st, spec, value);
  }
}

function set(st: State, spec: FlagSpec, raw: string): void {
  const first = !st.changed.has(spec.name);
  try {
    st.values.set(spec.name, convert(spec, raw, first ? undefined : st.values.get(spec.name)));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    const shown = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
    throw new FlagError(
      `invalid argument ${goQuote(raw)} for ${goQuote(shown)} flag: ${e.message}`,
    );
  }
  st.changed.add(spec.name);
}

function convert(spec: FlagSpec, raw: string, previous: FlagValue | undefined): FlagValue {
  const list = Array.isArray(previous) ? previous : [];
  switch (spec.type) {
    case 'bool':
      return parseBool(raw);
    case 'int':
      return parseInt64(raw, 64);
    case 'int32':
      return parseInt64(raw, 32);
    case 'duration':
      return parseDuration(raw);
    case 'string':
      return raw;
    case 'stringArray':
      return [...list, raw];
    case 'stringSlice':
      return [...list, ...parseCsv(raw)];
  }
}
