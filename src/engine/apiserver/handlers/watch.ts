import { FieldSelectorError, parseFieldSelector } from '../../api/fields';
import { SelectorParseError, parseSelector } from '../../api/labels';
import type { StoredObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { storagePrefix } from '../../api/resources';
import type { MvccStore } from '../../store/mvcc';
import { badRequest } from '../errors';
import type { ApiRequest, WatchEvent } from '../types';
import type { WatchCache } from '../watchCache';

/** Registers a client watch on a resource's watch cache; returns the function that stops it. */
export function startWatch(
  req: ApiRequest,
  info: ResourceInfo,
  cache: WatchCache,
  store: MvccStore<StoredObject>,
  send: (e: WatchEvent) => void,
): () => void {
  let labels;
  let fields;
  try {
    labels = parseSelector(req.labelSelector ?? '');
    fields = parseFieldSelector(req.fieldSelector ?? '');
  } catch (e) {
    if (e instanceof SelectorParseError || e instanceof FieldSelectorError)
      throw badRequest(e.message);
    throw e;
  }
  const namespace = info.namespaced ? req.namespace : undefined;
  const rv = req.resourceVersion ? Number(req.resourceVersion) : 0;
  if (!Number.isFinite(rv) || rv < 0)
    throw badRequest(`invalid resource version: ${req.resourceVersion}`);
  const current = (): StoredObject[] =>
    store.range(storagePrefix(info, namespace)).kvs.map((kv) => kv.value);
  return cache.add({ namespace, labels, fields, send }, rv, current);
}
