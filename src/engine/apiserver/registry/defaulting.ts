import type { KubeObject } from '../../api/object';
import { QuantityFormatError } from '../defaults/quantities';
import { badRequest } from '../errors';

/**
 * Wraps a defaulting function so a value the decoder could not have read (a malformed quantity)
 * answers 400 as upstream's decoder does: `Pod in version "v1" cannot be handled as a Pod: …`.
 */
export function decodingDefaults<T>(kind: string, fn: (obj: T) => void): (obj: KubeObject) => void {
  return (obj) => {
    try {
      fn(obj as T);
    } catch (e) {
      if (e instanceof QuantityFormatError)
        throw badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: ${e.message}`);
      throw e;
    }
  };
}
