import { parseFieldSelector, matchesFields, FieldSelectorError } from '../../api/fields';
import { matches, parseSelector, SelectorParseError } from '../../api/labels';
import type { StoredObject } from '../../api/object';
import { apiVersionOf, qualifiedResource, storageKey, storagePrefix } from '../../api/resources';
import type { HandlerContext, Respond } from '../apiserver';
import { badRequest, notFound } from '../errors';
import type { ObjectList } from '../types';

/** Serves a GET of one object, read from etcd. */
export function serveGet(ctx: HandlerContext, respond: Respond): void {
  const { req, info } = ctx;
  const name = req.name ?? '';
  const namespace = info.namespaced ? (req.namespace ?? 'default') : undefined;
  const key = storageKey(info, namespace, name);
  ctx.range(
    { key, kind: info.kind, namespace, name },
    () => ctx.store.get(key)?.value,
    (obj) => {
      if (!obj)
        return respond({ code: 404, error: notFound(qualifiedResource(info), name).status });
      respond({ code: 200, body: obj });
    },
  );
}

/**
 * Serves a LIST. resourceVersion "0" is answered from the watch cache without a hop to etcd, as
 * informers' first list is; anything else is a consistent read from etcd.
 */
export function serveList(ctx: HandlerContext, respond: Respond): void {
  const { req, info } = ctx;
  const filter = compileFilter(ctx);
  const prefix = storagePrefix(info, info.namespaced ? req.namespace : undefined);
  const read = (): ObjectList => {
    const { kvs, revision } = ctx.store.range(prefix);
    const items = kvs.map((kv) => kv.value).filter(filter);
    return {
      apiVersion: apiVersionOf(info),
      kind: `${info.kind}List`,
      metadata: { resourceVersion: String(revision) },
      items,
    };
  };
  if (req.resourceVersion === '0') return respond({ code: 200, body: read() });
  ctx.range({ key: prefix, kind: info.kind, namespace: req.namespace }, read, (list) =>
    respond({ code: 200, body: list }),
  );
}

/** Compiles the request's label and field selectors into a predicate. */
export function compileFilter(ctx: HandlerContext): (obj: StoredObject) => boolean {
  const { req, strategy } = ctx;
  try {
    const labels = parseSelector(req.labelSelector ?? '');
    const fields = parseFieldSelector(req.fieldSelector ?? '');
    for (const f of fields) {
      if (
        !(f.field in strategy.selectableFields({ metadata: { name: '', namespace: '' } })) &&
        !knownField(ctx, f.field)
      ) {
        throw badRequest(
          `"${f.field}" is not a known field selector: only "${Object.keys(strategy.selectableFields({ metadata: {} })).join('", "')}"`,
        );
      }
    }
    return (obj) =>
      matches(labels, obj.metadata.labels) && matchesFields(fields, strategy.selectableFields(obj));
  } catch (e) {
    if (e instanceof SelectorParseError || e instanceof FieldSelectorError)
      throw badRequest(e.message);
    throw e;
  }
}

function knownField(ctx: HandlerContext, field: string): boolean {
  // Selectable fields of a kind are the keys its strategy reports for any object.
  return Object.keys(
    ctx.strategy.selectableFields({
      metadata: { name: 'x', namespace: 'x' },
      spec: {},
      status: {},
    }),
  ).includes(field);
}
