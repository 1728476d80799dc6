import { wireCopy } from '../../api/object';
import type { Namespace } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import { FINALIZER_KUBERNETES } from '../../apiserver/registry/namespaces/strategy';
import { call, type Task } from '../../client/task';
import { deleteAllContent } from './content';

// namespacedResourcesDeleter.Delete (pkg/controller/namespace/deletion): for a namespace with a
// deletionTimestamp, make sure it is Terminating, delete its content, and once nothing remains
// remove the "kubernetes" finalizer through namespaces/<name>/finalize.
//   [NS1] content still expected to go (terminating pods, finalizers) returns an estimate, and
//         the namespace is looked at again after estimate/2 + 1 seconds.
//   [NS2] finalize with no finalizers left makes the apiserver remove the namespace: the
//         controller never deletes it itself (ShouldDeleteNamespaceDuringUpdate).

/** Why a retried write gave up: the namespace was deleted and recreated meanwhile. */
export const UID_CHANGED_MESSAGE = 'namespace uid has changed across retries';

/**
 * Runs one deletion pass; returns the estimate in seconds when content remains, nothing when
 * the namespace is finalized or not being deleted. [NS1][NS2]
 */
export function* deleteNamespace(name: string, now: () => number): Task<number | void> {
  // Several controllers may edit a terminating namespace: start from its latest state.
  let ns = yield* getNamespace(name);
  if (!ns?.metadata?.deletionTimestamp) return;
  ns = yield* ignoreNotFound(retryOnConflictError(ns, updateNamespaceStatus));
  if (!ns?.metadata?.deletionTimestamp) return;
  if (finalized(ns)) return;
  const { estimate, error } = yield* deleteAllContent(ns, now);
  if (error !== undefined) throw new Error(error);
  if (estimate > 0) return estimate;
  yield* ignoreNotFound(retryOnConflictError(ns, finalizeNamespace));
}

function* getNamespace(name: string): Task<Namespace | undefined> {
  return yield* ignoreNotFound(call<Namespace>({ verb: 'get', resource: 'namespaces', name }));
}

function* ignoreNotFound<T>(task: Task<T>): Task<T | undefined> {
  try {
    return yield* task;
  } catch (e) {
    if (e instanceof StatusError && e.code === 404) return undefined;
    throw e;
  }
}

const finalized = (ns: Namespace): boolean => (ns.spec?.finalizers ?? []).length === 0;

// retryOnConflictError: on 409, re-read and retry, unless the namespace was replaced.
function* retryOnConflictError(
  ns: Namespace,
  fn: (ns: Namespace) => Task<Namespace>,
): Task<Namespace> {
  let latest = ns;
  for (;;) {
    try {
      return yield* fn(latest);
    } catch (e) {
      if (!(e instanceof StatusError) || e.code !== 409) throw e;
    }
    const prev = latest;
    latest = yield* call<Namespace>({
      verb: 'get',
      resource: 'namespaces',
      name: prev.metadata?.name,
    });
    if (prev.metadata?.uid !== latest.metadata?.uid) throw new Error(UID_CHANGED_MESSAGE);
  }
}

// The apiserver already marks a deleted namespace Terminating; this repairs one that is not.
function* updateNamespaceStatus(ns: Namespace): Task<Namespace> {
  if (!ns.metadata?.deletionTimestamp || ns.status?.phase === 'Terminating') return ns;
  const copy = wireCopy(ns);
  copy.status = { ...copy.status, phase: 'Terminating' };
  return yield* call<Namespace>({
    verb: 'update',
    resource: 'namespaces',
    subresource: 'status',
    name: ns.metadata.name,
    body: copy,
  });
}

// Removes this controller's finalizer token; others are kept, sorted as a Go string set lists them.
function* finalizeNamespace(ns: Namespace): Task<Namespace> {
  const rest = [...new Set(ns.spec?.finalizers ?? [])].filter((f) => f !== FINALIZER_KUBERNETES);
  const body: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: wireCopy(ns.metadata),
    spec: { ...wireCopy(ns.spec), finalizers: rest.sort() },
  };
  return yield* call<Namespace>({
    verb: 'update',
    resource: 'namespaces',
    subresource: 'finalize',
    name: ns.metadata?.name,
    body,
  });
}
