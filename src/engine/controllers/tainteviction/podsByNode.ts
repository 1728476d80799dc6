import type { StoredObject } from '../../api/object';
import type { Pod } from '../../api/types';

/** The pod informer index both node controllers use (nodeNameKeyIndex upstream). [SCALE1] */
export const BY_NODE_NAME = 'spec.nodeName';

/** Indexes a pod under the node it is bound to; unbound pods are not indexed. */
export function podNodeName(obj: StoredObject): string[] {
  const node = (obj as unknown as Pod).spec?.nodeName;
  return node ? [node] : [];
}
