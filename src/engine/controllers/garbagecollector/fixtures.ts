import type { KubeObject, StoredObject } from '../../api/object';
import { resourceForKind } from '../../api/resources';
import type { OwnerReference } from '../../api/types';
import type { ApiRequest, ObjectList, PropagationPolicy } from '../../apiserver/types';
import type { ComponentFactory } from '../../engine';
import { Engine } from '../../engine';
import { createGarbageCollector } from './garbageCollector';

// Test harness: a real Engine with no nodes, where the test plays the workload controllers by
// creating owners and dependents itself, with ownerReferences.

/** Starts an engine running the given controllers (the garbage collector by default). */
export function cluster(factories: readonly ComponentFactory[] = [createGarbageCollector]): Engine {
  return new Engine({ nodes: [] }, factories);
}

const template = (app: string): Record<string, unknown> => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
});

/** Returns a Deployment body. */
export function deployment(name: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { selector: { matchLabels: { app: name } }, template: template(name) },
  };
}

/** Returns a ReplicaSet body with owner references. */
export function replicaSet(name: string, owners: OwnerReference[] = []): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, ownerReferences: owners },
    spec: { selector: { matchLabels: { app: name } }, template: template(name) },
  };
}

/** Returns a Pod body with owner references and finalizers. */
export function pod(
  name: string,
  owners: OwnerReference[] = [],
  finalizers?: string[],
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ownerReferences: owners, finalizers },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
  };
}

/** Returns an ownerReference to a stored object, as a workload controller sets it. */
export function ownerRef(
  owner: KubeObject,
  opts: { controller?: boolean; blockOwnerDeletion?: boolean; uid?: string } = {},
): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata?.name ?? '',
    uid: opts.uid ?? owner.metadata?.uid ?? '',
    controller: opts.controller ?? true,
    blockOwnerDeletion: opts.blockOwnerDeletion ?? true,
  };
}

function resourceOf(obj: KubeObject): string {
  const info = resourceForKind(obj.kind ?? '');
  if (!info) throw new Error(`unknown kind ${obj.kind}`);
  return info.resource;
}

function send(e: Engine, req: ApiRequest): StoredObject {
  const res = e.request('kubectl', req);
  if (res.error) throw new Error(res.error.message);
  return res.body as StoredObject;
}

/** Creates an object (in "default" unless it names a namespace) and returns it as stored. */
export function create(e: Engine, obj: KubeObject, namespace = 'default'): StoredObject {
  return send(e, { verb: 'create', resource: resourceOf(obj), namespace, body: obj });
}

/** Reads an object, or undefined when it does not exist. */
export function get(
  e: Engine,
  resource: string,
  name: string,
  namespace = 'default',
): StoredObject | undefined {
  const res = e.request('kubectl', { verb: 'get', resource, namespace, name });
  return res.error ? undefined : (res.body as StoredObject);
}

/** Lists the names of a resource's objects in a namespace. */
export function names(e: Engine, resource: string, namespace = 'default'): string[] {
  const list = send(e, { verb: 'list', resource, namespace }) as unknown as ObjectList;
  return list.items.map((o) => o.metadata?.name ?? '');
}

/** Deletes an object as `kubectl delete --cascade=<policy>` does. */
export function remove(
  e: Engine,
  resource: string,
  name: string,
  policy?: PropagationPolicy,
  namespace = 'default',
): StoredObject {
  return send(e, { verb: 'delete', resource, namespace, name, propagationPolicy: policy });
}

/** Replaces an object's finalizers with a JSON merge patch. */
export function setFinalizers(
  e: Engine,
  resource: string,
  name: string,
  finalizers: string[] | null,
  namespace = 'default',
): void {
  send(e, {
    verb: 'patch',
    resource,
    namespace,
    name,
    patchType: 'merge',
    body: { metadata: { finalizers } },
  });
}
