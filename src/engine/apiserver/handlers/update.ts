import equal from 'fast-deep-equal';
import type { KubeObject, StoredObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { applyMergePatch } from '../../api/patch/merge';
import { applyStrategicPatch } from '../../api/patch/strategic';
import { apiVersionOf, qualifiedResource, storageKey } from '../../api/resources';
import { strictDecode } from '../decode';
import type { HandlerContext, Respond } from '../apiserver';
import { errorResponse } from '../apiserver';
import { StatusError, badRequest, conflict, invalid, notFound } from '../errors';
import { keepUpdateMetadata } from '../meta';
import { validateObjectMeta } from '../validation/objectMeta';
import type { ApiRequest } from '../types';
import { applyJsonPatch } from '../../api/patch/json';

// PUT and PATCH, on the main resource or its status subresource (GuaranteedUpdate):
// read current → build the new object → optimistic-concurrency check → defaults, admission,
// validation → write if anything changed. The build reruns at etcd if the object moved meanwhile.
//   [UPD1] a resourceVersion in the body that is not current answers 409 Conflict.
//   [UPD2] an update that changes nothing does not write and keeps the resourceVersion.
//   [UPD3] removing the last finalizer of an object being deleted deletes it.

/**
 * Serves a PUT or PATCH. A subresource that stands for part of the object (scale) passes
 * `rebuild`, which makes the new object from the current one, as upstream's UpdatedObjectInfo.
 */
export function serveUpdate(ctx: HandlerContext, respond: Respond, rebuild?: Rebuild): void {
  const { req, info } = ctx;
  const name = req.name ?? '';
  const namespace = info.namespaced ? (req.namespace ?? 'default') : undefined;
  const key = storageKey(info, namespace, name);
  // Run once now so an invalid request is refused without touching etcd.
  const first = buildUpdate(ctx, namespace, name, rebuild);
  if (first === 'unchanged') return respond({ code: 200, body: ctx.current(namespace, name) });
  if (req.dryRun) return respond({ code: 200, body: first.obj });
  let unchanged: StoredObject | undefined;
  ctx.txn(
    { key, kind: info.kind, namespace, name },
    () => {
      // GuaranteedUpdate tries its cached object first: if etcd still holds the object the first
      // build started from, that build stands; only a moved object is rebuilt.
      const built =
        ctx.current(namespace, name) === first.old
          ? first
          : buildUpdate(ctx, namespace, name, rebuild);
      if (built === 'unchanged') {
        unchanged = ctx.current(namespace, name);
        return { compares: [], ops: [] };
      }
      const mod = built.old.metadata.resourceVersion
        ? Number(built.old.metadata.resourceVersion)
        : 0;
      const compares = [{ key, target: 'mod' as const, result: '=' as const, value: mod }];
      if (built.finalized) return { compares, ops: [{ type: 'delete', key }] };
      return { compares, ops: [{ type: 'put', key, value: ctx.seal(built.obj) }] };
    },
    (r) => {
      if (r instanceof StatusError) return respond(errorResponse(r));
      if (unchanged) return respond({ code: 200, body: unchanged });
      const written = r.results[0]?.value as StoredObject;
      respond({ code: 200, body: written });
    },
  );
}

/** Makes the object to write from the current one. */
export type Rebuild = (old: StoredObject) => KubeObject;

interface Built {
  obj: KubeObject;
  old: StoredObject;
  /** The object lost its last finalizer while being deleted, so it goes. [UPD3] */
  finalized: boolean;
}

function buildUpdate(
  ctx: HandlerContext,
  namespace: string | undefined,
  name: string,
  rebuild: Rebuild | undefined,
): Built | 'unchanged' {
  const { req, info, strategy, sctx } = ctx;
  const old = ctx.current(namespace, name);
  if (!old) throw notFound(qualifiedResource(info), name);
  const obj = rebuild
    ? rebuild(old)
    : req.verb === 'patch'
      ? patched(req, old)
      : decoded(req, name);
  const decodeError = strictDecode(info.kind, apiVersionOf(info), obj, old);
  if (decodeError) throw decodeError;
  const rv = obj.metadata?.resourceVersion;
  if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion)
    throw conflict(qualifiedResource(info), name);
  const meta = (obj.metadata ??= {});
  meta.name = name;
  if (namespace !== undefined) meta.namespace = namespace;
  keepUpdateMetadata(obj, old, qualifiedResource(info));
  strategy.applyDefaults(obj);
  if (req.subresource === 'status') strategy.prepareForStatusUpdate(obj, old);
  else if (req.subresource === 'finalize') {
    if (!strategy.prepareForFinalize) throw notFound(`${info.resource}/finalize`, name);
    strategy.prepareForFinalize(obj, old);
  } else {
    strategy.admit(obj, old, sctx);
    strategy.prepareForUpdate(obj, old);
  }
  const errors = [...validateObjectMeta(obj, info), ...strategy.validateUpdate(obj, old, sctx)];
  if (errors.length > 0) throw invalid(info.kind, name, errors, info.group);
  strategy.canonicalize?.(obj);
  if (req.subresource === undefined) strategy.validateAdmission(obj, old, sctx);
  meta.resourceVersion = old.metadata.resourceVersion;
  if (unchangedBut(obj, old)) return 'unchanged';
  // registry.Store.Update's ShouldDeleteDuringUpdate: only an object already past its grace period
  // (or without one) goes when its last finalizer does; a terminating pod's status write does not.
  const finalized =
    Boolean(old.metadata.deletionTimestamp) &&
    (meta.finalizers ?? []).length === 0 &&
    (old.metadata.deletionGracePeriodSeconds ?? 0) === 0 &&
    (strategy.shouldDeleteDuringUpdate?.(obj) ?? true);
  return { obj, old, finalized };
}

