import type { Pod, PodSpec } from '../../api/types';
import type { FieldError } from '../errors';
import { child, forbidden, index, invalid, key } from './field';
import { validatePodSpec } from './podSpec';

// Pod validation on create (core validation: ValidatePodCreate, validatePodMetadataAndSpec,
// ValidatePodSpecificAnnotations). ObjectMeta is validated by the handlers beforehand.

/** The annotation the ReplicaSet controller reads to pick cheaper pods to delete first. */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
/** The annotation the kubelet puts on mirror pods of static pods. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** Validates the annotations pods give meaning to. */
export function validatePodAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  spec: PodSpec | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const mirror = annotations?.[MIRROR_POD_ANNOTATION];
  if (mirror !== undefined && !spec?.nodeName)
    errs.push(
      invalid(
        key(path, MIRROR_POD_ANNOTATION),
        mirror,
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    );
  const cost = annotations?.[POD_DELETION_COST_ANNOTATION];
  if (cost !== undefined && !isInt32(cost))
    errs.push(invalid(key(path, POD_DELETION_COST_ANNOTATION), cost, 'must be a 32bit integer'));
  return errs;
}

// helper.GetDeletionCostFromPodAnnotations: a base-10 int32 without leading '+' or spaces.
function isInt32(s: string): boolean {
  if (!/^-?[0-9]+$/.test(s)) return false;
  const n = Number(s);
  return n >= -2147483648 && n <= 2147483647;
}

function validateTokenProjections(spec: PodSpec): FieldError[] {
  if (spec.serviceAccountName) return [];
  const errs: FieldError[] = [];
  (spec.volumes ?? []).forEach((v, vi) =>
    (v.projected?.sources ?? []).forEach((s, si) => {
      if (!s.serviceAccountToken) return;
      const p = child(
        index(child(index('spec.volumes', vi), 'projected', 'sources'), si),
        'serviceAccountToken',
      );
      errs.push(forbidden(p, 'must not be specified when serviceAccountName is not set'));
    }),
  );
  return errs;
}

function validateImageWhitespace(spec: PodSpec): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    (spec[list] ?? []).forEach((c, i) => {
      if (c.image && c.image.trim() !== c.image)
        errs.push(
          invalid(
            child(index(child('spec', list), i), 'image'),
            c.image,
            'must not have leading or trailing whitespace',
          ),
        );
    });
  }
  return errs;
}

/** Validates a pod's annotations and spec (validatePodMetadataAndSpec without ObjectMeta). */
export function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const spec = pod.spec ?? ({ containers: [] } as PodSpec);
  return [
    ...validatePodAnnotations(pod.metadata?.annotations, spec, 'metadata.annotations'),
    ...validatePodSpec(spec, 'spec', { isPod: true }),
    ...validateTokenProjections(spec),
    ...validateImageWhitespace(spec),
  ];
}

/** Validates a new pod (ValidatePodCreate). */
export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  if (pod.spec?.ephemeralContainers?.length)
    errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (pod.spec?.nodeName && pod.spec.schedulingGates?.length)
    errs.push(
      forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'),
    );
  return errs;
}
