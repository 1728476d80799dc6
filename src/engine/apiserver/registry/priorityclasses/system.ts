import type { PriorityClass } from '../../../api/types';

// The system priority classes (pkg/apis/scheduling/v1/helpers.go): the apiserver creates them at
// startup (post-start hook scheduling/bootstrap-system-priority-classes), validation keeps the
// "system-" prefix for them alone, and they may not be deleted.

/** SystemCriticalPriority: the floor of the system classes, above every user class. */
export const SYSTEM_CRITICAL_PRIORITY = 2000000000;
/** HighestUserDefinablePriority: the largest value a user-defined class may have. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
/** SystemPriorityClassPrefix: names reserved for the system classes. */
export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';
/** Why deleting a system class is refused. */
export const SYSTEM_CLASS_NOT_DELETABLE = 'this is a system priority class and cannot be deleted';

const SYSTEM_CLASSES: readonly { name: string; value: number; description: string }[] = [
  {
    name: 'system-node-critical',
    value: SYSTEM_CRITICAL_PRIORITY + 1000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    name: 'system-cluster-critical',
    value: SYSTEM_CRITICAL_PRIORITY,
    description:
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];

/** Returns the system classes as the bootstrap hook creates them. */
export function systemPriorityClasses(): PriorityClass[] {
  return SYSTEM_CLASSES.map(({ name, value, description }) => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name },
    value,
    description,
  }));
}

/** Reports whether a name is a system class's. */
export function isSystemPriorityClassName(name: string): boolean {
  return SYSTEM_CLASSES.some((c) => c.name === name);
}

/**
 * Returns why a class may not use a system name, or undefined when it matches the system class
 * of that name exactly (IsKnownSystemPriorityClass: name, value and globalDefault).
 */
export function unknownSystemPriorityClass(
  name: string,
  value: number,
  globalDefault: boolean,
): string | undefined {
  const spc = SYSTEM_CLASSES.find((c) => c.name === name);
  if (!spc) return `${name} is not a known system priority class`;
  if (spc.value !== value) return `value of ${spc.name} PriorityClass must be ${spc.value}`;
  if (globalDefault) return `globalDefault of ${spc.name} PriorityClass must be false`;
  return undefined;
}
