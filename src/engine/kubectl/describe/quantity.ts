// Resource quantities as describe prints them: resource.Quantity's exact value, its format
// (taken from the suffix), and String(), which writes the canonical form: "1500m" not "1.5",
// "2" not "2000m", "128Mi" not "134217728", "8130700Ki". Sums keep the first operand's format.

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const NANO = 1_000_000_000n;
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
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
const PATTERN =
  /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

/** An exact quantity: a count of nano-units and the format String() writes it in. */
export class Quantity {
  constructor(
    readonly nanos: bigint,
    readonly format: Format = 'DecimalSI',
  ) {}

  /** Parses "100m", "1.5Gi", "1e3", "4"; undefined when malformed. */
  static parse(input: string | number | undefined): Quantity | undefined {
    if (input === undefined) return undefined;
    const m = PATTERN.exec(String(input).trim());
    if (!m || `${m[2]}${m[3] ?? ''}` === '') return undefined;
    const [, sign, int = '', frac = '', exp, suffix = ''] = m;
    const digits = BigInt(`${int}${frac}` || '0');
    let num = digits * NANO;
    let den = 10n ** BigInt(frac.length);
    let format: Format = 'DecimalSI';
    if (exp !== undefined) {
      format = 'DecimalExponent';
      [num, den] = scale10(num, den, Number(exp));
    } else if (suffix in BINARY) {
      format = 'BinarySI';
      num *= 1024n ** BigInt(BINARY[suffix] as number);
    } else {
      [num, den] = scale10(num, den, DECIMAL[suffix] as number);
    }
    // Precision below a nano-unit rounds up, as Quantity does.
    const nanos = (num + den - 1n) / den;
    return new Quantity(sign === '-' ? -nanos : nanos, format);
  }

  /** Returns this plus other, in this quantity's format (Quantity.Add). */
  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.format);
  }

  /** Returns the value in milli-units, rounded up (MilliValue). */
  milliValue(): number {
    return Number(ceilDiv(this.nanos, 1_000_000n));
  }

  /** Returns the value in base units, rounded up (Value). */
  value(): number {
    return Number(ceilDiv(this.nanos, NANO));
  }

  /** Compares with another quantity: -1, 0 or 1 (Cmp). */
  cmp(other: Quantity): number {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }

  /** Writes the canonical form (CanonicalizeBytes). */
  toString(): string {
    if (this.nanos === 0n) return '0';
    const sign = this.nanos < 0n ? '-' : '';
    const abs = this.nanos < 0n ? -this.nanos : this.nanos;
    // BinarySI only when the value is a whole number of at least 1024; otherwise decimal.
    if (this.format === 'BinarySI' && abs >= 1024n * NANO && abs % NANO === 0n) {
      let v = abs / NANO;
      let exp = 0;
      while (v % 1024n === 0n && exp < 6) {
        v /= 1024n;
        exp++;
      }
      return `${sign}${v}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][exp]}`;
    }
    let mantissa = abs;
    let exp = -9;
    while (mantissa % 1000n === 0n && exp < 18) {
      mantissa /= 1000n;
      exp += 3;
    }
    const suffix =
      this.format === 'DecimalExponent'
        ? exp === 0
          ? ''
          : `e${exp}`
        : (Object.keys(DECIMAL).find((k) => DECIMAL[k] === exp) as string);
    return `${sign}${mantissa}${suffix}`;
  }
}

function scale10(num: bigint, den: bigint, exp: number): [bigint, bigint] {
  return exp >= 0 ? [num * 10n ** BigInt(exp), den] : [num, den * 10n ** BigInt(-exp)];
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b > 0n ? q + 1n : q;
}

/** A zero quantity (what a missing entry of a ResourceList reads as). */
export const ZERO = new Quantity(0n);

/** Sums named quantities into a list, keeping each name's first format (addResourceList). */
export function addResourceList(
  into: Map<string, Quantity>,
  list: Readonly<Record<string, string | number>> | undefined,
): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    const q = Quantity.parse(raw);
    if (!q) continue;
    const prev = into.get(name);
    into.set(name, prev ? prev.add(q) : q);
  }
}
