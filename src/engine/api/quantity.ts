// Resource quantities as in k8s.io/apimachinery/pkg/api/resource: "100m", "1.5", "128Mi", "1e3".

const binary: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const decimal: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const pattern =
  /^([+-]?[0-9]+(?:\.[0-9]*)?|[+-]?\.[0-9]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** Returns the quantity's value in base units (cores, bytes, count), or undefined if malformed. */
export function parseQuantity(input: string | number | undefined): number | undefined {
  if (input === undefined) return undefined;
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  const m = pattern.exec(input.trim());
  if (!m) return undefined;
  const value = Number(m[1]);
  if (m[2]) return value * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? '';
  return value * (binary[suffix] ?? decimal[suffix] ?? 1);
}

/** Reports whether a string is a valid quantity, the check the apiserver's decoder makes. */
export function isQuantity(input: string | number): boolean {
  return parseQuantity(input) !== undefined;
}

/** Returns a quantity as integer milli-units (what the scheduler sums for CPU), rounding up. */
export function milliValue(input: string | number | undefined): number {
  const v = parseQuantity(input);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e9) / 1e6);
}

/** Returns a quantity as an integer count of base units (bytes, pods), rounding up like Value(). */
export function intValue(input: string | number | undefined): number {
  const v = parseQuantity(input);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e3) / 1e3);
}

/** Formats milli-CPU the way kubectl prints it: "100m", "2", "1500m". */
export function formatMilliCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Formats bytes as kubectl does for canonical binary quantities: "128Mi", "8Gi", "1000". */
export function formatBytes(bytes: number): string {
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'] as const) {
    const unit = binary[suffix] as number;
    if (bytes !== 0 && bytes % unit === 0) return `${bytes / unit}${suffix}`;
  }
  return String(bytes);
}
