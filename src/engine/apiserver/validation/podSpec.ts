import type { PodSpec } from '../../api/types';
import type { FieldError } from '../errors';
import { validateContainers, validateInitContainers } from './container';
import { child, duplicate, index, invalid, invalidEach, notSupported, required } from './field';
import { validateLabelName, validateLabels } from './labels';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain } from './names';
import { validateTolerations } from './tolerations';
import { validateVolumes } from './volumes';

// PodSpec validation (core validation: ValidatePodSpec), in upstream's order so multi-error
// messages list problems as a real apiserver does.

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
/** The preemption policies a pod or PriorityClass may name (core.PreemptionPolicy). */
export const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const MAX_INT32 = 2147483647;

/** How a PodSpec is being validated: a Pod's own spec or a template in a workload. */
export interface PodSpecOptions {
  /** True for a Pod; false for a template, where hostPort may stay 0 under hostNetwork. */
  isPod: boolean;
}

/** Validates a required enum field: Required when empty, NotSupported when unknown. */
export function validateEnumField(
  value: string | undefined,
  valid: readonly string[],
  path: string,
): FieldError[] {
  if (!value) return [required(path)];
  return valid.includes(value) ? [] : [notSupported(path, value, valid)];
}

function validateHostNetworkPorts(spec: PodSpec, path: string, opts: PodSpecOptions): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  spec.containers?.forEach((c, i) =>
    c.ports?.forEach((port, j) => {
      const hp = port.hostPort ?? 0;
      if ((opts.isPod || hp !== 0) && hp !== port.containerPort)
        errs.push(
          invalid(
            child(index(child(index(child(path, 'containers'), i), 'ports'), j), 'hostPort'),
            hp,
            'must match `containerPort` when `hostNetwork` is true',
          ),
        );
    }),
  );
  return errs;
}

function validateSchedulingGates(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (spec.schedulingGates ?? []).forEach((g, i) => {
    errs.push(...validateLabelName(g.name, index(path, i)));
    if (seen.has(g.name)) errs.push(duplicate(index(path, i), g.name));
    seen.add(g.name);
  });
  return errs;
}

function validateNames(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const check = (field: keyof PodSpec, fn: (v: string) => string[]) => {
    const v = spec[field];
    if (typeof v === 'string' && v.length > 0)
      errs.push(...invalidEach(child(path, field), v, fn(v)));
  };
  check('serviceAccountName', isDNS1123Subdomain);
  check('nodeName', isDNS1123Subdomain);
  const ads = spec.activeDeadlineSeconds;
  if (ads != null && (ads < 1 || ads > MAX_INT32))
    errs.push(
      invalid(child(path, 'activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)),
    );
  check('hostname', isDNS1123Label);
  check('subdomain', isDNS1123Label);
  return errs;
}

function validateContainersAndVolumes(
  spec: PodSpec,
  path: string,
  opts: PodSpecOptions,
): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds == null)
    errs.push(required(child(path, 'terminationGracePeriodSeconds')));
  const grace = spec.terminationGracePeriodSeconds ?? undefined;
  const vols = validateVolumes(spec.volumes, child(path, 'volumes'));
  errs.push(...vols.errors);
  errs.push(...validateContainers(spec.containers, vols.names, grace, child(path, 'containers')));
  const initPath = child(path, 'initContainers');
  errs.push(
    ...validateInitContainers(spec.initContainers, spec.containers, vols.names, grace, initPath),
  );
  errs.push(...validateHostNetworkPorts(spec, path, opts));
  return errs;
}

function validateSchedulingFields(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(
    ...validateEnumField(spec.restartPolicy, RESTART_POLICIES, child(path, 'restartPolicy')),
  );
  errs.push(...validateEnumField(spec.dnsPolicy, DNS_POLICIES, child(path, 'dnsPolicy')));
  errs.push(...validateLabels(spec.nodeSelector, child(path, 'nodeSelector')));
  if (spec.dnsPolicy === 'None' && !spec.dnsConfig)
    errs.push(
      required(child(path, 'dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'),
    );
  (spec.readinessGates ?? []).forEach((g, i) => {
    const p = child(index(child(path, 'readinessGates'), i), 'conditionType');
    errs.push(...validateLabelName(g.conditionType, p));
  });
  errs.push(...validateSchedulingGates(spec, child(path, 'schedulingGates')));
  errs.push(...validateNames(spec, path));
  if (spec.tolerations?.length)
    errs.push(...validateTolerations(spec.tolerations, child(path, 'tolerations')));
  const pc = spec.priorityClassName;
  if (pc) errs.push(...invalidEach(child(path, 'priorityClassName'), pc, isDNS1123Subdomain(pc)));
  if (spec.preemptionPolicy != null)
    errs.push(
      ...validateEnumField(
        spec.preemptionPolicy,
        PREEMPTION_POLICIES,
        child(path, 'preemptionPolicy'),
      ),
    );
  if (spec.os && spec.os.name !== 'linux' && spec.os.name !== 'windows')
    errs.push(notSupported(child(path, 'os', 'name'), spec.os.name, ['linux', 'windows']));
  return errs;
}

/** Validates a PodSpec (a Pod's, or a workload template's). */
export function validatePodSpec(spec: PodSpec, path: string, opts: PodSpecOptions): FieldError[] {
  return [
    ...validateContainersAndVolumes(spec, path, opts),
    ...validateSchedulingFields(spec, path),
  ];
}
