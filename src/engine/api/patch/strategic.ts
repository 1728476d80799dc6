// Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch) for the fields kubectl
// patches in practice. Lists whose Go type carries a patchMergeKey merge item by item; other
// lists are replaced whole; maps merge; null deletes. Directives: $patch (replace, delete, merge),
// $deleteFromPrimitiveList/<field>, $setElementOrder/<field>, $retainKeys.

type Json = unknown;
type JsonObject = Record<string, Json>;

/**
 * The merge key of each list field, by field name. Real Kubernetes reads these from struct tags;
 * the names below are unambiguous across the kinds Wheelhouse serves.
 */
export const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  conditions: 'type',
  addresses: 'type',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  resourceClaims: 'name',
};

/** Lists of scalars that merge as sets instead of being replaced. */
export const SET_LISTS: ReadonlySet<string> = new Set(['finalizers']);

function isObject(v: Json): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Returns the merge key for a list field, accounting for Service ports keyed by "port". */
export function mergeKeyFor(field: string, items: readonly Json[]): string | undefined {
  const key = MERGE_KEYS[field];
  if (field === 'ports' && items.some((i) => isObject(i) && 'port' in i && !('containerPort' in i)))
    return 'port';
  return key;
}

/** Applies a strategic merge patch to a document, returning a new document. */
export function applyStrategicPatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch: _, ...rest } = patch;
    return stripDirectives(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  const retain = Array.isArray(patch.$retainKeys)
    ? new Set(patch.$retainKeys as string[])
    : undefined;
  // Removed keys are left out of a rebuilt object rather than deleted: `delete` of a key that is
  // not the last turns the object into a slow dictionary, and stored conditions lose reason and
  // message this way on every transition to True.
  let removed: Set<string> | undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const remove = new Set(Array.isArray(v) ? v : []);
      const cur = out[field];
      if (Array.isArray(cur)) out[field] = cur.filter((x) => !remove.has(x));
      continue;
    }
    if (v === null) {
      (removed ??= new Set()).add(k);
      continue;
    }
    if (Array.isArray(v)) {
      out[k] = mergeList(k, out[k], v, patch[`$setElementOrder/${k}`]);
      continue;
    }
    if (isObject(v)) {
      const merged = applyStrategicPatch(out[k], v);
      if (merged === undefined) (removed ??= new Set()).add(k);
      else out[k] = merged;
      continue;
    }
    out[k] = v;
  }
  return removed || retain ? without(out, removed, retain) : out;
}

/** Returns a copy of obj without the removed keys and, given retain, only those keys. */
export function without(
  obj: JsonObject,
  removed: ReadonlySet<string> | undefined,
  retain?: ReadonlySet<string>,
): JsonObject {
  const kept: JsonObject = {};
  for (const k of Object.keys(obj)) {
    if (removed?.has(k) || (retain && !retain.has(k))) continue;
    // As JSON.parse does, "__proto__" stays an own property, not the prototype.
    if (k === '__proto__')
      Object.defineProperty(kept, k, {
        value: obj[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else kept[k] = obj[k];
  }
  return kept;
}

function mergeList(field: string, current: Json, patch: Json[], order: Json): Json[] {
  const cur = Array.isArray(current) ? current : [];
  if (SET_LISTS.has(field)) {
    const out = [...cur];
    for (const item of patch) if (!out.includes(item)) out.push(item);
    return out;
  }
  if (patch.length === 1 && isObject(patch[0]) && patch[0].$patch === 'replace') return [];
  const key = mergeKeyFor(field, [...cur, ...patch]);
  if (!key) return patch.map(stripDirectives);
  const out: Json[] = [...cur];
  for (const item of patch) {
    if (!isObject(item)) continue;
    const idx = out.findIndex((c) => isObject(c) && c[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = applyStrategicPatch(out[idx], item);
    else out.push(stripDirectives(item));
  }
  return Array.isArray(order) ? sortByOrder(out, order, key) : out;
}

function sortByOrder(items: Json[], order: Json[], key: string): Json[] {
  const rank = new Map<Json, number>();
  order.forEach((o, i) => isObject(o) && rank.set(o[key], i));
  return [...items].sort((a, b) => {
    const ra = isObject(a) ? (rank.get(a[key]) ?? Infinity) : Infinity;
    const rb = isObject(b) ? (rank.get(b[key]) ?? Infinity) : Infinity;
    return ra - rb;
  });
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}
