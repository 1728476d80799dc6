import type { Container, Probe } from '../../api/types';
import type { FieldError } from '../errors';
import { child, forbidden, invalid, invalidEach, notSupported, required } from './field';
import { isValidPortName, isValidPortNum, regexError } from './names';

// Probes and lifecycle hooks (core validation: validateProbe, validateHandler and friends).

type Handler = {
  exec?: { command?: string[] };
  httpGet?: {
    path?: string;
    port: number | string;
    scheme?: string;
    httpHeaders?: { name: string }[];
  };
  tcpSocket?: { port: number | string };
  grpc?: { port: number };
  sleep?: { seconds: number };
};

const NONNEGATIVE = 'must be greater than or equal to 0';

/** Validates a port given as a number or an IANA name (ValidatePortNumOrName). */
export function validatePortNumOrName(port: number | string, path: string): FieldError[] {
  if (typeof port === 'number') return invalidEach(path, port, isValidPortNum(port));
  return invalidEach(path, port, isValidPortName(port));
}

function validateHttpGet(h: NonNullable<Handler['httpGet']>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!h.path) errs.push(required(child(path, 'path')));
  errs.push(...validatePortNumOrName(h.port, child(path, 'port')));
  if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS')
    errs.push(notSupported(child(path, 'scheme'), h.scheme ?? '', ['HTTP', 'HTTPS']));
  for (const header of h.httpHeaders ?? []) {
    if (!/^[-A-Za-z0-9]+$/.test(header.name))
      errs.push(
        invalid(
          child(path, 'httpHeaders'),
          header.name,
          regexError(
            "a valid HTTP header must consist of alphanumeric characters or '-'",
            '[-A-Za-z0-9]+',
            'X-Header-Name',
          ),
        ),
      );
  }
  return errs;
}

function validateSleep(seconds: number, grace: number | undefined, path: string): FieldError[] {
  if (grace === undefined || (seconds > 0 && seconds <= grace)) return [];
  return [
    invalid(
      path,
      seconds,
      `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`,
    ),
  ];
}

function validateOne(name: keyof Handler, h: Handler, grace: number | undefined, path: string) {
  switch (name) {
    case 'exec':
      return h.exec?.command?.length ? [] : [required(child(path, 'command'))];
    case 'httpGet':
      return validateHttpGet(h.httpGet as NonNullable<Handler['httpGet']>, path);
    case 'tcpSocket':
      return validatePortNumOrName(h.tcpSocket?.port ?? 0, child(path, 'port'));
    case 'grpc':
      return validatePortNumOrName(h.grpc?.port ?? 0, child(path, 'port'));
    case 'sleep':
      return validateSleep(h.sleep?.seconds ?? 0, grace, path);
  }
}

/** Validates that exactly one handler type is set, and that one (validateHandler). */
export function validateHandler(
  h: Handler,
  kinds: readonly (keyof Handler)[],
  grace: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const name of kinds) {
    if (h[name] === undefined || h[name] === null) continue;
    if (count > 0)
      errs.push(forbidden(child(path, name), 'may not specify more than 1 handler type'));
    else errs.push(...validateOne(name, h, grace, child(path, name)));
    count++;
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(probe: Probe, grace: number | undefined, path: string): FieldError[] {
  const errs = validateHandler(
    probe as Handler,
    ['exec', 'httpGet', 'tcpSocket', 'grpc'],
    grace,
    path,
  );
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    const v = probe[f] ?? 0;
    if (v < 0) errs.push(invalid(child(path, f), v, NONNEGATIVE));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && tgps !== null && tgps <= 0)
    errs.push(
      invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must be greater than 0'),
    );
  return errs;
}

/** Validates a container's liveness, readiness and startup probes. */
export function validateProbes(
  c: Container,
  grace: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = c[kind];
    if (!probe) continue;
    const p = child(path, kind);
    errs.push(...validateProbe(probe, grace, p));
    if (kind !== 'readinessProbe' && (probe.successThreshold ?? 0) !== 1)
      errs.push(invalid(child(p, 'successThreshold'), probe.successThreshold ?? 0, 'must be 1'));
    if (kind === 'readinessProbe' && probe.terminationGracePeriodSeconds != null)
      errs.push(
        invalid(
          child(p, 'terminationGracePeriodSeconds'),
          probe.terminationGracePeriodSeconds,
          'must not be set for readinessProbes',
        ),
      );
  }
  return errs;
}

/** Validates postStart and preStop hooks. */
export function validateLifecycle(
  c: Container,
  grace: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const h = c.lifecycle?.[hook];
    if (h)
      errs.push(
        ...validateHandler(
          h as Handler,
          ['exec', 'httpGet', 'tcpSocket', 'sleep'],
          grace,
          child(path, hook),
        ),
      );
  }
  return errs;
}
