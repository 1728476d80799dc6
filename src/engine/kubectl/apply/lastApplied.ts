import type { KubeObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { goJson } from '../manifest/goJson';
import type { JsonObject } from './schema';
import { isObject } from './schema';

// The kubectl.kubernetes.io/last-applied-configuration annotation (kubectl/pkg/util/apply.go):
// the object as written in the file, encoded by Go's JSON encoder — sorted keys, an empty
// "annotations": {} when there were none, and a trailing newline from json.Encoder.

/** The annotation kubectl apply keeps the last applied configuration in. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Encodes the object without its own last-applied annotation (GetModifiedConfiguration). */
export function encodeConfiguration(obj: KubeObject): string {
  const copy = wireCopy(obj);
  const meta = (copy.metadata ??= {});
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  meta.annotations = annotations;
  return `${goJson(copy)}\n`;
}

/** Returns the object with the annotation set to its own configuration (CreateApplyAnnotation). */
export function withLastApplied(obj: KubeObject): KubeObject {
  const config = encodeConfiguration(obj);
  const copy = wireCopy(obj);
  const meta = (copy.metadata ??= {});
  meta.annotations = { ...(meta.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: config };
  return copy;
}

/** Reads the last applied configuration from a live object, if it has one. */
export function lastApplied(current: KubeObject): JsonObject | undefined {
  const text = current.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
