// Flag value conversion with the exact error text of Go's strconv and time packages, which pflag
// wraps as `invalid argument "x" for "--flag" flag: <this text>`.

/** Thrown when a flag value does not convert; the message is Go's. */
export class ValueError extends Error {}

const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Quotes a string the way Go's %q does for printable ASCII. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Parses a boolean as strconv.ParseBool does. */
export function parseBool(s: string): boolean {
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  throw new ValueError(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

/** Parses an integer as strconv.ParseInt(s, 0, bits) does: base prefixes, underscores, range. */
export function parseInt64(s: string, bits: 32 | 64 = 64): number {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|[0-9][0-9_]*)$/.exec(s);
  if (!m || /__|_$|^[+-]?_/.test(s)) {
    throw new ValueError(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  }
  const digits = (m[2] as string).replace(/_/g, '');
  let value: bigint;
  if (/^0[xXbBoO]/.test(digits)) value = BigInt(digits.toLowerCase().replace(/^0o/, '0o'));
  else if (/^0[0-7]+$/.test(digits)) value = BigInt(`0o${digits.slice(1)}`);
  else value = BigInt(digits);
  if (m[1] === '-') value = -value;
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit) {
    throw new ValueError(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  }
  return Number(value);
}

const UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses a duration as time.ParseDuration does ("30s", "1m30s", "500ms"); returns milliseconds. */
export function parseDuration(orig: string): number {
  const invalid = (): ValueError => new ValueError(`time: invalid duration ${goQuote(orig)}`);
  let s = orig;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0;
  while (s !== '') {
    const num = /^([0-9]*)(\.[0-9]*)?/.exec(s);
    const text = num?.[0] ?? '';
    if (text === '' || text === '.') throw invalid();
    s = s.slice(text.length);
    const unit = /^[^0-9.]*/.exec(s)?.[0] ?? '';
    if (unit === '') throw new ValueError(`time: missing unit in duration ${goQuote(orig)}`);
    const factor = UNITS[unit];
    if (factor === undefined) {
      throw new ValueError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}`);
    }
    total += Number(text) * factor;
    s = s.slice(unit.length);
  }
  return sign * total;
}

/** Splits a stringSlice value as pflag does (encoding/csv: commas, with "quoted" fields). */
export function parseCsv(s: string): string[] {
  if (s === '') return [];
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}
