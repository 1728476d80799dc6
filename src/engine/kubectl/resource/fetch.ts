import type { KubeObject } from '../../api/object';
import { StatusError } from '../../apiserver/errors';
import type { ObjectList } from '../../apiserver/types';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { gvrString } from './info';
import type { Info } from './info';
import type { Target } from './builder';

// The builder's visitors: a LIST per selector target, a GET per named target or -f object
// (Latest), errors collected so the rest still print (ContinueOnError), NotFound optionally
// ignored (--ignore-not-found, or delete with -l/--all).

/** What fetching produced: the objects found and the errors met. */
export interface Fetched {
  infos: Info[];
  errors: unknown[];
}

/** How NotFound is treated. */
export interface FetchOptions {
  ignoreNotFound?: boolean;
}

/** Fetches every target in order. */
export function* fetchTargets(targets: readonly Target[], opts: FetchOptions = {}): Task<Fetched> {
  const out: Fetched = { infos: [], errors: [] };
  for (const t of targets) {
    if (t.kind === 'list') yield* fetchList(t, out);
    else {
      const info: Info = { resource: t.resource, namespace: t.namespace, name: t.name };
      yield* fetchOne(info, out, opts);
    }
  }
  return out;
}

/** Re-reads objects read from files from the server (the builder's Latest()). */
export function* refreshInfos(infos: readonly Info[], opts: FetchOptions = {}): Task<Fetched> {
  const out: Fetched = { infos: [], errors: [] };
  for (const info of infos) yield* fetchOne(info, out, opts);
  return out;
}

function* fetchOne(info: Info, out: Fetched, opts: FetchOptions): Task<void> {
  const res = yield* request({
    verb: 'get',
    resource: info.resource.resource,
    namespace: info.namespace,
    name: info.name,
  });
  if (res.error) {
    if (!(opts.ignoreNotFound && res.error.reason === 'NotFound'))
      out.errors.push(new StatusError(res.error));
    return;
  }
  out.infos.push({ ...info, object: res.body as KubeObject });
}

function* fetchList(t: Extract<Target, { kind: 'list' }>, out: Fetched): Task<void> {
  const res = yield* request({
    verb: 'list',
    resource: t.resource.resource,
    namespace: t.namespace,
    labelSelector: t.labelSelector || undefined,
    fieldSelector: t.fieldSelector || undefined,
  });
  if (res.error) {
    out.errors.push(listError(t, new StatusError(res.error)));
    return;
  }
  for (const item of (res.body as ObjectList).items) {
    out.infos.push({
      resource: t.resource,
      namespace: item.metadata?.namespace,
      name: item.metadata?.name ?? '',
      object: item,
    });
  }
}

// Selector.Visit rewords BadRequest and NotFound so the user sees which list failed.
function listError(t: Extract<Target, { kind: 'list' }>, err: StatusError): StatusError {
  if (err.reason !== 'BadRequest' && err.reason !== 'NotFound') return err;
  const gvr = JSON.stringify(gvrString(t.resource));
  const message =
    t.labelSelector === '' && t.fieldSelector === ''
      ? `Unable to list ${gvr}: ${err.status.message}`
      : `Unable to find ${gvr} that match label selector ${JSON.stringify(t.labelSelector)}, field selector ${JSON.stringify(t.fieldSelector)}: ${err.status.message}`;
  return new StatusError({ ...err.status, message });
}
