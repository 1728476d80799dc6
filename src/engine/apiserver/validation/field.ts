import type { FieldError } from '../errors';

// Builders for field errors, mirroring k8s.io/apimachinery/pkg/util/validation/field: paths are
// plain strings ("spec.containers[0].image"), errors carry the upstream type and detail.

/** Returns the path of a child field: child("spec", "containers") is "spec.containers". */
export function child(path: string, ...names: string[]): string {
  // Validation builds a path for every field it checks, so no arrays are made here.
  let out = path;
  for (const name of names) if (name !== '') out = out === '' ? name : `${out}.${name}`;
  return out;
}

/** Returns the path of a list element: index("spec.containers", 0). */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** Returns the path of a map entry: key("spec.resources.limits", "cpu"). */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}

/** Builds field.Required. */
export function required(field: string, detail = ''): FieldError {
  return detail ? { type: 'Required', field, detail } : { type: 'Required', field };
}

/** Builds field.Invalid. */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'Invalid', field, value, detail };
}

/** Builds field.NotSupported; the detail lists the quoted supported values in the given order. */
export function notSupported(field: string, value: unknown, valid: readonly string[]): FieldError {
  const detail = `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}`;
  return { type: 'NotSupported', field, value, detail };
}

/** Builds field.Duplicate. */
export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'Duplicate', field, value };
}

/** Builds field.Forbidden. */
export function forbidden(field: string, detail: string): FieldError {
  return { type: 'Forbidden', field, detail };
}

/** Builds field.NotFound. */
export function notFound(field: string, value: unknown): FieldError {
  return { type: 'NotFound', field, value };
}

/** Builds field.TooLong. */
export function tooLong(field: string, detail: string): FieldError {
  return { type: 'TooLong', field, detail };
}

/** Maps each message of a format check to an Invalid error at one path. */
export function invalidEach(
  field: string,
  value: unknown,
  messages: readonly string[],
): FieldError[] {
  return messages.map((m) => invalid(field, value, m));
}

/** Drops repeated errors, as field.ErrorList.ToAggregate does before the message is built. */
export function dedupe(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const id = JSON.stringify([e.type, e.field, String(e.value), e.detail]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
