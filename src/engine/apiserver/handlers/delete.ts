import type { KubeObject, StoredObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { qualifiedResource, storageKey } from '../../api/resources';
import { rfc3339 } from '../../clock/time';
import type { HandlerContext, Respond } from '../apiserver';
import { errorResponse } from '../apiserver';
import { StatusError, conflict, notFound } from '../errors';

// DELETE (k8s.io/apiserver/pkg/registry/generic/registry.Store.Delete):
//   [DEL1] an object with a grace period (pods on a node) only gets deletionTimestamp = now + grace.
//   [DEL2] Foreground and Orphan propagation add the foregroundDeletion / orphan finalizer.
//   [DEL3] an object with finalizers only gets deletionTimestamp; it goes when they are removed.
//   [DEL4] a second delete may shorten the grace period; grace 0 with no finalizers removes it.

/** Serves a delete. */
export function serveDelete(ctx: HandlerContext, respond: Respond): void {
  const { req, info } = ctx;
  const name = req.name ?? '';
  const namespace = info.namespaced ? (req.namespace ?? 'default') : undefined;
  const key = storageKey(info, namespace, name);
  const first = planDelete(ctx, namespace, name);
  if (req.dryRun)
    return respond({ code: 200, body: first.kind === 'remove' ? first.old : first.obj });
  let plan = first;
  ctx.txn(
    { key, kind: info.kind, namespace, name },
    () => {
      plan = planDelete(ctx, namespace, name);
      const compares = [
        {
          key,
          target: 'mod' as const,
          result: '=' as const,
          value: Number(plan.old.metadata.resourceVersion),
        },
      ];
      if (plan.kind === 'remove') return { compares, ops: [{ type: 'delete', key }] };
      if (plan.kind === 'noop') return { compares: [], ops: [] };
      return { compares, ops: [{ type: 'put', key, value: ctx.seal(plan.obj) }] };
    },
    (r) => {
      if (r instanceof StatusError) return respond(errorResponse(r));
      if (plan.kind === 'remove') return respond({ code: 200, body: plan.old });
      if (plan.kind === 'noop') return respond({ code: 202, body: plan.old });
      respond({ code: 202, body: r.results[0]?.value as StoredObject });
    },
  );
}

type Plan =
  | { kind: 'remove'; old: StoredObject }
  | { kind: 'mark'; old: StoredObject; obj: KubeObject }
  | { kind: 'noop'; old: StoredObject; obj?: undefined };

function planDelete(ctx: HandlerContext, namespace: string | undefined, name: string): Plan {
  const { req, info, strategy, sctx } = ctx;
  const old = ctx.current(namespace, name);
  if (!old) throw notFound(qualifiedResource(info), name);
  checkPreconditions(ctx, old);
  strategy.admitDelete?.(old, sctx);
  const grace = strategy.gracePeriodSeconds(old, req.gracePeriodSeconds);
  const finalizers = [...(old.metadata.finalizers ?? [])];
  const extra = propagationFinalizer(req.propagationPolicy);
  if (extra && !finalizers.includes(extra)) finalizers.push(extra);
  const deleting = old.metadata.deletionTimestamp !== undefined;
  const obj = wireCopy(old) as KubeObject;
  const retained = strategy.markForDeletion?.(obj) ?? false;
  if (finalizers.length === 0 && grace === 0 && !retained) return { kind: 'remove', old };
  const previousGrace = old.metadata.deletionGracePeriodSeconds ?? 0;
  const shorter = deleting && grace < previousGrace;
  if (deleting && !shorter && finalizers.length === (old.metadata.finalizers ?? []).length) {
    return { kind: 'noop', old };
  }
  const meta = (obj.metadata ??= {});
  if (!deleting || shorter) {
    meta.deletionTimestamp = rfc3339(sctx.now + grace * 1000);
    meta.deletionGracePeriodSeconds = grace;
  }
  if (finalizers.length > 0) meta.finalizers = finalizers;
  // Graceful deletion is a metadata write: it bumps resourceVersion but not generation.
  return { kind: 'mark', old, obj };
}

// Preconditions let a garbage collector delete "this object" rather than "whatever now has
// this name" (rest.ValidateDeleteOptions / storage Preconditions.Check).
function checkPreconditions(ctx: HandlerContext, old: StoredObject): void {
  const pre = ctx.req.preconditions;
  const name = old.metadata.name;
  if (pre?.uid !== undefined && pre.uid !== old.metadata.uid) {
    throw conflict(
      qualifiedResource(ctx.info),
      name,
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid ?? ''}`,
    );
  }
  if (pre?.resourceVersion !== undefined && pre.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict(
      qualifiedResource(ctx.info),
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion ?? ''}`,
    );
  }
}

function propagationFinalizer(policy: string | undefined): string | undefined {
  if (policy === 'Foreground') return 'foregroundDeletion';
  if (policy === 'Orphan') return 'orphan';
  return undefined;
}
