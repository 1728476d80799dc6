import type { LabelSelector } from '../../api/types';
import type { FieldError } from '../errors';
import { child, forbidden, index, invalid, invalidEach, required, tooLong } from './field';
import { isQualifiedName, isValidLabelValue } from './names';

// Label, annotation and selector validation (apimachinery meta/v1/validation and
// api/validation/objectmeta.go). Errors point at the map, not the key, as upstream's do.

/** The most annotation bytes (keys plus values) an object may carry: 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** Validates a label key (ValidateLabelName). */
export function validateLabelName(name: string, path: string): FieldError[] {
  return invalidEach(path, name, isQualifiedName(name));
}

/** Validates a label map: qualified-name keys and label values (ValidateLabels). */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    errs.push(...invalidEach(path, v, isValidLabelValue(v)));
  }
  return errs;
}

/** Validates annotations: case-insensitive qualified-name keys and the 256 KiB total. */
export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...invalidEach(path, k, isQualifiedName(k.toLowerCase())));
    total += k.length + v.length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B)
    errs.push(tooLong(path, `must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes`));
  return errs;
}

/** Validates a structured label selector (ValidateLabelSelector, strict label values). */
export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, child(path, 'matchLabels'));
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const p = index(child(path, 'matchExpressions'), i);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0)
          errs.push(
            required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"),
          );
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0)
          errs.push(
            forbidden(
              child(p, 'values'),
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            ),
          );
        break;
      default:
        errs.push(invalid(child(p, 'operator'), expr.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key, child(p, 'key')));
    values.forEach((v, j) =>
      errs.push(...invalidEach(index(child(p, 'values'), j), v, isValidLabelValue(v))),
    );
  });
  return errs;
}
