import type { Status } from '../api/types';
import type { StatusCause } from 'kubernetes-types/meta/v1';

// API errors as the apiserver returns them (k8s.io/apimachinery/pkg/api/errors), with the exact
// wording kubectl prints after "Error from server (<Reason>): ".

/** The StatusReason values the engine uses. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Gone'
  | 'Expired'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'InternalError'
  | 'ServiceUnavailable';

/** An API error carrying a metav1.Status. */
export class StatusError extends Error {
  constructor(readonly status: ErrorStatus) {
    super(status.message);
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): string {
    return this.status.reason;
  }
}

/** A failure Status: code, reason and message always set. */
export type ErrorStatus = Status & { code: number; reason: string; message: string };

function status(
  code: number,
  reason: StatusReason,
  message: string,
  details?: Status['details'],
): StatusError {
  const s: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (details) s.details = details;
  return new StatusError(s as ErrorStatus);
}

/** Builds 404: `pods "x" not found`. */
export function notFound(qualifiedResource: string, name: string): StatusError {
  const [resource, group] = splitQualified(qualifiedResource);
  return status(404, 'NotFound', `${qualifiedResource} "${name}" not found`, {
    name,
    group,
    kind: resource,
  });
}

/** Builds 409 AlreadyExists: `deployments.apps "web" already exists`. */
export function alreadyExists(qualifiedResource: string, name: string): StatusError {
  const [resource, group] = splitQualified(qualifiedResource);
  return status(409, 'AlreadyExists', `${qualifiedResource} "${name}" already exists`, {
    name,
    group,
    kind: resource,
  });
}

/** The optimistic-concurrency message every controller learns to retry on. */
export const OBJECT_MODIFIED_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

/** Builds 409 Conflict: `Operation cannot be fulfilled on pods "x": <message>`. */
export function conflict(
  qualifiedResource: string,
  name: string,
  message = OBJECT_MODIFIED_MESSAGE,
): StatusError {
  const [resource, group] = splitQualified(qualifiedResource);
  return status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource} "${name}": ${message}`,
    {
      name,
      group,
      kind: resource,
    },
  );
}

/** The kinds of field error, as k8s.io/apimachinery/pkg/util/validation/field.ErrorType. */
export type FieldErrorType =
  | 'Required'
  | 'Invalid'
  | 'NotSupported'
  | 'Duplicate'
  | 'Forbidden'
  | 'TooLong'
  | 'TooMany'
  | 'NotFound';

/** One validation failure at a field path. */
export interface FieldError {
  type: FieldErrorType;
  /** The field path, e.g. "spec.containers[0].image". */
  field: string;
  /** The offending value, for Invalid, NotSupported, Duplicate. */
  value?: unknown;
  /** The explanation (Invalid, Forbidden, TooLong), or supported values (NotSupported). */
  detail?: string;
}

/** Formats a field error exactly as field.Error.Error() does. */
export function formatFieldError(e: FieldError): string {
  const value = formatValue(e.value);
  switch (e.type) {
    case 'Required':
      return `${e.field}: Required value${e.detail ? `: ${e.detail}` : ''}`;
    case 'Invalid':
      return `${e.field}: Invalid value: ${value}${e.detail ? `: ${e.detail}` : ''}`;
    case 'NotSupported':
      return `${e.field}: Unsupported value: ${value}${e.detail ? `: ${e.detail}` : ''}`;
    case 'Duplicate':
      return `${e.field}: Duplicate value: ${value}${e.detail ? `: ${e.detail}` : ''}`;
    case 'Forbidden':
      return `${e.field}: Forbidden${e.detail ? `: ${e.detail}` : ''}`;
    case 'TooLong':
      return `${e.field}: Too long: ${e.detail ?? ''}`;
    case 'TooMany':
      return `${e.field}: Too many: ${e.detail ?? ''}`;
    case 'NotFound':
      return `${e.field}: Not found: ${value}`;
  }
}

/** A value already rendered in Go syntax (%#v), printed verbatim in field errors. */
export class GoLiteral {
  constructor(readonly text: string) {}
}

function formatValue(v: unknown): string {
  if (v instanceof GoLiteral) return v.text;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Builds 422 Invalid: `Deployment.apps "web" is invalid: spec.selector: Required value`. */
export function invalid(
  kind: string,
  name: string,
  errors: readonly FieldError[],
  group = '',
): StatusError {
  // field.ErrorList.ToAggregate drops repeated messages.
  const unique = errors.filter(
    (e, i) => errors.findIndex((o) => formatFieldError(o) === formatFieldError(e)) === i,
  );
  const parts = unique.map(formatFieldError);
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  const causes: StatusCause[] = unique.map((e) => ({
    reason: `Field${e.type === 'NotSupported' ? 'ValueNotSupported' : `Value${e.type}`}`,
    message: formatFieldError(e).slice(e.field.length + 2),
    field: e.field,
  }));
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return status(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${joined}`, {
    name,
    group,
    kind,
    causes,
  });
}

/** Builds 400 BadRequest with a message. */
export function badRequest(message: string): StatusError {
  return status(400, 'BadRequest', message);
}

/** Builds 403 Forbidden, as admission plugins reject requests. */
export function forbidden(qualifiedResource: string, name: string, reason: string): StatusError {
  const [resource, group] = splitQualified(qualifiedResource);
  const what = name ? `${qualifiedResource} "${name}"` : qualifiedResource;
  return status(403, 'Forbidden', `${what} is forbidden: ${reason}`, {
    name,
    group,
    kind: resource,
  });
}

/** Builds 410 Gone for a watch or list from a resourceVersion older than the watch cache. */
export function tooOldResourceVersion(requested: number, oldest: number): StatusError {
  return status(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/** Builds 405 for a verb a resource does not support. */
export function methodNotAllowed(message: string): StatusError {
  return status(405, 'MethodNotAllowed', message);
}

/** Builds 500 with a message. */
export function internalError(message: string): StatusError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`);
}

function splitQualified(q: string): [string, string] {
  const dot = q.indexOf('.');
  return dot < 0 ? [q, ''] : [q.slice(0, dot), q.slice(dot + 1)];
}
