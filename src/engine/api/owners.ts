import type { KubeObject } from './object';
import type { OwnerReference } from './types';

/** Returns the controller owner reference of an object, if any (metav1.GetControllerOf). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}
