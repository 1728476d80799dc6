import equal from 'fast-deep-equal';
import type { Container, Pod, PodSpec, Toleration } from '../../api/types';
import { wireCopy } from '../../api/object';
import type { FieldError } from '../errors';
import { child, forbidden, index, invalid, key, required } from './field';
import { inclusiveRangeError } from './names';
import { MIRROR_POD_ANNOTATION, validatePodAnnotations, validatePodMetadataAndSpec } from './pod';
import { validateTolerations } from './tolerations';

// Pod updates (core validation: ValidatePodUpdate). A pod's spec is immutable except for images,
// activeDeadlineSeconds, added tolerations, removed scheduling gates and a negative grace period.

/** The fields a pod update may change, as the Forbidden message lists them (v1.31). */
export const POD_UPDATABLE_FIELDS =
  '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const MAX_INT32 = 2147483647;

function validateContainerUpdates(
  next: readonly Container[] | undefined,
  prev: readonly Container[] | undefined,
  path: string,
): { errs: FieldError[]; stop: boolean } {
  if ((next ?? []).length !== (prev ?? []).length)
    return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  (next ?? []).forEach((c, i) => {
    if (!c.image) errs.push(required(child(index(path, i), 'image')));
    else if (c.image.trim() !== c.image)
      errs.push(
        invalid(
          child(index(path, i), 'image'),
          c.image,
          'must not have leading or trailing whitespace',
        ),
      );
  });
  return { errs, stop: false };
}

function validateActiveDeadline(spec: PodSpec, old: PodSpec): FieldError[] {
  const next = spec.activeDeadlineSeconds;
  const prev = old.activeDeadlineSeconds;
  const path = 'spec.activeDeadlineSeconds';
  if (next == null)
    return prev == null
      ? []
      : [invalid(path, null, 'must not update from a positive integer to nil value')];
  if (next < 0 || next > MAX_INT32) return [invalid(path, next, inclusiveRangeError(0, MAX_INT32))];
  if (prev != null && prev < next)
    return [invalid(path, next, 'must be less than or equal to previous value')];
  return [];
}

function validateOnlyAddedTolerations(
  next: readonly Toleration[],
  prev: readonly Toleration[],
): FieldError[] {
  const path = 'spec.tolerations';
  for (const old of prev) {
    // An existing toleration may only change its tolerationSeconds (compared without that key,
    // since an absent key and one set to undefined differ to a deep comparison).
    const found = next.some((t) => equal(withoutSeconds(old), withoutSeconds(t)));
    if (!found)
      return [
        forbidden(path, 'existing toleration can not be modified except its tolerationSeconds'),
      ];
  }
  return validateTolerations(next, path);
}

function withoutSeconds(t: Toleration): Omit<Toleration, 'tolerationSeconds'> {
  const { tolerationSeconds: _seconds, ...rest } = t;
  return rest;
}

function validateOnlyDeletedGates(spec: PodSpec, old: PodSpec): FieldError[] {
  const before = new Set((old.schedulingGates ?? []).map((g) => g.name));
  const errs: FieldError[] = [];
  (spec.schedulingGates ?? []).forEach((g, i) => {
    if (!before.has(g.name))
      errs.push(
        forbidden(
          child(index('spec.schedulingGates', i), 'name'),
          `only deletion is allowed, but found new scheduling gate '${g.name}'`,
        ),
      );
  });
  return errs;
}

function validateMirrorAnnotation(pod: Pod, old: Pod): FieldError[] {
  const next = pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION];
  const prev = old.metadata?.annotations?.[MIRROR_POD_ANNOTATION];
  const path = key('metadata.annotations', MIRROR_POD_ANNOTATION);
  if (prev !== undefined && next !== prev)
    return [forbidden(path, 'may not remove or update mirror pod annotation')];
  if (prev === undefined && next !== undefined)
    return [forbidden(path, 'may not add mirror pod annotation')];
  return [];
}

