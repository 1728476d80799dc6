import type { EnvVar } from 'kubernetes-types/core/v1';
import { KubectlError } from '../errors';

// Parameter parsing for kubectl run (generate.ParseLabels, versioned.parseEnvs, cmdutil.ParsePairs,
// utilsnet.ParsePort), each with kubectl's error text.

/** Parses --labels "a=b,c=d" as generate.ParseLabels does. */
export function parseLabelSpec(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${item}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    labels[kv[0] as string] = kv[1] as string;
  }
  return labels;
}

/** Parses --env NAME=value entries (versioned.parseEnvs). */
export function parseEnvs(entries: readonly string[]): EnvVar[] {
  return entries.map((env) => {
    const pos = env.indexOf('=');
    const name = pos < 0 ? '' : env.slice(0, pos);
    if (pos < 0 || name === '' || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) {
      throw new KubectlError(`invalid env: ${env}`);
    }
    return { name, value: env.slice(pos + 1) };
  });
}

/** Parses key=value pairs (cmdutil.ParsePairs without removal). */
export function parsePairs(pairs: readonly string[], pairType: string): Record<string, string> {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) out[p.slice(0, eq)] = p.slice(eq + 1);
    else invalid.push(p);
  }
  if (invalid.length > 0)
    throw new KubectlError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return out;
}

/** Parses --port as utilsnet.ParsePort(port, true) does. */
export function parsePort(port: string): number {
  if (!/^[0-9]+$/.test(port)) {
    throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(port)}: invalid syntax`);
  }
  const n = Number(port);
  if (n > 65535)
    throw new KubectlError(
      `strconv.ParseUint: parsing ${JSON.stringify(port)}: value out of range`,
    );
  return n;
}
