import type { StoredObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { allResources } from '../../api/resources';
import type { Namespace, Pod } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import type { ObjectList } from '../../apiserver/types';
import { parseTime, rfc3339 } from '../../clock/time';
import { call, request, type Task } from '../../client/task';
import { NamespaceConditionUpdater } from './conditions';

// deleteAllContent (namespaced_resources_deleter.go): for every namespaced resource, delete each
// object (the apiserver serves no deletecollection), list what is left, and estimate how long the
// rest will take; then record the outcome as status conditions.
//   [NS4] pods still inside their termination grace period are expected to remain: the estimate
//         is the longest terminationGracePeriodSeconds, until that long after deletion began.
//   [NS5] objects held by finalizers are expected too (estimate 15 s); anything else left is an
//         error: "unexpected items still remain in namespace".

/** The wait assumed for finalizers on remaining objects (finalizerEstimateSeconds). */
const FINALIZER_ESTIMATE_SECONDS = 15;

/** What one pass over a namespace found. */
export interface ContentResult {
  /** Seconds until the remaining content should be gone; 0 when nothing is expected to remain. */
  estimate: number;
  /** The aggregated error of the resource types that failed, if any. */
  error?: string;
}

interface GvrResult {
  estimate: number;
  remaining: number;
  finalizers?: Map<string, number>;
  error?: string;
}

/** Returns the GroupVersionResource as Go prints it: "/v1, Resource=pods". */
function gvrString(info: ResourceInfo): string {
  return `${info.group}/${info.version}, Resource=${info.resource}`;
}

/** Returns the message of a resource type whose objects remain with nothing holding them. [NS5] */
export function unexpectedItemsMessage(namespace: string, info: ResourceInfo): string {
  return `unexpected items still remain in namespace: ${namespace} for gvr: ${gvrString(info)}`;
}

/** Deletes a terminating namespace's content and writes its conditions. now reads the clock. */
export function* deleteAllContent(ns: Namespace, now: () => number): Task<ContentResult> {
  const namespace = ns.metadata?.name ?? '';
  const deletedAt = parseTime(ns.metadata?.deletionTimestamp);
  const updater = new NamespaceConditionUpdater(rfc3339(now()));
  const byResource = new Map<string, number>();
  const byFinalizer = new Map<string, number>();
  const errors: string[] = [];
  let estimate = 0;
  // Discovery: every namespaced resource the apiserver serves (all support delete).
  for (const info of allResources().filter((r) => r.namespaced)) {
    const since = (now() - deletedAt) / 1000;
    const r = yield* deleteAllContentForResource(info, namespace, since);
    if (r.error !== undefined) {
      errors.push(r.error);
      updater.processDeleteContentErr(r.error);
    }
    estimate = Math.max(estimate, r.estimate);
    if (r.remaining === 0) continue;
    byResource.set(`${info.resource}.${info.group}`, r.remaining);
    for (const [f, n] of r.finalizers ?? []) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + n);
  }
  updater.processContentTotals({ byResource, byFinalizer });
  yield* writeConditions(ns, updater);
  if (errors.length === 0) return { estimate };
  return { estimate, error: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` };
}

// Written whenever they changed, so a condition that cleared is shown as cleared. The write
// carries the resourceVersion read at the start of the pass; upstream only logs its failure.
function* writeConditions(ns: Namespace, updater: NamespaceConditionUpdater): Task<void> {
  const copy = wireCopy(ns);
  if (!updater.update((copy.status ??= {}))) return;
  yield* request({
    verb: 'update',
    resource: 'namespaces',
    subresource: 'status',
    name: ns.metadata?.name,
    body: copy,
  });
}

function* deleteAllContentForResource(
  info: ResourceInfo,
  namespace: string,
  secondsSinceDeletion: number,
): Task<GvrResult> {
  let estimate: number;
  try {
    estimate = yield* estimateGracefulTermination(info, namespace, secondsSinceDeletion);
  } catch (e) {
    return { estimate: 0, remaining: 0, error: messageOf(e) };
  }
  let items: StoredObject[];
  try {
    yield* deleteEachItem(info, namespace);
    items = yield* list(info, namespace);
  } catch (e) {
    return { estimate, remaining: 0, error: messageOf(e) };
  }
  if (items.length === 0) return { estimate: 0, remaining: 0 };
  const finalizers = new Map<string, number>();
  for (const item of items)
    for (const f of item.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
  const remaining = items.length;
  if (estimate !== 0) return { estimate, remaining, finalizers };
  if (finalizers.size > 0) return { estimate: FINALIZER_ESTIMATE_SECONDS, remaining, finalizers };
  return { estimate, remaining, error: unexpectedItemsMessage(namespace, info) };
}

// Background propagation, so the garbage collector never adds an orphan finalizer that would
// keep dependents alive; each object is deleted again on every pass, which is harmless.
function* deleteEachItem(info: ResourceInfo, namespace: string): Task<void> {
  for (const item of yield* list(info, namespace)) {
    const res = yield* request({
      verb: 'delete',
      resource: info.resource,
      namespace,
      name: item.metadata.name,
      propagationPolicy: 'Background',
    });
    if (res.error && res.error.code !== 404 && res.error.code !== 405)
      throw new StatusError(res.error);
  }
}

function* list(info: ResourceInfo, namespace: string): Task<StoredObject[]> {
  const res = yield* call<ObjectList>({ verb: 'list', resource: info.resource, namespace });
  return res.items as StoredObject[];
}

// Pods get up to their longest grace period, counted from the namespace's deletion. [NS4]
function* estimateGracefulTermination(
  info: ResourceInfo,
  namespace: string,
  secondsSinceDeletion: number,
): Task<number> {
  if (info.group !== '' || info.resource !== 'pods') return 0;
  let estimate = 0;
  for (const item of yield* list(info, namespace)) {
    const pod = item as unknown as Pod;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    estimate = Math.max(estimate, pod.spec?.terminationGracePeriodSeconds ?? 0);
  }
  return secondsSinceDeletion >= estimate ? 0 : estimate;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
