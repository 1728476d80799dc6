import type { Taint, Toleration } from '../../api/types';
import type { FieldError } from '../errors';
import { child, duplicate, index, invalid, notSupported, required } from './field';
import { goLiteral, goQuote } from './goValue';
import { validateLabelName } from './labels';
import { isValidLabelValue } from './names';

// Taints and tolerations (core validation: ValidateTolerations, validateNodeTaints,
// validateTaintEffect).

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Validates a taint effect; allowEmpty is true for tolerations (empty matches every effect). */
export function validateTaintEffect(
  effect: string | undefined,
  allowEmpty: boolean,
  path: string,
): FieldError[] {
  if (!allowEmpty && !effect) return [required(path)];
  return EFFECTS.includes(effect ?? '') ? [] : [notSupported(path, effect ?? '', EFFECTS)];
}

/** Validates pod tolerations. */
export function validateTolerations(
  tolerations: readonly Toleration[],
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const p = index(path, i);
    if (t.key) errs.push(...validateLabelName(t.key, child(p, 'key')));
    if (!t.key && t.operator !== 'Exists')
      errs.push(
        invalid(
          child(p, 'operator'),
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    if (t.tolerationSeconds != null && t.effect !== 'NoExecute')
      errs.push(
        invalid(
          child(p, 'effect'),
          t.effect ?? '',
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    errs.push(...validateOperator(t, p));
    if (t.effect) errs.push(...validateTaintEffect(t.effect, true, child(p, 'effect')));
  });
  return errs;
}

function validateOperator(t: Toleration, p: string): FieldError[] {
  switch (t.operator ?? '') {
    case 'Equal':
    case '': {
      // Upstream reports a bad value at the operator path, joining the messages with ';'.
      const msgs = isValidLabelValue(t.value ?? '');
      return msgs.length ? [invalid(child(p, 'operator'), t.value ?? '', msgs.join(';'))] : [];
    }
    case 'Exists':
      return t.value
        ? [
            invalid(
              child(p, 'operator'),
              t.value,
              "value must be empty when `operator` is 'Exists'",
            ),
          ]
        : [];
    default:
      return [notSupported(child(p, 'operator'), t.operator, ['Equal', 'Exists'])];
  }
}

function goTaint(t: Taint): unknown {
  const added = t.timeAdded ? `&v1.Time{Time:${goQuote(t.timeAdded)}}` : '(*v1.Time)(nil)';
  return goLiteral(
    `core.Taint{Key:${goQuote(t.key)}, Value:${goQuote(t.value ?? '')}, Effect:${goQuote(t.effect)}, TimeAdded:${added}}`,
  );
}

/**
 * Validates node taints: key, value, effect, and uniqueness by key and effect. Upstream passes the
 * path "metadata.taints" (not spec.taints), so real messages read that way.
 */
export function validateTaints(taints: readonly Taint[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const p = index(path, i);
    errs.push(...validateLabelName(t.key ?? '', child(p, 'key')));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length) errs.push(invalid(child(p, 'value'), t.value ?? '', msgs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, child(p, 'effect')));
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id))
      errs.push({
        ...duplicate(p, goTaint(t)),
        detail: 'taints must be unique by key and effect pair',
      });
    else seen.add(id);
  });
  return errs;
}
