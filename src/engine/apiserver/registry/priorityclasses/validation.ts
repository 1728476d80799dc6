import type { KubeObject } from '../../../api/object';
import type { PriorityClass } from '../../../api/types';
import type { FieldError } from '../../errors';
import { forbidden, invalid } from '../../validation/field';
import { validateObjectMetaUpdate } from '../../validation/objectMeta';
import { PREEMPTION_POLICIES, validateEnumField } from '../../validation/podSpec';
import {
  HIGHEST_USER_DEFINABLE_PRIORITY,
  SYSTEM_PRIORITY_CLASS_PREFIX,
  unknownSystemPriorityClass,
} from './system';

// PriorityClass validation (pkg/apis/scheduling/validation): a "system-" name must be one of the
// system classes exactly; any other class is capped at HighestUserDefinablePriority; value and
// preemptionPolicy never change once created.

/** Validates a new PriorityClass (ValidatePriorityClass; metadata is checked by the handler). */
export function validatePriorityClass(pc: PriorityClass): FieldError[] {
  const errs: FieldError[] = [];
  const name = pc.metadata?.name ?? '';
  const value = pc.value ?? 0;
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const why = unknownSystemPriorityClass(name, value, pc.globalDefault ?? false);
    if (why)
      errs.push(
        forbidden(
          'metadata.name',
          `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${why}`,
        ),
      );
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(
      forbidden(
        'value',
        `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`,
      ),
    );
  }
  if (pc.preemptionPolicy != null)
    errs.push(...validateEnumField(pc.preemptionPolicy, PREEMPTION_POLICIES, 'preemptionPolicy'));
  return errs;
}

/** Validates an update (ValidatePriorityClassUpdate): value and preemptionPolicy are immutable. */
export function validatePriorityClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const pc = obj as PriorityClass;
  const prev = old as PriorityClass;
  const errs = validateObjectMetaUpdate(obj, old);
  if ((pc.value ?? 0) !== (prev.value ?? 0))
    errs.push(forbidden('value', 'may not be changed in an update.'));
  if (pc.preemptionPolicy !== prev.preemptionPolicy)
    errs.push(invalid('preemptionPolicy', pc.preemptionPolicy ?? null, 'field is immutable'));
  return errs;
}
