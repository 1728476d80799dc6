import type { Deployment, LabelSelector } from '../../api/types';
import { fromLabelSelector, matches } from '../../api/labels';
import type { FieldError } from '../errors';
import { child, forbidden, invalid, notSupported, required } from './field';
import { goLabelSelector, goLiteral, goStringMap } from './goValue';
import { validateAnnotations, validateLabelSelector, validateLabels } from './labels';
import { validatePodAnnotations } from './pod';
import { validatePodSpec } from './podSpec';

// Workload selectors and pod templates (apps validation: ValidatePodTemplateSpecForReplicaSet;
// core validation: ValidatePodTemplateSpec).

/** A pod template as workloads embed it. */
export type PodTemplateSpec = NonNullable<Deployment['spec']>['template'];

/** The message when a workload's selector does not select its own template. */
export const SELECTOR_MISMATCH = '`selector` does not match template `labels`';

/** Validates a pod template: its labels, annotations and spec (ValidatePodTemplateSpec). */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: string): FieldError[] {
  const meta = template.metadata ?? {};
  const spec = template.spec ?? { containers: [] };
  const errs = [
    ...validateLabels(meta.labels, child(path, 'labels')),
    ...validateAnnotations(meta.annotations, child(path, 'annotations')),
    ...validatePodAnnotations(meta.annotations, spec, child(path, 'annotations')),
    ...validatePodSpec(spec, child(path, 'spec'), { isPod: false }),
  ];
  if (spec.ephemeralContainers?.length)
    errs.push(
      forbidden(
        child(path, 'spec', 'ephemeralContainers'),
        'ephemeral containers not allowed in pod template',
      ),
    );
  return errs;
}

/**
 * Validates a workload's selector: required, well formed and not empty. Upstream's message says
 * "deployment" for ReplicaSets too.
 */
export function validateWorkloadSelector(
  sel: LabelSelector | undefined,
  path: string,
): FieldError[] {
  if (!sel) return [required(path)];
  const errs = validateLabelSelector(sel, path);
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0)
    errs.push(
      invalid(path, goLiteral(goLabelSelector(sel)), 'empty selector is invalid for deployment'),
    );
  return errs;
}

/**
 * Validates a ReplicaSet's or Deployment's template against its selector, then the template
 * itself; workload pods must always restart (ValidatePodTemplateSpecForReplicaSet, whose message
 * names ReplicaSet for Deployments too).
 */
export function validateTemplateForSelector(
  template: PodTemplateSpec | undefined,
  sel: LabelSelector | undefined,
  path: string,
): FieldError[] {
  if (!template) return [required(path)];
  const errs: FieldError[] = [];
  // A missing selector selects nothing (labels.Nothing), so it also fails to match.
  const requirements = fromLabelSelector(sel);
  const labels = template.metadata?.labels;
  if (requirements === null || (requirements.length > 0 && !matches(requirements, labels)))
    errs.push(
      invalid(child(path, 'metadata', 'labels'), goLiteral(goStringMap(labels)), SELECTOR_MISMATCH),
    );
  errs.push(...validatePodTemplateSpec(template, path));
  const policy = template.spec?.restartPolicy ?? '';
  if (policy !== 'Always')
    errs.push(notSupported(child(path, 'spec', 'restartPolicy'), policy, ['Always']));
  if (template.spec?.activeDeadlineSeconds != null)
    errs.push(
      forbidden(
        child(path, 'spec', 'activeDeadlineSeconds'),
        'activeDeadlineSeconds in ReplicaSet is not Supported',
      ),
    );
  return errs;
}
