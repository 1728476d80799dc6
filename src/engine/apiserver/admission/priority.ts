import type { KubeObject } from '../../api/object';
import type { Pod, PriorityClass } from '../../api/types';
import { forbidden } from '../errors';
import type { StrategyContext } from '../strategy';
import type { AdmissionPlugin } from './types';

// Priority (plugin/pkg/admission/priority, v1.31).
//   [PRIO1] a new pod naming a class gets that stored class's value and preemptionPolicy; an
//           unknown class is refused: "no PriorityClass with name x was found".
//   [PRIO2] a new pod naming no class gets the globalDefault class (its name too), or priority 0
//           and PreemptLowerPriority when no class is the default. With several defaults (a
//           race), the lowest value wins.
//   [PRIO3] a pod may not set spec.priority or spec.preemptionPolicy to anything else.
//   [PRIO4] an update keeps what creation set; validation refuses changes.
//   [PRIO5] a PriorityClass may be globalDefault only while no other class is.

/** The plugin's name. */
export const PRIORITY = 'Priority';
/** The priority of pods that name no class when no class is the global default. */
export const DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS = 0;
/** The preemption policy pods get unless their class says otherwise. */
export const PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority';

/** Why a pod naming an unknown class is refused. */
export function noPriorityClassMessage(name: string): string {
  return `no PriorityClass with name ${name} was found`;
}

/** Returns the globalDefault class with the lowest value (getDefaultPriorityClass). */
function defaultPriorityClass(ctx: StrategyContext): PriorityClass | undefined {
  let found: PriorityClass | undefined;
  for (const obj of ctx.list('priorityclasses')) {
    const pc = obj as PriorityClass;
    if (pc.globalDefault && (!found || found.value > pc.value)) found = pc;
  }
  return found;
}

// What a new pod's class resolves to (establishPriority / getDefaultPriority).
function resolveClass(
  pod: Pod,
  ctx: StrategyContext,
  resource: string,
  name: string,
): { className: string; priority: number; preemptionPolicy: string } {
  const named = pod.spec?.priorityClassName;
  if (named) {
    const pc = ctx.lookup('priorityclasses', undefined, named) as PriorityClass | undefined;
    if (!pc) throw forbidden(resource, name, noPriorityClassMessage(named));
    return {
      className: named,
      priority: pc.value,
      preemptionPolicy: pc.preemptionPolicy ?? PREEMPT_LOWER_PRIORITY,
    };
  }
  const dpc = defaultPriorityClass(ctx);
  if (dpc)
    return {
      className: dpc.metadata?.name ?? '',
      priority: dpc.value,
      preemptionPolicy: dpc.preemptionPolicy ?? PREEMPT_LOWER_PRIORITY,
    };
  return {
    className: '',
    priority: DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS,
    preemptionPolicy: PREEMPT_LOWER_PRIORITY,
  };
}

function admitCreate(pod: Pod, ctx: StrategyContext, resource: string, name: string): void {
  const spec = (pod.spec ??= { containers: [] });
  const { className, priority, preemptionPolicy } = resolveClass(pod, ctx, resource, name);
  if (className) spec.priorityClassName = className;
  if (spec.priority != null && spec.priority !== priority)
    throw forbidden(
      resource,
      name,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  spec.priority = priority;
  if (spec.preemptionPolicy != null && spec.preemptionPolicy !== preemptionPolicy)
    throw forbidden(
      resource,
      name,
      `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`,
    );
  spec.preemptionPolicy = preemptionPolicy;
}

/** Priority admission for pods. [PRIO1][PRIO2][PRIO3][PRIO4] */
export const priority: AdmissionPlugin = {
  name: PRIORITY,
  admit(a) {
    if (a.resource !== 'pods') return;
    const pod = a.obj as Pod;
    if (a.operation === 'CREATE') return admitCreate(pod, a.ctx, a.qualifiedResource, a.name);
    const old = (a.old as Pod | undefined)?.spec;
    const spec = (pod.spec ??= { containers: [] });
    if (spec.priority == null && old?.priority != null) spec.priority = old.priority;
    if (spec.preemptionPolicy == null && old?.preemptionPolicy != null)
      spec.preemptionPolicy = old.preemptionPolicy;
  },
};

/** Priority's validation of PriorityClass creates and updates. [PRIO5] */
export function validatePriorityClassAdmission(
  pc: PriorityClass,
  old: KubeObject | undefined,
  ctx: StrategyContext,
): void {
  if (!pc.globalDefault) return;
  const dpc = defaultPriorityClass(ctx);
  const other = dpc?.metadata?.name;
  const name = pc.metadata?.name ?? '';
  // An update of the default class itself may keep it the default.
  if (other !== undefined && (!old || other !== name))
    throw forbidden(
      'priorityclasses.scheduling.k8s.io',
      name,
      `PriorityClass ${other} is already marked as default. Only one default can exist`,
    );
}
