import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { apiVersionOf, resourceForKind } from '../../api/resources';
import { AggregateError, KubectlError } from '../errors';

// Turning one decoded document into a typed object (cli-runtime resource mapper.infoForData and
// kubectl's schema check getObjectKind): apiVersion and kind must be set, and must name a served
// resource, or the document gets kubectl's exact complaint.

/** The advice kubectl appends to every validation failure. */
export const STOP_VALIDATE_MESSAGE =
  'if you choose to ignore these errors, turn validation off with --validate=false';

/** One object read from a manifest, with its mapping. */
export interface DecodedObject {
  object: KubeObject;
  resource: ResourceInfo;
}

/** Thrown when validation fails: kubectl stops reading the rest of that file. */
export class ValidationStop extends KubectlError {}

/** Checks apiVersion and kind as kubectl's validator does; throws ValidationStop. */
export function validateKind(value: unknown, source: string): void {
  const errs: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errs.push('error getting object kind');
  } else {
    const fields = value as Record<string, unknown>;
    const apiVersion = fields.apiVersion;
    if (apiVersion === undefined || apiVersion === null) errs.push('apiVersion not set');
    else if (typeof apiVersion !== 'string') errs.push("apiVersion isn't string type");
    else if (apiVersion.split('/').length > 2)
      errs.push(`unexpected GroupVersion string: ${apiVersion}`);
    const kind = fields.kind;
    if (kind === undefined || kind === null) errs.push('kind not set');
    else if (typeof kind !== 'string') errs.push("kind isn't string type");
  }
  if (errs.length === 0) return;
  const joined = new AggregateError(errs.map((e) => new Error(e))).message;
  throw new ValidationStop(
    `error validating ${JSON.stringify(source)}: error validating data: ${joined}; ${STOP_VALIDATE_MESSAGE}`,
  );
}

/** Maps a document to objects (a List yields its items); throws KubectlError per bad object. */
export function decodeObjects(value: unknown, source: string): DecodedObject[] {
  const obj = value as KubeObject;
  const kind = typeof obj?.kind === 'string' ? obj.kind : '';
  if (kind === '' || typeof value !== 'object' || Array.isArray(value)) {
    throw new KubectlError(
      `unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${JSON.stringify(value)}'`,
    );
  }
  if (Array.isArray(obj.items) && (kind === 'List' || kind.endsWith('List'))) {
    return obj.items.flatMap((item) => decodeObjects(item, source));
  }
  return [{ object: obj, resource: mapKind(obj, source) }];
}

function mapKind(obj: KubeObject, source: string): ResourceInfo {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = obj.kind as string;
  const info = resourceForKind(kind);
  if (info && apiVersionOf(info) === apiVersion) return info;
  const meta = (obj.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  throw new KubectlError(
    `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} ` +
      `from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\n` +
      'ensure CRDs are installed first',
  );
}
