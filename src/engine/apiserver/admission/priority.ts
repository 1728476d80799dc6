import type { Pod } from '../../api/types';
import { forbidden } from '../errors';
import type { AdmissionPlugin } from './types';

// Priority (plugin/pkg/admission/priority): resolves spec.priorityClassName to spec.priority and
// spec.preemptionPolicy on create, and keeps them on update. With no class named and no global
// default class, a pod gets priority 0 and PreemptLowerPriority.

/** The plugin's name. */
export const PRIORITY = 'Priority';
/** The priority of pods that name no class when no class is the global default. */
export const DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS = 0;
/** The preemption policy pods get unless their class says otherwise. */
export const PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority';

// The classes every cluster has: the apiserver creates them at startup (scheduling/v1).
const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** Why a pod naming an unknown class is refused. */
export function noPriorityClassMessage(name: string): string {
  return `no PriorityClass with name ${name} was found`;
}

function admitCreate(pod: Pod, resource: string, name: string): void {
  const spec = (pod.spec ??= { containers: [] });
  let priority = DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS;
  if (spec.priorityClassName) {
    const value = SYSTEM_PRIORITY_CLASSES[spec.priorityClassName];
    if (value === undefined)
      throw forbidden(resource, name, noPriorityClassMessage(spec.priorityClassName));
    priority = value;
  }
  if (spec.priority != null && spec.priority !== priority)
    throw forbidden(
      resource,
      name,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  spec.priority = priority;
  if (spec.preemptionPolicy != null && spec.preemptionPolicy !== PREEMPT_LOWER_PRIORITY)
    throw forbidden(
      resource,
      name,
      `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${PREEMPT_LOWER_PRIORITY} from the given PriorityClass name`,
    );
  spec.preemptionPolicy = PREEMPT_LOWER_PRIORITY;
}

/** Priority admission for pods. */
export const priority: AdmissionPlugin = {
  name: PRIORITY,
  admit(a) {
    if (a.resource !== 'pods') return;
    const pod = a.obj as Pod;
    if (a.operation === 'CREATE') return admitCreate(pod, a.qualifiedResource, a.name);
    // On update the plugin only restores what it set at creation; validation refuses changes.
    const old = (a.old as Pod | undefined)?.spec;
    const spec = (pod.spec ??= { containers: [] });
    if (spec.priority == null && old?.priority != null) spec.priority = old.priority;
    if (spec.preemptionPolicy == null && old?.preemptionPolicy != null)
      spec.preemptionPolicy = old.preemptionPolicy;
  },
};
