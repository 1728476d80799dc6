// What a resource.Quantity holds in memory after resource.ParseQuantity (apimachinery v0.31
// pkg/api/resource/quantity.go), which is what spew prints when it hashes a pod template: an
// int64 mantissa and decimal scale, the format, and the original string when it was already
// canonical. Quantities too large or too precise for int64 (held as inf.Dec upstream) are
// approximated as int64 here.

/** The unexported fields of a parsed Quantity, keyed as goTypes.ts expects. */
interface GoQuantity {
  i: { value: number; scale: number };
  s: string;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const DECIMAL: Record<string, number> = {
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
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const MAX_INT64_FACTORS = 18;
const INT64_MAX = 2n ** 63n - 1n;

function suffixOf(suf: string): { exponent: number; format: GoQuantity['format'] } | undefined {
  if (suf in DECIMAL) return { exponent: DECIMAL[suf] as number, format: 'DecimalSI' };
  if (suf in BINARY) return { exponent: BINARY[suf] as number, format: 'BinarySI' };
  const e = /^[eE]([+-]?\d+)$/.exec(suf);
  if (e) return { exponent: Number.parseInt(e[1] as string, 10), format: 'DecimalExponent' };
  return undefined;
}

/** Parses a quantity string into its in-memory form, as ParseQuantity does. */
export function parseGoQuantity(input: string | number): GoQuantity | undefined {
  const str = String(input);
  if (str === '0') return { i: { value: 0, scale: 0 }, s: str, format: 'DecimalSI' };
  const m = /^([+-]?)0*(\d*)(?:\.(\d*))?(.*)$/.exec(str);
  if (!m) return undefined;
  const negative = m[1] === '-';
  const num = m[2] === '' ? '0' : (m[2] as string);
  const denom = m[3] ?? '';
  const suffix = suffixOf(m[4] as string);
  if (!suffix) return undefined;
  const { exponent, format } = suffix;
  let scale = 0;
  let mantissa = 1n;
  let precision: number;
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    } else precision = -1;
  } else {
    scale = exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  }
  scale -= precision >= 0 ? denom.length : 0;
  const shifted = num + denom;
  const product = BigInt(shifted) * mantissa;
  const value = Number(negative ? -product : product);
  const fits = precision >= 0 && scale >= -9 && product <= INT64_MAX;
  // ParseQuantity keeps the input string only when it is already the canonical form.
  const canonical =
    fits &&
    (format === 'BinarySI'
      ? exponent % 10 === 0 && (BigInt(shifted) & 7n) !== 0n
      : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0');
  return { i: { value, scale }, s: canonical ? str : '', format };
}
