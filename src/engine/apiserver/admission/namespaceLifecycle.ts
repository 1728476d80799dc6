import type { StatusCause } from 'kubernetes-types/meta/v1';
import type { Namespace } from '../../api/types';
import type { StatusError } from '../errors';
import { forbidden, notFound } from '../errors';
import type { AdmissionPlugin } from './types';

// NamespaceLifecycle (staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle):
// the first plugin of the chain. Objects may not be created in a namespace that does not exist
// or is being terminated, and the system namespaces may not be deleted.

/** The plugin's name. */
export const NAMESPACE_LIFECYCLE = 'NamespaceLifecycle';
/** The namespaces the apiserver refuses to delete. */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];
/** Why a delete of an immortal namespace is refused. */
export const NAMESPACE_MAY_NOT_BE_DELETED = 'this namespace may not be deleted';

/** Why a create into a terminating namespace is refused. */
export function terminatingMessage(namespace: string): string {
  return `unable to create new content in namespace ${namespace} because it is being terminated`;
}

function terminatingError(resource: string, name: string, namespace: string): StatusError {
  const err = forbidden(resource, name, terminatingMessage(namespace));
  const cause: StatusCause = {
    reason: 'NamespaceTerminating',
    message: `namespace ${namespace} is being terminated`,
    field: 'metadata.namespace',
  };
  err.status.details = { ...err.status.details, causes: [cause] };
  return err;
}

/** NamespaceLifecycle for creates and updates. */
export const namespaceLifecycle: AdmissionPlugin = {
  name: NAMESPACE_LIFECYCLE,
  admit(a) {
    // Cluster-scoped objects and namespaces themselves are always allowed.
    if (a.namespace === undefined || a.resource === 'namespaces') return;
    const ns = a.ctx.lookup('namespaces', undefined, a.namespace) as Namespace | undefined;
    if (!ns) throw notFound('namespaces', a.namespace);
    if (a.operation === 'CREATE' && ns.status?.phase === 'Terminating')
      throw terminatingError(a.qualifiedResource, a.name, a.namespace);
  },
};

/** NamespaceLifecycle for deletes: refuses to delete default, kube-system and kube-public. */
export function admitNamespaceDelete(name: string): void {
  if (IMMORTAL_NAMESPACES.includes(name))
    throw forbidden('namespaces', name, NAMESPACE_MAY_NOT_BE_DELETED);
}
