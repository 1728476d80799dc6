import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import type { FieldError } from '../errors';
import { isDNS1123Label, isDNS1123Subdomain } from './names';

/** Validates metadata every object shares (ValidateObjectMeta): name format and namespace scope. */
export function validateObjectMeta(obj: KubeObject, info: ResourceInfo): FieldError[] {
  const errs: FieldError[] = [];
  const meta = obj.metadata ?? {};
  if (!meta.name) {
    errs.push({
      type: 'Required',
      field: 'metadata.name',
      detail: 'name or generateName is required',
    });
  } else {
    const check = info.kind === 'Namespace' ? isDNS1123Label : isDNS1123Subdomain;
    for (const msg of check(meta.name))
      errs.push({ type: 'Invalid', field: 'metadata.name', value: meta.name, detail: msg });
  }
  if (info.namespaced && !meta.namespace)
    errs.push({ type: 'Required', field: 'metadata.namespace' });
  return errs;
}
