import type { Container } from '../../api/types';
import type { FieldError } from '../errors';
import {
  child,
  duplicate,
  forbidden,
  index,
  invalid,
  invalidEach,
  notFound,
  notSupported,
  required,
} from './field';
import { isDNS1123Label, isValidPortName, isValidPortNum, regexError } from './names';
import { validateLifecycle, validateProbes } from './probes';
import { validateResourceRequirements } from './resources';

// Containers (core validation: validateContainerCommon, validateContainers,
// validateInitContainers, validateContainerPorts, ValidateEnv, ValidateVolumeMounts).

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const ENV_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

function validatePorts(ports: Container['ports'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) errs.push(...invalidEach(child(p, 'name'), port.name, msgs));
      else if (names.has(port.name)) errs.push(duplicate(child(p, 'name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(child(p, 'containerPort')));
    else
      errs.push(
        ...invalidEach(
          child(p, 'containerPort'),
          port.containerPort,
          isValidPortNum(port.containerPort),
        ),
      );
    if (port.hostPort)
      errs.push(...invalidEach(child(p, 'hostPort'), port.hostPort, isValidPortNum(port.hostPort)));
    if (!port.protocol) errs.push(required(child(p, 'protocol')));
    else if (!PROTOCOLS.includes(port.protocol))
      errs.push(notSupported(child(p, 'protocol'), port.protocol, PROTOCOLS));
  });
  return errs;
}

function envNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!new RegExp(`^${ENV_NAME_FMT}$`).test(name))
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_NAME_FMT,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  if (name === '.') errs.push("must not be '.'");
  else if (name === '..') errs.push("must not be '..'");
  else if (name.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function validateEnv(env: Container['env'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (!ev.name) errs.push(required(child(p, 'name')));
    else errs.push(...invalidEach(child(p, 'name'), ev.name, envNameErrors(ev.name)));
    const from = ev.valueFrom;
    if (!from) return;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter(
      (s) => from[s as keyof typeof from] != null,
    );
    const fp = child(p, 'valueFrom');
    if (sources.length === 0)
      errs.push(
        invalid(
          fp,
          '',
          'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        ),
      );
    else if (ev.value) errs.push(invalid(fp, '', 'may not be specified when `value` is not empty'));
    else if (sources.length > 1)
      errs.push(invalid(fp, '', 'may not have more than one field specified at a time'));
    const fieldPath = from.fieldRef?.fieldPath;
    if (
      fieldPath !== undefined &&
      !/^metadata\.(labels|annotations)\[/.test(fieldPath) &&
      !ENV_FIELD_PATHS.includes(fieldPath)
    )
      errs.push(notSupported(child(fp, 'fieldRef', 'fieldPath'), fieldPath, ENV_FIELD_PATHS));
  });
  return errs;
}

function validateVolumeMounts(
  c: Container,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = index(path, i);
    if (!m.name) errs.push(required(child(p, 'name')));
    if (!volumes.has(m.name)) errs.push(notFound(child(p, 'name'), m.name));
    if (!m.mountPath) errs.push(required(child(p, 'mountPath')));
    if (mountPaths.has(m.mountPath))
      errs.push(invalid(child(p, 'mountPath'), m.mountPath, 'must be unique'));
    mountPaths.add(m.mountPath);
  });
  return errs;
}

/** Validates what every container kind shares: name, image, ports, env, mounts, resources. */
export function validateContainerCommon(
  c: Container,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(child(path, 'name')));
  else errs.push(...invalidEach(child(path, 'name'), c.name, isDNS1123Label(c.name)));
  if (!c.image) errs.push(required(child(path, 'image')));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required(child(path, 'terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError')
    errs.push(
      notSupported(child(path, 'terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']),
    );
  errs.push(...validatePorts(c.ports, child(path, 'ports')));
  errs.push(...validateEnv(c.env, child(path, 'env')));
  errs.push(...validateVolumeMounts(c, volumes, child(path, 'volumeMounts')));
  if (!c.imagePullPolicy) errs.push(required(child(path, 'imagePullPolicy')));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy))
    errs.push(notSupported(child(path, 'imagePullPolicy'), c.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResourceRequirements(c.resources, child(path, 'resources')));
  return errs;
}

function hostPortConflicts(containers: readonly Container[], path: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((c, ci) =>
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const id = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(id))
        errs.push(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), id));
      seen.add(id);
    }),
  );
  return errs;
}

/** Validates the regular containers: at least one, unique names, probes, lifecycle. */
export function validateContainers(
  containers: readonly Container[] | undefined,
  volumes: ReadonlySet<string>,
  grace: number | undefined,
  path: string,
): FieldError[] {
  if (!containers || containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else names.add(c.name);
    errs.push(...validateLifecycle(c, grace, child(p, 'lifecycle')));
    errs.push(...validateProbes(c, grace, p));
    if (c.restartPolicy != null)
      errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  return [...errs, ...hostPortConflicts(containers, path)];
}

const INIT_ONLY = 'may not be set for init containers without restartPolicy=Always';

/** Validates init containers: names unique across all containers, no probes unless sidecars. */
export function validateInitContainers(
  inits: readonly Container[] | undefined,
  regular: readonly Container[] | undefined,
  volumes: ReadonlySet<string>,
  grace: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    const sidecar = c.restartPolicy === 'Always';
    if (c.restartPolicy != null && !sidecar)
      errs.push(notSupported(child(p, 'restartPolicy'), c.restartPolicy, ['Always']));
    if (names.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else if (c.name) names.add(c.name);
    errs.push(...hostPortConflicts([c], path));
    if (sidecar) {
      errs.push(...validateLifecycle(c, grace, child(p, 'lifecycle')));
      errs.push(...validateProbes(c, grace, p));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const)
        if (c[f] != null) errs.push(forbidden(child(p, f), INIT_ONLY));
    }
  });
  return errs;
}
