import type { KubeObject } from '../../../api/object';
import type { ReplicaSet } from '../../../api/types';
import { NAMESPACED_ADMISSION } from '../../admission/chains';
import { defaultReplicaSet } from '../../defaults/apps';
import {
  validateReplicaSetSpec,
  validateReplicaStatus,
  validateSelectorImmutable,
} from '../../validation/apps';
import { dedupe } from '../../validation/field';
import { validateObjectMetaUpdate } from '../../validation/objectMeta';
import { admitWith } from '../admit';
import { decodingDefaults } from '../defaulting';
import { genericStrategy, metadataFields } from '../generic';

// ReplicaSets (pkg/registry/apps/replicaset/strategy.go): generation bumps on spec changes only;
// status writes keep the spec; status.replicas is selectable.

/** Returns a ReplicaSet's selectable fields. */
export function replicaSetSelectableFields(obj: KubeObject): Record<string, string> {
  return {
    ...metadataFields(obj),
    'status.replicas': String((obj as ReplicaSet).status?.replicas ?? 0),
  };
}

/** The ReplicaSet strategy. */
export const replicaSetStrategy = genericStrategy(
  {
    applyDefaults: decodingDefaults<ReplicaSet>('ReplicaSet', defaultReplicaSet),
    admit: admitWith(NAMESPACED_ADMISSION, 'replicasets', 'replicasets.apps'),
    prepareForCreate(obj) {
      obj.status = { replicas: 0 };
      (obj.metadata ??= {}).generation = 1;
    },
    validate: (obj) => dedupe(validateReplicaSetSpec(obj as ReplicaSet)),
    validateUpdate: (obj, old) =>
      dedupe([
        ...validateObjectMetaUpdate(obj, old),
        ...validateReplicaSetSpec(obj as ReplicaSet),
        ...validateSelectorImmutable(obj as ReplicaSet, old as ReplicaSet),
        ...validateReplicaStatus((obj as ReplicaSet).status ?? {}),
      ]),
    selectableFields: replicaSetSelectableFields,
  },
  { hasStatus: true, namespaced: true, generation: true },
);
