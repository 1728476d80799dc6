import type { KubeObject, StoredObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { storageKey } from '../../api/resources';
import type { Pod, PodCondition } from '../../api/types';
import { rfc3339 } from '../../clock/time';
import type { HandlerContext, Respond } from '../apiserver';
import { errorResponse } from '../apiserver';
import { namespaceLifecycle } from '../admission/namespaceLifecycle';
import { StatusError, badRequest, conflict, notFound } from '../errors';
import type { ApiRequest, ApiResponse } from '../types';
import { serveDelete } from './delete';

// POST pods/<name>/eviction (pkg/registry/core/pod/storage/eviction.go, EvictionREST.Create).
// The simulator has no PodDisruptionBudgets, and a pod no budget covers is always evictable.
//   [EVICT1] the pod first gets condition DisruptionTarget (EvictionByEvictionAPI), written as a
//            status update, then is deleted with the Eviction's deleteOptions (grace period).
//   [EVICT2] success answers 201 with a Status Success.
//   [EVICT3] a missing pod answers 404 `pods "x" not found`.
//   [EVICT4] a dry run writes nothing.
//   [EVICT5] a Pending pod is deleted only at the resourceVersion the eviction saw; when it moved
//            meanwhile (or a terminal or terminating pod conflicts) the whole eviction is retried
//            every 500 ms, up to 20 times (EvictionsRetry), unless the client set the precondition.
//   [EVICT6] NamespaceLifecycle refuses evictions in a terminating namespace (403, with the
//            NamespaceTerminating cause kubectl drain looks for).

/** The reason of the DisruptionTarget condition an eviction adds. */
export const EVICTION_BY_EVICTION_API = 'EvictionByEvictionAPI';
/** The message of the DisruptionTarget condition an eviction adds. */
export const EVICTION_API_MESSAGE = 'Eviction API: evicting';

// EvictionsRetry: wait.Backoff{Steps: 20, Duration: 500ms, Factor: 1.0, Jitter: 0.1}.
const RETRY_STEPS = 20;
const RETRY_MS = 500;
const RETRY_JITTER = 0.1;

interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
}

interface Eviction {
  metadata?: { name?: string; namespace?: string };
  deleteOptions?: DeleteOptions;
}

/** Serves a pod eviction. */
export function serveEviction(ctx: HandlerContext, respond: Respond): void {
  const { req, info } = ctx;
  if (info.resource !== 'pods') throw badRequest('eviction is only supported for pods');
  const eviction = (req.body ?? {}) as Eviction;
  const namespace = req.namespace ?? 'default';
  if (eviction.metadata?.namespace && eviction.metadata.namespace !== namespace)
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  namespaceLifecycle.admit({
    operation: 'CREATE',
    resource: 'pods',
    qualifiedResource: 'pods',
    namespace,
    name: req.name ?? '',
    obj: eviction as KubeObject,
    old: undefined,
    ctx: ctx.sctx,
  });
  if (eviction.metadata?.name !== req.name)
    throw badRequest('name in URL does not match name in Eviction object');
  attempt(ctx, eviction.deleteOptions ?? {}, 1, respond);
}

function attempt(ctx: HandlerContext, options: DeleteOptions, tries: number, respond: Respond) {
  const name = ctx.req.name ?? '';
  const pod = ctx.current(ctx.req.namespace ?? 'default', name) as Pod | undefined;
  if (!pod) return respond(errorResponse(notFound('pods', name)));
  const requested = options.preconditions?.resourceVersion;
  const ignoresBudgets = canIgnorePDB(pod);
  const resourceVersion =
    requested ??
    (ignoresBudgets && enforceResourceVersion(pod) ? pod.metadata?.resourceVersion : undefined);
  // Only the loop over pods that skip budget checks retries, and never against the client's own
  // precondition.
  const retriable = ignoresBudgets && requested === undefined;
  const fail = (err: StatusError): void => {
    if (retriable && err.reason === 'Conflict' && tries < RETRY_STEPS) {
      const wait = RETRY_MS * (1 + RETRY_JITTER * ctx.sctx.rng.float());
      return ctx.later(wait, (fresh) => attempt(fresh, options, tries + 1, respond));
    }
    respond(errorResponse(err));
  };
  const remove = (rv: string | undefined): void =>
    deletePod(ctx, options, rv, (res) => {
      if (res.error?.reason === 'Conflict') return fail(new StatusError(res.error));
      respond(res.error ? res : success());
    });
  if (isDryRun(ctx.req, options)) return remove(resourceVersion);
  addDisruptionTarget(ctx, options, resourceVersion, (written) => {
    if (written instanceof StatusError) return fail(written);
    // The condition write moved the resourceVersion the delete is guarded by.
    remove(resourceVersion === undefined ? undefined : written);
  });
}

