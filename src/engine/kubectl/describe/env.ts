import type { Container, Pod } from '../../api/types';
import { Quantity, ZERO } from './quantity';
import { LEVEL_2, LEVEL_3, type PrefixWriter } from './writer';

// A container's "Environment Variables from:" and "Environment:" blocks (describe.go
// describeContainerEnvFrom and describeContainerEnvVars).

/** Prints envFrom sources (when any) then env vars, each with where its value comes from. */
export function describeEnv(
  w: PrefixWriter,
  c: Container,
  resolve: ((fieldPath: string) => string) | undefined,
): void {
  if (c.envFrom?.length) describeEnvFrom(w, c.envFrom);
  w.write(LEVEL_2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`);
  for (const e of c.env ?? []) describeEnvVar(w, c, e, resolve);
}

function describeEnvFrom(w: PrefixWriter, sources: NonNullable<Container['envFrom']>): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of sources) {
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const ref = e.configMapRef ?? e.secretRef;
    const prefix = e.prefix ? ` with prefix '${e.prefix}'` : '';
    w.write(LEVEL_3, `${ref?.name ?? ''}\t${from}${prefix}\tOptional: ${ref?.optional === true}\n`);
  }
}

function describeEnvVar(
  w: PrefixWriter,
  c: Container,
  e: NonNullable<Container['env']>[number],
  resolve: ((fieldPath: string) => string) | undefined,
): void {
  const from = e.valueFrom;
  if (!from) {
    (e.value ?? '')
      .split('\n')
      .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
  } else if (from.fieldRef) {
    const value = resolve ? resolve(from.fieldRef.fieldPath) : '';
    w.write(
      LEVEL_3,
      `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`,
    );
  } else if (from.resourceFieldRef) {
    const resource = from.resourceFieldRef.resource;
    let value = resourceFieldValue(c, resource, from.resourceFieldRef.divisor);
    if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory'))
      value = 'node allocatable';
    w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
  } else if (from.secretKeyRef) {
    const r = from.secretKeyRef;
    w.write(
      LEVEL_3,
      `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`,
    );
  } else if (from.configMapKeyRef) {
    const r = from.configMapKeyRef;
    w.write(
      LEVEL_3,
      `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`,
    );
  }
}

// ExtractContainerResourceValue: cpu in ceil(milli / divisor milli), others in ceil(value /
// divisor); an unset limit reads as 0.
function resourceFieldValue(
  c: Container,
  resource: string,
  divisor: string | number | undefined,
): string {
  const d = Quantity.parse(divisor);
  const div = d && d.cmp(ZERO) !== 0 ? d : (Quantity.parse('1') as Quantity);
  const [field, name] = resource.split('.') as [string, string | undefined];
  const list =
    field === 'limits'
      ? c.resources?.limits
      : field === 'requests'
        ? c.resources?.requests
        : undefined;
  if (!list && field !== 'limits' && field !== 'requests') return '';
  const q = Quantity.parse(list?.[name ?? '']) ?? ZERO;
  const value = name === 'cpu' ? q.milliValue() / div.milliValue() : q.value() / div.value();
  return String(Math.ceil(value));
}

/** Returns the resolver describe pod uses for fieldRef env vars: metadata fields only, as
 * kubectl's fieldpath.ExtractFieldPathAsString; anything else prints empty. */
export function envResolver(pod: Pod): (fieldPath: string) => string {
  return (fieldPath) => {
    const meta = pod.metadata ?? {};
    const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fieldPath);
    if (sub)
      return (
        (sub[1] === 'metadata.labels' ? meta.labels : meta.annotations)?.[sub[2] as string] ?? ''
      );
    switch (fieldPath) {
      case 'metadata.name':
        return meta.name ?? '';
      case 'metadata.namespace':
        return meta.namespace ?? '';
      case 'metadata.uid':
        return meta.uid ?? '';
      case 'metadata.labels':
        return formatMap(meta.labels);
      case 'metadata.annotations':
        return formatMap(meta.annotations);
      default:
        return '';
    }
  };
}

function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify((m as Record<string, string>)[k])}`)
    .join('\n');
}
