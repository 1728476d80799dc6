import type { ResourceInfo } from '../../api/resources';
import { allResources, resolveResource } from '../../api/resources';
import { KubectlError } from '../errors';

// What a user types for a resource type, resolved as kubectl's RESTMapper and category expander
// do: "po", "pods", "Pod", "deploy", "deployments.apps", "deployments.v1.apps", and "all".

/** The error for a type the server does not serve (cmdutil's NoResourceMatchError text). */
export const NO_RESOURCE_TYPE = (typed: string): string =>
  `the server doesn't have a resource type ${JSON.stringify(typed)}`;

/** Resolves a typed resource name; throws KubectlError when nothing matches. */
export function resolveType(typed: string): ResourceInfo {
  const direct = resolveResource(typed);
  if (direct) return direct;
  // TYPE.VERSION.GROUP, as in "deployments.v1.apps".
  const parts = typed.split('.');
  if (parts.length >= 3 && /^v\d/.test(parts[1] as string)) {
    const found = resolveResource([parts[0], ...parts.slice(2)].join('.'));
    if (found) return found;
  }
  throw new KubectlError(NO_RESOURCE_TYPE(parts[0] ?? typed));
}

// Discovery lists the core group first, then the named groups in priority order; kubectl's
// category expander keeps that order.
const GROUP_ORDER = ['', 'apps', 'autoscaling', 'batch'];

/** Expands the "all" category in a comma-separated type list, as ReplaceAliases does. */
export function expandCategories(typeList: string): string {
  return typeList
    .split(',')
    .map((t) => (t === 'all' ? allMembers().join(',') : t))
    .join(',');
}

function allMembers(): string[] {
  const rank = (r: ResourceInfo): number => {
    const i = GROUP_ORDER.indexOf(r.group);
    return i < 0 ? GROUP_ORDER.length : i;
  };
  return allResources()
    .filter((r) => r.inAll)
    .sort(
      (a, b) =>
        rank(a) - rank(b) || a.group.localeCompare(b.group) || a.resource.localeCompare(b.resource),
    )
    .map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource));
}