// conditionAppender after getLatestPod: the latest pod must still match the preconditions.
function addDisruptionTarget(
  ctx: HandlerContext,
  options: DeleteOptions,
  resourceVersion: string | undefined,
  done: (written: string | StatusError) => void,
): void {
  const namespace = ctx.req.namespace ?? 'default';
  const name = ctx.req.name ?? '';
  const key = storageKey(ctx.info, namespace, name);
  let written = '';
  ctx.txn(
    { key, kind: 'Pod', namespace, name },
    () => {
      const latest = ctx.current(namespace, name);
      if (!latest) throw notFound('pods', name);
      checkPreconditions(latest, options.preconditions?.uid, resourceVersion);
      const next = withDisruptionTarget(latest, ctx.sctx.now);
      written = latest.metadata.resourceVersion ?? '';
      if (!next) return { compares: [], ops: [] };
      const sealed = ctx.seal(next);
      written = sealed.metadata.resourceVersion ?? '';
      return { compares: [], ops: [{ type: 'put', key, value: sealed }] };
    },
    (r) => done(r instanceof StatusError ? r : written),
  );
}

function checkPreconditions(pod: StoredObject, uid?: string, resourceVersion?: string): void {
  const name = pod.metadata.name;
  if (uid && uid !== pod.metadata.uid)
    throw conflict(
      'Pod',
      name,
      `the UID in the precondition (${uid}) does not match the UID in record (${pod.metadata.uid ?? ''}). The object might have been deleted and then recreated`,
    );
  if (resourceVersion && resourceVersion !== pod.metadata.resourceVersion)
    throw conflict(
      'Pod',
      name,
      `the ResourceVersion in the precondition (${resourceVersion}) does not match the ResourceVersion in record (${pod.metadata.resourceVersion ?? ''}). The object might have been modified`,
    );
}

// podutil.UpdatePodCondition: a condition whose status is unchanged keeps its transition time;
// returns undefined when nothing would change.
function withDisruptionTarget(old: StoredObject, now: number): KubeObject | undefined {
  const pod = wireCopy(old) as unknown as Pod;
  const conditions = (pod.status ??= {}).conditions ?? [];
  const existing = conditions.find((c) => c.type === 'DisruptionTarget');
  const condition: PodCondition = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null as unknown as string,
    lastTransitionTime: existing?.status === 'True' ? existing.lastTransitionTime : rfc3339(now),
    reason: EVICTION_BY_EVICTION_API,
    message: EVICTION_API_MESSAGE,
  };
  if (
    existing &&
    existing.status === condition.status &&
    existing.reason === condition.reason &&
    existing.message === condition.message &&
    existing.lastTransitionTime === condition.lastTransitionTime
  )
    return undefined;
  pod.status.conditions = existing
    ? conditions.map((c) => (c === existing ? condition : c))
    : [...conditions, condition];
  return pod as unknown as KubeObject;
}

function deletePod(
  ctx: HandlerContext,
  options: DeleteOptions,
  resourceVersion: string | undefined,
  respond: Respond,
): void {
  const uid = options.preconditions?.uid;
  const req: ApiRequest = {
    verb: 'delete',
    resource: 'pods',
    namespace: ctx.req.namespace,
    name: ctx.req.name,
    gracePeriodSeconds: options.gracePeriodSeconds,
    preconditions: uid || resourceVersion ? { uid: uid || undefined, resourceVersion } : undefined,
    dryRun: isDryRun(ctx.req, options),
  };
  try {
    serveDelete({ ...ctx, req }, respond);
  } catch (e) {
    respond(errorResponse(e));
  }
}

// propagateDryRun: the request's dryRun fills the Eviction's deleteOptions when those set none.
function isDryRun(req: ApiRequest, options: DeleteOptions): boolean {
  return options.dryRun?.length ? options.dryRun.includes('All') : req.dryRun === true;
}

// canIgnorePDB: pods that are not running, or already going, need no budget check.
function canIgnorePDB(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return (
    phase === 'Succeeded' ||
    phase === 'Failed' ||
    phase === 'Pending' ||
    pod.metadata?.deletionTimestamp !== undefined
  );
}

// shouldEnforceResourceVersion: only a pod that may still become ready is pinned to the version
// the eviction saw.
function enforceResourceVersion(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return (
    phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata?.deletionTimestamp === undefined
  );
}

function success(): ApiResponse {
  return {
    code: 201,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 },
  };
}
