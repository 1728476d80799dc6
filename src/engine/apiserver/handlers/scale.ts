import type { KubeObject, StoredObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { formatSelector, fromLabelSelector } from '../../api/labels';
import { qualifiedResource, storageKey } from '../../api/resources';
import type { HandlerContext, Respond } from '../apiserver';
import { StatusError, notFound } from '../errors';
import { decoded, patched, serveUpdate } from './update';

// The scale subresource of workloads (pkg/registry/apps/deployment/storage/storage.go ScaleREST,
// and its ReplicaSet twin): an autoscaling/v1 Scale view of spec.replicas. GET answers the view;
// PUT/PATCH edit the view and write spec.replicas back through the object's own update path, so
// defaulting, validation, generation and conflicts are the object's; a resourceVersion in the
// Scale is a precondition on the object (409 if stale).

/** Resources that serve /scale. */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

interface Scale extends KubeObject {
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/** Serves GET, PUT and PATCH of <resource>/<name>/scale. */
export function serveScale(ctx: HandlerContext, respond: Respond): void {
  const { req, info } = ctx;
  if (!SCALABLE.has(info.resource)) throw resourceNotFound();
  const name = req.name ?? '';
  const namespace = info.namespaced ? (req.namespace ?? 'default') : undefined;
  if (req.verb === 'get') {
    const key = storageKey(info, namespace, name);
    return ctx.range(
      { key, kind: info.kind, namespace, name },
      () => ctx.store.get(key)?.value,
      (obj) => {
        if (!obj)
          return respond({ code: 404, error: notFound(qualifiedResource(info), name).status });
        respond({ code: 200, body: scaleOf(obj) });
      },
    );
  }
  if (req.verb !== 'update' && req.verb !== 'patch') throw resourceNotFound();
  const objectReq = { ...ctx, req: { ...req, subresource: undefined } };
  serveUpdate(
    objectReq,
    (res) => respond(res.body ? { ...res, body: scaleOf(res.body as StoredObject) } : res),
    (old) => {
      const scale = scaleOf(old);
      const next = (req.verb === 'patch' ? patched(req, scale) : decoded(req, name)) as Scale;
      const obj = wireCopy(old) as KubeObject & { spec?: { replicas?: number } };
      (obj.spec ??= {}).replicas = next.spec?.replicas;
      const meta = (obj.metadata ??= {});
      const rv = next.metadata?.resourceVersion;
      if (rv) meta.resourceVersion = rv;
      else delete meta.resourceVersion;
      return obj;
    },
  );
}

// scaleFromDeployment: the object's identity, desired and observed replicas, and its selector as
// a string (what an HPA lists pods with).
function scaleOf(obj: StoredObject): Scale {
  const o = obj as StoredObject & {
    spec?: { replicas?: number; selector?: Parameters<typeof fromLabelSelector>[0] };
    status?: { replicas?: number };
  };
  const m = o.metadata;
  // LabelSelectorAsSelector orders requirements by key.
  const selector = [...(fromLabelSelector(o.spec?.selector) ?? [])].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, selector: formatSelector(selector) },
  };
}

// A subresource the resource does not have answers the apiserver's generic 404.
function resourceNotFound(): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  });
}
