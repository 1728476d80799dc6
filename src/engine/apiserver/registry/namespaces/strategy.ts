import type { KubeObject } from '../../../api/object';
import type { Namespace } from '../../../api/types';
import { admitNamespaceDelete } from '../../admission/namespaceLifecycle';
import { defaultNamespace, NAMESPACE_NAME_LABEL } from '../../defaults/core';
import { dedupe } from '../../validation/field';
import { validateObjectMetaUpdate } from '../../validation/objectMeta';
import { validateNamespace, validateNamespaceStatus } from '../../validation/others';
import { decodingDefaults } from '../defaulting';
import { genericStrategy, keepStatus } from '../generic';

// Namespaces (pkg/registry/core/namespace/strategy.go): created Active with the "kubernetes"
// finalizer in spec.finalizers, which only the finalize subresource may change.

/** The finalizer the namespace controller removes once a namespace's contents are gone. */
export const FINALIZER_KUBERNETES = 'kubernetes';

/** Returns a namespace's selectable fields (the conversion allows only these two). */
export function namespaceSelectableFields(obj: KubeObject): Record<string, string> {
  return {
    'metadata.name': obj.metadata?.name ?? '',
    'status.phase': (obj as Namespace).status?.phase ?? '',
  };
}

/** The Namespace strategy. */
export const namespaceStrategy = genericStrategy(
  {
    applyDefaults: decodingDefaults<Namespace>('Namespace', defaultNamespace),
    prepareForCreate(obj) {
      delete obj.metadata?.namespace;
      const ns = obj as Namespace;
      delete ns.status;
      const spec = (ns.spec ??= {});
      if (!(spec.finalizers ?? []).includes(FINALIZER_KUBERNETES))
        spec.finalizers = [...(spec.finalizers ?? []), FINALIZER_KUBERNETES];
      ns.status = { phase: 'Active' };
    },
    prepareForUpdate(obj, old) {
      delete obj.metadata?.namespace;
      const ns = obj as Namespace;
      const finalizers = (old as Namespace).spec?.finalizers;
      if (finalizers === undefined) delete ns.spec?.finalizers;
      else (ns.spec ??= {}).finalizers = finalizers;
      keepStatus(obj, old);
    },
    validate: (obj) => dedupe(validateNamespace(obj as Namespace)),
    validateUpdate: (obj, old) =>
      dedupe([
        ...validateObjectMetaUpdate(obj, old),
        ...validateNamespace(obj as Namespace),
        ...validateNamespaceStatus(obj as Namespace),
      ]),
    // Upstream's Canonicalize: a generateName namespace only learns its name after defaulting.
    canonicalize(obj) {
      const name = obj.metadata?.name;
      if (name) ((obj.metadata ??= {}).labels ??= {})[NAMESPACE_NAME_LABEL] = name;
    },
    // A namespace with spec.finalizers is only marked Terminating; the namespace controller
    // empties it and calls finalize (pkg/registry/core/namespace/storage/storage.go).
    shouldDeleteDuringUpdate: (obj) => ((obj as Namespace).spec?.finalizers ?? []).length === 0,
    markForDeletion(copy) {
      const ns = copy as Namespace;
      if ((ns.spec?.finalizers ?? []).length === 0) return false;
      ns.status = { ...ns.status, phase: 'Terminating' };
      return true;
    },
    selectableFields: namespaceSelectableFields,
    admitDelete: (obj) => admitNamespaceDelete(obj.metadata?.name ?? ''),
    // namespaces/<name>/finalize may change spec.finalizers, and nothing of the status.
    prepareForFinalize: (obj, old) => keepStatus(obj, old),
  },
  { hasStatus: true, namespaced: false },
);
