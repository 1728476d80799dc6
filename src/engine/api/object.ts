import type { ObjectMeta } from './types';

/** Any API object: what the store holds and the wire carries. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

/** An object as stored: metadata is always present. */
export type StoredObject = KubeObject & { metadata: ObjectMeta & { name: string } };

/** Copies a value the way the wire does (JSON encode then decode): undefined fields vanish. */
export function wireCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Freezes an object graph so code that shares stored objects cannot mutate them by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** Returns "namespace/name" (or "name" for cluster-scoped objects), the informer cache key. */
export function namespacedName(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  const name = obj.metadata?.name ?? '';
  return ns ? `${ns}/${name}` : name;
}

/** Splits a "namespace/name" key. */
export function splitKey(key: string): { namespace?: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