/** Validates an update to a pod's main resource (ValidatePodUpdate, metadata checks aside). */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const spec = pod.spec ?? ({ containers: [] } as PodSpec);
  const prev = old.spec ?? ({ containers: [] } as PodSpec);
  // A status write keeps the stored spec object itself; the checks of the spec alone passed when
  // it was stored, and the update checks compare it with itself.
  if (pod.spec !== undefined && pod.spec === old.spec)
    return [
      ...validatePodAnnotations(pod.metadata?.annotations, spec, 'metadata.annotations'),
      ...validateMirrorAnnotation(pod, old),
    ];
  const errs = [...validatePodMetadataAndSpec(pod), ...validateMirrorAnnotation(pod, old)];
  for (const list of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(spec[list], prev[list], child('spec', list));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const deadline = validateActiveDeadline(spec, prev);
  errs.push(...deadline);
  if (deadline.length > 0) return errs;
  errs.push(...validateOnlyAddedTolerations(spec.tolerations ?? [], prev.tolerations ?? []));
  errs.push(...validateOnlyDeletedGates(spec, prev));
  if (!equal(spec, prev)) errs.push(...compareMungedSpec(spec, prev));
  return errs;
}

// Copies the updatable fields from the old spec; anything still different is forbidden.
function compareMungedSpec(spec: PodSpec, old: PodSpec): FieldError[] {
  const munged = wireCopy(spec);
  munged.containers = (munged.containers ?? []).map((c, i) => ({
    ...c,
    image: old.containers?.[i]?.image as string,
  }));
  if (munged.initContainers)
    munged.initContainers = munged.initContainers.map((c, i) => ({
      ...c,
      image: old.initContainers?.[i]?.image as string,
    }));
  assignOrDelete(munged, 'activeDeadlineSeconds', old.activeDeadlineSeconds);
  assignOrDelete(munged, 'schedulingGates', old.schedulingGates);
  assignOrDelete(munged, 'tolerations', old.tolerations);
  const oldGrace = old.terminationGracePeriodSeconds;
  if (oldGrace != null && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = oldGrace;
  if (old.schedulingGates?.length) {
    const errs = validateNodeSelectorAdditions(munged.nodeSelector, old.nodeSelector);
    if (errs.length > 0) return errs;
    assignOrDelete(munged, 'nodeSelector', old.nodeSelector);
  }
  if (equal(wireCopy(munged), wireCopy(old))) return [];
  return [
    forbidden(
      'spec',
      `pod updates may not change fields other than ${POD_UPDATABLE_FIELDS}\n${specDiff(old, munged)}`,
    ),
  ];
}

function validateNodeSelectorAdditions(
  next: Record<string, string> | undefined,
  prev: Record<string, string> | undefined,
): FieldError[] {
  for (const [k, v] of Object.entries(prev ?? {}))
    if (next?.[k] !== v)
      return [
        invalid(
          'spec.nodeSelector',
          next ?? null,
          'only additions to spec.nodeSelector are allowed (no mutations or deletions)',
        ),
      ];
  return [];
}

function assignOrDelete<K extends keyof PodSpec>(
  spec: PodSpec,
  k: K,
  value: PodSpec[K] | undefined,
): void {
  if (value === undefined) delete spec[k];
  else spec[k] = wireCopy(value);
}

const GO_NAMES: Record<string, string> = {
  dnsPolicy: 'DNSPolicy',
  dnsConfig: 'DNSConfig',
  os: 'OS',
  hostPID: 'HostPID',
  hostIPC: 'HostIPC',
  serviceAccount: 'DeprecatedServiceAccount',
};

/**
 * Summarizes what changed, in the spirit of the cmp.Diff upstream appends (cmp's own output is
 * deliberately unstable, so only its shape is kept: one -/+ pair per changed PodSpec field).
 */
export function specDiff(old: PodSpec, next: PodSpec): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const lines = ['  core.PodSpec{'];
  for (const k of keys) {
    const a = (old as Record<string, unknown>)[k];
    const b = (next as Record<string, unknown>)[k];
    if (equal(a, b)) continue;
    const name = GO_NAMES[k] ?? k.charAt(0).toUpperCase() + k.slice(1);
    lines.push(
      `- \t${name}: ${JSON.stringify(a ?? null)},`,
      `+ \t${name}: ${JSON.stringify(b ?? null)},`,
    );
  }
  lines.push('  }');
  return lines.join('\n');
}