/** Decodes a PUT body, whose name must match the URL's. */
export function decoded(req: ApiRequest, name: string): KubeObject {
  const body = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('the body of the request was not a JSON object');
  const obj = wireCopy(body as KubeObject);
  const bodyName = obj.metadata?.name;
  if (bodyName !== undefined && bodyName !== name) {
    throw badRequest(
      `the name of the object (${bodyName}) does not match the name on the URL (${name})`,
    );
  }
  return obj;
}

/** Applies a PATCH body to the current object by its patch type. */
export function patched(req: ApiRequest, old: KubeObject): KubeObject {
  const patch = wireCopy(req.body);
  const type = req.patchType ?? 'strategic';
  const base = statusOnly(req, type, patch) ? statusBase(old) : (wireCopy(old) as KubeObject);
  // A patch is applied to the current object, so its resourceVersion only matters if the patch
  // itself names one.
  delete base.metadata?.resourceVersion;
  let out: unknown;
  switch (type) {
    case 'merge':
      out = applyMergePatch(base, patch);
      break;
    case 'strategic':
      out = applyStrategicPatch(base, patch);
      break;
    case 'json':
      out = applyJsonPatch(base, patch);
      break;
  }
  if (out === null || typeof out !== 'object' || Array.isArray(out))
    throw badRequest('the patch did not produce an object');
  return out as KubeObject;
}

/**
 * Whether a patch is a status write that names only metadata and status, as every kubelet and
 * scheduler status patch does. Merge and strategic patches build new objects along the paths they
 * patch and leave the rest of their target alone, and a status write keeps everything but metadata
 * and status as stored, so only those two need private copies.
 */
function statusOnly(req: ApiRequest, type: string, patch: unknown): boolean {
  if (req.subresource !== 'status' || type === 'json') return false;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return false;
  for (const k in patch) if (k !== 'metadata' && k !== 'status') return false;
  return true;
}

/**
 * The stored object with its metadata and status copied and every other field shared. Defaulting
 * then finds the shared fields already defaulted and writes nothing to them ([DEF1]).
 */
function statusBase(old: KubeObject): KubeObject {
  const base: KubeObject = {};
  for (const k in old) {
    if (!Object.hasOwn(old, k)) continue;
    base[k] = k === 'metadata' || k === 'status' ? wireCopy(old[k]) : old[k];
  }
  return base;
}

/** Reports whether obj equals old apart from metadata.managedFields, copying neither. [UPD2] */
function unchangedBut(obj: KubeObject, old: KubeObject): boolean {
  return (
    equalWithout(obj, old, 'metadata') &&
    equalWithout(obj.metadata ?? {}, old.metadata ?? {}, 'managedFields')
  );
}

// Deep equality of two objects' fields other than skip, as fast-deep-equal compares objects.
function equalWithout(a: object, b: object, skip: string): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    if (k === skip || !Object.hasOwn(ra, k)) continue;
    n++;
    if (!Object.hasOwn(rb, k) || !equal(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (k !== skip && Object.hasOwn(rb, k)) n--;
  return n === 0;
}
