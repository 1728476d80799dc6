// Exact resource quantities (k8s.io/apimachinery/pkg/api/resource): parsed to nano-units with
// BigInt so comparisons and the canonical form the apiserver re-serializes ("0.5" → "500m",
// "1024Mi" → "1Gi") match upstream without floating-point error.

/** The decoder's message for a malformed quantity (resource.ErrFormatWrong). */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

type Format = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** A quantity as an exact count of nano-units, with the format its canonical form keeps. */
export interface ExactQuantity {
  nano: bigint;
  format: Format;
}

const pattern =
  /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;
const decimalExp: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const binaryPow: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const SUFFIX_BY_EXP: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

// Scales digits × 10^shift, rounding a remainder up as Quantity does below nano precision.
function scale(digits: bigint, shift: number): bigint {
  if (shift >= 0) return digits * pow10(shift);
  const d = pow10(-shift);
  return digits / d + (digits % d === 0n ? 0n : 1n);
}

/** Parses a quantity exactly; undefined when it does not match the upstream grammar. */
export function parseExactQuantity(input: string | number): Readonly<ExactQuantity> | undefined {
  // Validation and QoS parse the same few strings ("100m", "500Mi") on every pod and node
  // write; BigInt arithmetic made that a visible share of the apiserver's time.
  const key = typeof input === 'number' ? `#${input}` : input;
  if (parsedCache.has(key)) return parsedCache.get(key);
  if (parsedCache.size >= CACHE_SIZE) parsedCache.clear();
  const out = parseUncached(input);
  parsedCache.set(key, out);
  return out;
}

const CACHE_SIZE = 4096;
const parsedCache = new Map<string, Readonly<ExactQuantity> | undefined>();

function parseUncached(input: string | number): ExactQuantity | undefined {
  const text = typeof input === 'number' ? String(input) : input;
  const m = pattern.exec(text);
  if (!m) return undefined;
  const [, sign, num = '', exp, suffix = ''] = m;
  const [whole = '', frac = ''] = num.split('.');
  const digits = BigInt(`${whole}${frac}` || '0');
  let nano: bigint;
  let format: Format = 'DecimalSI';
  if (exp) {
    format = 'DecimalExponent';
    nano = scale(digits, Number(exp.slice(1)) + 9 - frac.length);
  } else if (suffix in binaryPow) {
    format = 'BinarySI';
    nano = scale(digits * 1024n ** BigInt(binaryPow[suffix] as number), 9 - frac.length);
  } else {
    nano = scale(digits, (decimalExp[suffix] as number) + 9 - frac.length);
  }
  return { nano: sign === '-' ? -nano : nano, format };
}

function formatDecimal(abs: bigint, exponentForm: boolean): string {
  let exp = 18;
  while (exp > -9 && abs % pow10(exp + 9) !== 0n) exp -= 3;
  const mantissa = abs / pow10(exp + 9);
  if (exponentForm) return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  return `${mantissa}${SUFFIX_BY_EXP[exp] ?? ''}`;
}

function formatBinary(bytes: bigint): string {
  let exp = 0;
  while (exp < 6 && bytes % 1024n === 0n) {
    bytes /= 1024n;
    exp++;
  }
  return `${bytes}${BINARY_SUFFIXES[exp]}`;
}

/** Formats a quantity in canonical form, as Quantity.String() does. */
export function formatExactQuantity(q: ExactQuantity): string {
  if (q.nano === 0n) return '0';
  const abs = q.nano < 0n ? -q.nano : q.nano;
  const sign = q.nano < 0n ? '-' : '';
  // Binary quantities under 1Ki, or with a fractional byte, print as decimal.
  const binary = q.format === 'BinarySI' && abs >= 1024n * 10n ** 9n && abs % 10n ** 9n === 0n;
  if (binary) return sign + formatBinary(abs / 10n ** 9n);
  return sign + formatDecimal(abs, q.format === 'DecimalExponent');
}

/**
 * Returns the canonical form of a quantity, or undefined when it is malformed. With roundToMilli,
 * sub-milli precision rounds up first, as SetDefaults_ResourceList does on every write.
 */
export function canonicalQuantity(
  input: string | number,
  roundToMilli = false,
): string | undefined {
  // Every pod and node write canonicalizes the same few strings ("100m", "500Mi", "110"), and
  // parsing them in BigInt arithmetic each time dominated the apiserver's update path.
  const key = `${roundToMilli ? 'm' : ''}${typeof input === 'number' ? '#' : ''}${input}`;
  if (canonicalCache.has(key)) return canonicalCache.get(key);
  if (canonicalCache.size >= CACHE_SIZE) canonicalCache.clear();
  const out = computeCanonical(input, roundToMilli);
  canonicalCache.set(key, out);
  return out;
}

const canonicalCache = new Map<string, string | undefined>();

function computeCanonical(input: string | number, roundToMilli: boolean): string | undefined {
  const q = parseExactQuantity(input);
  if (!q) return undefined;
  const rem = roundToMilli ? q.nano % 1_000_000n : 0n;
  if (rem === 0n) return formatExactQuantity(q);
  return formatExactQuantity({ ...q, nano: q.nano + (rem > 0n ? 1_000_000n - rem : -rem) });
}

/** Compares two well-formed quantities: negative, zero or positive like Quantity.Cmp. */
export function compareQuantities(a: string | number, b: string | number): number {
  const x = parseExactQuantity(a)?.nano ?? 0n;
  const y = parseExactQuantity(b)?.nano ?? 0n;
  return x === y ? 0 : x < y ? -1 : 1;
}
