import type { KubeObject } from '../../api/object';
import type { OwnerReference } from '../../api/types';
import type { ResourceInfo } from '../../api/resources';
import type { FieldError } from '../errors';
import { child, forbidden, index, invalid, invalidEach, required } from './field';
import { goLiteral, goQuote } from './goValue';
import { validateAnnotations, validateLabels } from './labels';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, nameCheck } from './names';

// ObjectMeta validation (apimachinery api/validation/objectmeta.go, plus core's finalizer-name
// rule). The handlers run it on every create and update before the resource's own validation.

/** Validates a namespace name, or a generateName prefix for one (a DNS-1123 label). */
export const validateNamespaceName = nameCheck(isDNS1123Label);
/** Validates an object name, or a generateName prefix for one (a DNS-1123 subdomain). */
export const validateSubdomainName = nameCheck(isDNS1123Subdomain);

// The finalizers core accepts without a domain prefix (helper.IsStandardFinalizerName).
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** Validates metadata every object shares: name, namespace scope, labels, owners, finalizers. */
export function validateObjectMeta(obj: KubeObject, info: ResourceInfo): FieldError[] {
  const meta = obj.metadata ?? {};
  const nameFn = info.kind === 'Namespace' ? validateNamespaceName : validateSubdomainName;
  const errs: FieldError[] = [];
  if (meta.generateName)
    errs.push(
      ...invalidEach('metadata.generateName', meta.generateName, nameFn(meta.generateName, true)),
    );
  if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'));
  else errs.push(...invalidEach('metadata.name', meta.name, nameFn(meta.name, false)));
  if (info.namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace'));
    else
      errs.push(
        ...invalidEach(
          'metadata.namespace',
          meta.namespace,
          validateNamespaceName(meta.namespace, false),
        ),
      );
  } else if (meta.namespace) {
    errs.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  if ((meta.generation ?? 0) < 0)
    errs.push(
      invalid('metadata.generation', meta.generation, 'must be greater than or equal to 0'),
    );
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(meta.ownerReferences ?? [], 'metadata.ownerReferences'));
  errs.push(
    ...validateFinalizers(
      meta.finalizers ?? [],
      'metadata.finalizers',
      info.group !== 'coordination.k8s.io',
    ),
  );
  return errs;
}

function validateOwnerReference(ref: OwnerReference, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const version = (ref.apiVersion ?? '').split('/').pop() ?? '';
  if (!version)
    errs.push(
      invalid(child(path, 'apiVersion'), ref.apiVersion ?? '', 'version must not be empty'),
    );
  if (!ref.kind) errs.push(invalid(child(path, 'kind'), ref.kind ?? '', 'must not be empty'));
  if (!ref.name) errs.push(invalid(child(path, 'name'), ref.name ?? '', 'must not be empty'));
  if (!ref.uid) errs.push(invalid(child(path, 'uid'), ref.uid ?? '', 'must not be empty'));
  return errs;
}

/** Validates owner references: required parts and at most one controller. */
export function validateOwnerReferences(
  refs: readonly OwnerReference[],
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs) {
    errs.push(...validateOwnerReference(ref, path));
    if (!ref.controller) continue;
    const current = `${ref.kind}/${ref.name}`;
    if (firstController === '') firstController = current;
    else
      errs.push(
        invalid(
          path,
          refs,
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
        ),
      );
  }
  return errs;
}

function goStrings(values: readonly string[]): unknown {
  return goLiteral(`[]string{${values.map(goQuote).join(', ')}}`);
}

/** Returns core's complaint about an unqualified, non-standard finalizer name, if any. */
export function kubeFinalizerErrors(f: string, path: string): FieldError[] {
  if (f.includes('/') || STANDARD_FINALIZERS.has(f)) return [];
  return [invalid(path, f, 'name is neither a standard finalizer name nor is it fully qualified')];
}

/** Validates finalizer names; core types also refuse unqualified non-standard names. */
export function validateFinalizers(
  finalizers: readonly string[],
  path: string,
  kubeRules = true,
): FieldError[] {
  const errs: FieldError[] = [];
  finalizers.forEach((f, i) => {
    errs.push(...invalidEach(path, f, isQualifiedName(f)));
    if (kubeRules) errs.push(...kubeFinalizerErrors(f, index(path, i)));
  });
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion'))
    errs.push(
      invalid(
        path,
        goStrings(finalizers),
        'finalizer orphan and foregroundDeletion cannot be both set',
      ),
    );
  return errs;
}

/** Validates what an update may not do to metadata: add finalizers to an object being deleted. */
export function validateObjectMetaUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  if (!old.metadata?.deletionTimestamp) return [];
  const before = new Set(old.metadata.finalizers ?? []);
  const added = [...new Set(obj.metadata?.finalizers ?? [])].filter((f) => !before.has(f)).sort();
  if (added.length === 0) return [];
  return [
    forbidden(
      'metadata.finalizers',
      `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map(goQuote).join(', ')}}`,
    ),
  ];
}
