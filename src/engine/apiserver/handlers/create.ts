import type { KubeObject, StoredObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { apiVersionOf, qualifiedResource, storageKey } from '../../api/resources';
import { strictDecode } from '../decode';
import type { HandlerContext, Respond } from '../apiserver';
import { errorResponse } from '../apiserver';
import { StatusError, alreadyExists, badRequest, invalid } from '../errors';
import { fillCreateMetadata } from '../meta';
import { validateObjectMeta } from '../validation/objectMeta';

// POST: decode and default → mutating admission → prepare + metadata → validate → validating
// admission → etcd create-if-absent (the order of k8s.io/apiserver's create handler).

/** Serves a create. */
export function serveCreate(ctx: HandlerContext, respond: Respond): void {
  const obj = prepareCreate(ctx, ctx.req.body);
  const name = obj.metadata?.name as string;
  const namespace = obj.metadata?.namespace;
  const key = storageKey(ctx.info, namespace, name);
  const summary = { key, kind: ctx.info.kind, namespace, name };
  if (ctx.req.dryRun) return respond({ code: 201, body: obj });
  ctx.txn(
    summary,
    () => {
      if (ctx.current(namespace, name)) throw alreadyExists(qualifiedResource(ctx.info), name);
      return {
        compares: [{ key, target: 'mod', result: '=', value: 0 }],
        ops: [{ type: 'put', key, value: ctx.seal(obj) }],
      };
    },
    (r) => {
      if (r instanceof StatusError) return respond(errorResponse(r));
      respond({ code: 201, body: r.results[0]?.value as StoredObject });
    },
  );
}

/** Runs a create's pipeline up to the etcd write; throws a StatusError on rejection. */
export function prepareCreate(ctx: HandlerContext, body: unknown): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('the body of the request was not a JSON object');
  const decodeError = strictDecode(ctx.info.kind, apiVersionOf(ctx.info), body);
  if (decodeError) throw decodeError;
  const obj = wireCopy(body as KubeObject);
  const meta = (obj.metadata ??= {});
  if (ctx.info.namespaced) {
    const ns = ctx.req.namespace ?? meta.namespace ?? 'default';
    if (meta.namespace && meta.namespace !== ns) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    meta.namespace = ns;
  } else {
    delete meta.namespace;
  }
  const { strategy, sctx } = ctx;
  strategy.applyDefaults(obj);
  strategy.admit(obj, undefined, sctx);
  strategy.prepareForCreate(obj);
  fillCreateMetadata(obj, sctx.rng, sctx.now);
  const errors = [...validateObjectMeta(obj, ctx.info), ...strategy.validate(obj, sctx)];
  if (errors.length > 0)
    throw invalid(ctx.info.kind, meta.name ?? meta.generateName ?? '', errors, ctx.info.group);
  strategy.validateAdmission(obj, undefined, sctx);
  return obj;
}
