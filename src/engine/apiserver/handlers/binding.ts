import type { Binding, Pod, PodCondition } from '../../api/types';
import type { KubeObject, StoredObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { storageKey } from '../../api/resources';
import { rfc3339 } from '../../clock/time';
import type { HandlerContext, Respond } from '../apiserver';
import { errorResponse } from '../apiserver';
import { StatusError, badRequest, conflict, notFound } from '../errors';

// POST pods/<name>/binding (pkg/registry/core/pod/storage: BindingREST.assignPod): sets
// spec.nodeName and the PodScheduled condition in one write.
//   [BIND1] binding a pod that already has a node answers 409 "pod x is already assigned to node y".
//   [BIND2] binding a pod that is being deleted is refused.

/** Serves a pod binding. */
export function serveBinding(ctx: HandlerContext, respond: Respond): void {
  const { req, info } = ctx;
  if (info.resource !== 'pods') throw badRequest('binding is only supported for pods');
  const name = req.name ?? '';
  const namespace = req.namespace ?? 'default';
  const binding = req.body as Binding | undefined;
  const node = binding?.target?.name;
  if (!node) throw badRequest('Binding.target.name is required');
  const key = storageKey(info, namespace, name);
  const build = (): KubeObject => {
    const old = ctx.current(namespace, name);
    if (!old) throw notFound('pods', name);
    const pod = old as unknown as Pod;
    if (pod.metadata?.deletionTimestamp)
      throw conflict('pods', name, `pod ${name} is being deleted, cannot be assigned to a host`);
    if (pod.spec?.nodeName)
      throw conflict(
        'pods',
        name,
        `pod ${name} is already assigned to node "${pod.spec.nodeName}"`,
      );
    const next = wireCopy(old) as unknown as Pod;
    (next.spec ??= { containers: [] }).nodeName = node;
    const conditions = (next.status ??= {}).conditions ?? [];
    const scheduled: PodCondition = {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: rfc3339(ctx.sctx.now),
    };
    next.status.conditions = [...conditions.filter((c) => c.type !== 'PodScheduled'), scheduled];
    return next as unknown as KubeObject;
  };
  build();
  ctx.txn(
    { key, kind: 'Pod', namespace, name },
    () => {
      const next = build();
      return { compares: [], ops: [{ type: 'put', key, value: ctx.seal(next) }] };
    },
    (r) => {
      if (r instanceof StatusError) return respond(errorResponse(r));
      const pod = r.results[0]?.value as StoredObject;
      respond({
        code: 201,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          code: 201,
          details: { name: pod.metadata.name, kind: 'pods' },
        },
      });
    },
  );
}
