import { joined } from './strings';

// The API resources Wheelhouse serves, as the apiserver's discovery document lists them.

/** Describes one API resource: its kind, REST name, group and etcd key prefix. */
export interface ResourceInfo {
  kind: string;
  /** REST path segment (plural), e.g. "pods". */
  resource: string;
  singular: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: readonly string[];
  /** Segment under /registry/ in etcd; Kubernetes keeps nodes under the historic "minions". */
  etcdPrefix: string;
  /** Whether writes to the main resource ignore status (the status subresource exists). */
  hasStatus: boolean;
  /** kubectl's category membership for "kubectl get all". */
  inAll: boolean;
}

const table: ResourceInfo[] = [
  res('Namespace', 'namespaces', '', false, ['ns'], 'namespaces', true, false),
  res('Node', 'nodes', '', false, ['no'], 'minions', true, false),
  res('Pod', 'pods', '', true, ['po'], 'pods', true, true),
  res('Event', 'events', '', true, ['ev'], 'events', false, false),
  res('ReplicaSet', 'replicasets', 'apps', true, ['rs'], 'replicasets', true, true),
  res('Deployment', 'deployments', 'apps', true, ['deploy'], 'deployments', true, true),
  res('Lease', 'leases', 'coordination.k8s.io', true, [], 'leases', false, false),
  res(
    'PriorityClass',
    'priorityclasses',
    'scheduling.k8s.io',
    false,
    ['pc'],
    'priorityclasses',
    false,
    false,
  ),
];

function res(
  kind: string,
  resource: string,
  group: string,
  namespaced: boolean,
  shortNames: string[],
  etcdPrefix: string,
  hasStatus: boolean,
  inAll: boolean,
): ResourceInfo {
  return {
    kind,
    resource,
    singular: kind.toLowerCase(),
    group,
    version: 'v1',
    namespaced,
    shortNames,
    etcdPrefix,
    hasStatus,
    inAll,
  };
}

const byKind = new Map(table.map((r) => [r.kind, r]));
const byResource = new Map(table.map((r) => [r.resource, r]));

/** Returns every served resource, in discovery order. */
export function allResources(): readonly ResourceInfo[] {
  return table;
}

/** Looks a resource up by its Kind ("Pod"). */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** Looks a resource up by its REST name ("pods"). */
export function resourceByName(resource: string): ResourceInfo | undefined {
  return byResource.get(resource);
}

/**
 * Resolves what a user typed ("po", "pod", "pods", "deployments.apps", "deploy") to a resource,
 * the way kubectl's RESTMapper does.
 */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const lower = typed.toLowerCase();
  const [name, ...groupParts] = lower.split('.');
  const group = groupParts.join('.');
  return table.find(
    (r) =>
      (r.resource === name ||
        r.singular === name ||
        r.shortNames.includes(name ?? '') ||
        r.kind.toLowerCase() === name) &&
      (group === '' || r.group === group || (group === 'v1' && r.group === '')),
  );
}

/** Returns "group/version" for apiVersion fields ("v1" for the core group). */
export function apiVersionOf(r: ResourceInfo): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`;
}

/** Returns the qualified resource name used in error messages: "pods", "deployments.apps". */
export function qualifiedResource(r: ResourceInfo): string {
  return r.group === '' ? r.resource : `${r.resource}.${r.group}`;
}

/** Returns the etcd key of an object: /registry/pods/default/web, /registry/minions/node-1. */
export function storageKey(r: ResourceInfo, namespace: string | undefined, name: string): string {
  return r.namespaced
    ? joined('/registry/', r.etcdPrefix, '/', String(namespace), '/', name)
    : joined('/registry/', r.etcdPrefix, '/', name);
}

/** Returns the etcd key prefix for listing a resource, optionally within one namespace. */
export function storagePrefix(r: ResourceInfo, namespace?: string): string {
  return r.namespaced && namespace
    ? `/registry/${r.etcdPrefix}/${namespace}/`
    : `/registry/${r.etcdPrefix}/`;
}
