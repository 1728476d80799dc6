import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';

// resource.Info: one object a command works on — its resource mapping, where it lives, and (once
// read or fetched) the object itself and the file it came from.

/** One object a command works on. */
export interface Info {
  resource: ResourceInfo;
  /** Undefined for cluster-scoped resources. */
  namespace?: string;
  name: string;
  object?: KubeObject;
  /** The file the object was read from ("STDIN" for -f -). */
  source?: string;
}

/** Returns "pod" or "deployment.apps": the kind as kubectl's name printer spells it. */
export function kindString(r: ResourceInfo): string {
  const kind = r.kind.toLowerCase();
  return r.group ? `${kind}.${r.group}` : kind;
}

/** Returns "pods/web" (resource.Info.ObjectName). */
export function objectName(info: Info): string {
  return `${info.resource.resource}/${info.name}`;
}

/** Formats a name-printer line: "deployment.apps/web created". */
export function nameLine(r: ResourceInfo, name: string, operation = ''): string {
  return `${kindString(r)}/${name}${operation ? ` ${operation}` : ''}\n`;
}

/** Formats a GroupVersionResource as Go's String() does: "apps/v1, Resource=deployments". */
export function gvrString(r: ResourceInfo): string {
  return `${r.group}/${r.version}, Resource=${r.resource}`;
}

/** Formats resource.Info.String(): mapping then name and namespace. */
export function infoString(info: Info): string {
  const gvk = `${info.resource.group}/${info.resource.version}, Kind=${info.resource.kind}`;
  return (
    `Resource: ${JSON.stringify(gvrString(info.resource))}, GroupVersionKind: ${JSON.stringify(gvk)}\n` +
    `Name: ${JSON.stringify(info.name)}, Namespace: ${JSON.stringify(info.namespace ?? '')}`
  );
}
