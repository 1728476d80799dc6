import type { Container } from '../../api/types';
import type { FieldError } from '../errors';
import { child, invalid, key, required } from './field';
import { isQualifiedName } from './names';
import { canonicalQuantity, compareQuantities, parseExactQuantity } from './quantity';

// Container resource requirements (core validation: validateResourceRequirements,
// validateContainerResourceName, ValidateResourceQuantityValue).

type ResourceList = Record<string, string | number>;

// helper.IsStandardResourceName, without the quota-only "count/" forms.
const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
]);
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
const isExtended = (name: string): boolean =>
  !isNative(name) &&
  !name.startsWith('requests.') &&
  isQualifiedName(`requests.${name}`).length === 0;
// Extended resources are counted in whole units and may not be overcommitted.
const isInteger = (name: string): boolean => isExtended(name) || name === 'pods';
const overcommitAllowed = (name: string): boolean => isNative(name) && !isHugePages(name);

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length > 0) return errs;
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !isHugePages(name))
    errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
  return errs;
}

function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name))
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
  } else if (!isNative(name) && !isExtended(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function validateQuantityValue(name: string, q: string | number, path: string): FieldError[] {
  const shown = canonicalQuantity(q) ?? String(q);
  const nano = parseExactQuantity(q)?.nano ?? 0n;
  const errs: FieldError[] = [];
  if (nano < 0n) errs.push(invalid(path, shown, 'must be greater than or equal to 0'));
  if (isInteger(name) && nano % 1_000_000_000n !== 0n)
    errs.push(invalid(path, shown, 'must be an integer'));
  return errs;
}

/** Validates a container's resources: names, quantities, and requests against limits. */
export function validateResourceRequirements(
  resources: Container['resources'],
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const limits = (resources?.limits ?? {}) as ResourceList;
  const requests = (resources?.requests ?? {}) as ResourceList;
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  for (const [name, q] of Object.entries(limits)) {
    errs.push(...validateContainerResourceName(name, key(limPath, name)));
    errs.push(...validateQuantityValue(name, q, key(limPath, name)));
  }
  for (const [name, q] of Object.entries(requests)) {
    errs.push(...validateContainerResourceName(name, key(reqPath, name)));
    errs.push(...validateQuantityValue(name, q, key(reqPath, name)));
    errs.push(...checkRequestAgainstLimit(name, q, limits[name], reqPath, limPath));
  }
  return errs;
}

function checkRequestAgainstLimit(
  name: string,
  request: string | number,
  limit: string | number | undefined,
  reqPath: string,
  limPath: string,
): FieldError[] {
  const shown = canonicalQuantity(request) ?? String(request);
  if (limit === undefined) {
    return overcommitAllowed(name)
      ? []
      : [required(limPath, 'Limit must be set for non overcommitable resources')];
  }
  const limitShown = canonicalQuantity(limit) ?? String(limit);
  const cmp = compareQuantities(request, limit);
  // Upstream points both errors at the requests map, not the key.
  if (cmp !== 0 && !overcommitAllowed(name))
    return [invalid(reqPath, shown, `must be equal to ${name} limit of ${limitShown}`)];
  if (cmp > 0)
    return [
      invalid(reqPath, shown, `must be less than or equal to ${name} limit of ${limitShown}`),
    ];
  return [];
}
