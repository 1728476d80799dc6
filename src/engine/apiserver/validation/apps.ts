import equal from 'fast-deep-equal';
import type { Deployment, ReplicaSet } from '../../api/types';
import type { FieldError } from '../errors';
import { child, forbidden, invalid, notSupported, required } from './field';
import { goIntOrString, goLabelSelector, goLiteral } from './goValue';
import { validateLabelSelector } from './labels';
import { isValidPercent } from './names';
import { validateTemplateForSelector, validateWorkloadSelector } from './template';

// Deployments and ReplicaSets (apps validation: ValidateDeploymentSpec, ValidateReplicaSetSpec,
// ValidateRollingUpdateDeployment, and the strategies' selector immutability for apps/v1).

const NONNEGATIVE = 'must be greater than or equal to 0';
type IntOrString = number | string;

function nonnegative(value: number | undefined, path: string): FieldError[] {
  return (value ?? 0) < 0 ? [invalid(path, value, NONNEGATIVE)] : [];
}

function validateSelectorAndTemplate(
  spec: Pick<NonNullable<ReplicaSet['spec']>, 'selector' | 'template'>,
  path: string,
): FieldError[] {
  const errs = validateWorkloadSelector(spec.selector, child(path, 'selector'));
  if (spec.selector && validateLabelSelector(spec.selector, child(path, 'selector')).length > 0) {
    errs.push(
      invalid(
        child(path, 'selector'),
        goLiteral(goLabelSelector(spec.selector)),
        'invalid label selector',
      ),
    );
    return errs;
  }
  return [
    ...errs,
    ...validateTemplateForSelector(spec.template, spec.selector, child(path, 'template')),
  ];
}

function percentOrInt(v: IntOrString | undefined): number {
  if (typeof v === 'string') return isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : 0;
  return v ?? 0;
}

function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string')
    return isValidPercent(v).map((m) => invalid(path, goLiteral(goIntOrString(v)), m));
  return nonnegative(v, path);
}

type Strategy = NonNullable<NonNullable<Deployment['spec']>['strategy']>;

function validateRollingUpdate(
  ru: NonNullable<Strategy['rollingUpdate']>,
  p: string,
): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, child(p, 'maxUnavailable')),
    ...validatePositiveIntOrPercent(ru.maxSurge, child(p, 'maxSurge')),
  ];
  const shown = goLiteral(goIntOrString(ru.maxUnavailable));
  if (percentOrInt(ru.maxUnavailable) === 0 && percentOrInt(ru.maxSurge) === 0)
    errs.push(invalid(child(p, 'maxUnavailable'), shown, 'may not be 0 when `maxSurge` is 0'));
  if (typeof ru.maxUnavailable === 'string' && percentOrInt(ru.maxUnavailable) > 100)
    errs.push(invalid(child(p, 'maxUnavailable'), shown, 'must not be greater than 100%'));
  return errs;
}

function validateStrategy(strategy: Strategy | undefined, path: string): FieldError[] {
  const s = strategy ?? {};
  const ruPath = child(path, 'rollingUpdate');
  if (s.type === 'Recreate')
    return s.rollingUpdate
      ? [forbidden(ruPath, "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  if (s.type !== 'RollingUpdate') {
    const shown = `apps.DeploymentStrategy{Type:${JSON.stringify(s.type ?? '')}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`;
    return [notSupported(path, goLiteral(shown), ['Recreate', 'RollingUpdate'])];
  }
  if (!s.rollingUpdate) return [required(ruPath, 'this should be defaulted and never be nil')];
  return validateRollingUpdate(s.rollingUpdate, ruPath);
}

/** Validates a Deployment's spec (ValidateDeploymentSpec). */
export function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec ?? ({} as NonNullable<Deployment['spec']>);
  const errs = [
    ...nonnegative(spec.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(spec, 'spec'),
  ];
  errs.push(...validateStrategy(spec.strategy, 'spec.strategy'));
  errs.push(...nonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const pds = spec.progressDeadlineSeconds;
  if (pds != null) {
    errs.push(...nonnegative(pds, 'spec.progressDeadlineSeconds'));
    if (pds <= (spec.minReadySeconds ?? 0))
      errs.push(
        invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'),
      );
  }
  return errs;
}

/** Validates a ReplicaSet's spec (ValidateReplicaSetSpec). */
export function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? ({} as NonNullable<ReplicaSet['spec']>);
  return [
    ...nonnegative(spec.replicas, 'spec.replicas'),
    ...nonnegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec, 'spec'),
  ];
}

/** Refuses a changed selector, as apps/v1 Deployment and ReplicaSet updates do. */
export function validateSelectorImmutable(
  next: Deployment | ReplicaSet,
  old: Deployment | ReplicaSet,
): FieldError[] {
  const sel = next.spec?.selector;
  if (equal(sel ?? null, old.spec?.selector ?? null)) return [];
  return [
    invalid('spec.selector', sel ? goLiteral(goLabelSelector(sel)) : null, 'field is immutable'),
  ];
}

type ReplicaCounts = Partial<
  Record<
    'replicas' | 'readyReplicas' | 'availableReplicas' | 'updatedReplicas' | 'fullyLabeledReplicas',
    number
  >
>;

/** Validates replica counts in a Deployment or ReplicaSet status. */
export function validateReplicaStatus(
  status: ReplicaCounts & { observedGeneration?: number },
): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of [
    'observedGeneration',
    'replicas',
    'updatedReplicas',
    'fullyLabeledReplicas',
    'readyReplicas',
    'availableReplicas',
  ] as const)
    errs.push(...nonnegative(status[f], child('status', f)));
  const total = status.replicas ?? 0;
  const msg = 'cannot be greater than status.replicas';
  for (const f of [
    'updatedReplicas',
    'fullyLabeledReplicas',
    'readyReplicas',
    'availableReplicas',
  ] as const)
    if ((status[f] ?? 0) > total) errs.push(invalid(child('status', f), status[f], msg));
  if ((status.availableReplicas ?? 0) > (status.readyReplicas ?? 0))
    errs.push(
      invalid(
        'status.availableReplicas',
        status.availableReplicas,
        'cannot be greater than readyReplicas',
      ),
    );
  return errs;
}
