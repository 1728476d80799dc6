import type { KubeObject } from '../../../api/object';
import type { Node } from '../../../api/types';
import { NODE_ADMISSION } from '../../admission/chains';
import { defaultNode } from '../../defaults/core';
import { dedupe } from '../../validation/field';
import { validateNode, validateNodeUpdate } from '../../validation/node';
import { validateObjectMetaUpdate } from '../../validation/objectMeta';
import { admitWith } from '../admit';
import { decodingDefaults } from '../defaulting';
import { genericStrategy } from '../generic';

// Nodes (pkg/registry/core/node/strategy.go): a node may be created with its status (the kubelet
// registers that way); later main-resource writes keep the stored status.

/** Returns a node's selectable fields. */
export function nodeSelectableFields(obj: KubeObject): Record<string, string> {
  return {
    'metadata.name': obj.metadata?.name ?? '',
    'spec.unschedulable': String((obj as Node).spec?.unschedulable ?? false),
  };
}

/** The Node strategy. */
export const nodeStrategy = genericStrategy(
  {
    applyDefaults: decodingDefaults<Node>('Node', defaultNode),
    admit: admitWith(NODE_ADMISSION, 'nodes', 'nodes'),
    prepareForCreate(obj) {
      delete obj.metadata?.namespace;
    },
    validate: (obj) => dedupe(validateNode(obj as Node)),
    validateUpdate: (obj, old) =>
      dedupe([
        ...validateObjectMetaUpdate(obj, old),
        ...validateNodeUpdate(obj as Node, old as Node),
      ]),
    selectableFields: nodeSelectableFields,
  },
  { hasStatus: true, namespaced: false },
);
