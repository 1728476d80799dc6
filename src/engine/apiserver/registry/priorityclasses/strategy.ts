import type { PriorityClass } from '../../../api/types';
import { PREEMPT_LOWER_PRIORITY, validatePriorityClassAdmission } from '../../admission/priority';
import { forbidden } from '../../errors';
import { dedupe } from '../../validation/field';
import { genericStrategy } from '../generic';
import { SYSTEM_CLASS_NOT_DELETABLE, isSystemPriorityClassName } from './system';
import { validatePriorityClass, validatePriorityClassUpdate } from './validation';

// PriorityClasses (pkg/registry/scheduling/priorityclass): cluster-scoped, no status. Defaulting
// fills preemptionPolicy (SetDefaults_PriorityClass); the Priority admission plugin keeps a
// single globalDefault class; the storage refuses to delete the system classes.

/** The PriorityClass strategy. */
export const priorityClassStrategy = genericStrategy(
  {
    applyDefaults(obj) {
      const pc = obj as PriorityClass;
      // value has no omitempty: the decoder's zero value is what gets stored and served.
      pc.value ??= 0;
      pc.preemptionPolicy ??= PREEMPT_LOWER_PRIORITY;
    },
    validate: (obj) => dedupe(validatePriorityClass(obj as PriorityClass)),
    validateUpdate: (obj, old) => dedupe(validatePriorityClassUpdate(obj, old)),
    validateAdmission: (obj, old, ctx) =>
      validatePriorityClassAdmission(obj as PriorityClass, old, ctx),
    admitDelete(obj) {
      const name = obj.metadata?.name ?? '';
      if (isSystemPriorityClassName(name))
        throw forbidden('priorityclasses.scheduling.k8s.io', name, SYSTEM_CLASS_NOT_DELETABLE);
    },
  },
  { hasStatus: false, namespaced: false },
);
