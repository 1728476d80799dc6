import { Document, isScalar, type Pair, type ScalarTag } from 'yaml';
import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { writeScalar } from './goYamlScalar';
import { groupKind } from './table';

// kubectl get -o yaml|json|name. kubectl receives objects as unstructured maps, so both encoders
// see keys in sorted order at every level: encoding/json sorts map keys, and sigs.k8s.io/yaml
// re-reads the JSON with go-yaml v2, whose encoder sorts keys with its own "natural" order.

const STR_TAG = 'tag:yaml.org,2002:str';

/** Wraps several objects as kubectl get's printGeneric does: a v1 List with an empty RV. */
function asV1List(items: KubeObject[]): KubeObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

// What the wire would carry (undefined fields vanish), without metadata.managedFields, which
// kubectl hides unless --show-managed-fields.
function forOutput(items: readonly KubeObject[], asList: boolean): KubeObject {
  const copies = JSON.parse(JSON.stringify(items)) as KubeObject[];
  for (const obj of copies) if (obj.metadata) delete obj.metadata.managedFields;
  return !asList && copies.length === 1 ? (copies[0] as KubeObject) : asV1List(copies);
}

/** -o yaml: one object as itself, several as a v1 List (kind: List, metadata: resourceVersion ""). */
export function printYaml(items: readonly KubeObject[], asList: boolean): string {
  const doc = new Document(forOutput(items, asList), {
    aliasDuplicateObjects: false,
    sortMapEntries: (a: Pair, b: Pair) => goKeyCompare(keyText(a), keyText(b)),
    customTags: (tags) =>
      tags.map((t) =>
        typeof t === 'object' && t.tag === STR_TAG
          ? { ...(t as ScalarTag), stringify: goString }
          : t,
      ),
  });
  return doc.toString({ indentSeq: false });
}

// Strings are written by the go-yaml port; the yaml package keeps the block structure. A map
// value starts after "key: " (ctx.indentAtStart counts "key: " from the pair's indent, which is
// one step less than ctx.indent); a sequence item starts at ctx.indent.
const goString: ScalarTag['stringify'] = (item, ctx) => {
  const column =
    typeof ctx.indentAtStart === 'number'
      ? ctx.indent.length - 2 + ctx.indentAtStart
      : ctx.indent.length;
  return writeScalar(String(item.value), {
    column,
    indent: ctx.indent,
    simpleKey: ctx.implicitKey === true,
  });
};

function keyText(p: Pair): string {
  return String(isScalar(p.key) ? p.key.value : p.key);
}

/** Orders map keys as go-yaml v2's keyList.Less: letters by code point, non-letters before
 * letters, and runs of digits by numeric value ("a9" before "a10"). */
export function goKeyCompare(a: string, b: string): number {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) continue;
    const al = /\p{L}/u.test(ac);
    const bl = /\p{L}/u.test(bc);
    if (al && bl) return ac < bc ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    return compareDigitRuns(ar, br, i);
  }
  return ar.length - br.length;
}

function compareDigitRuns(ar: string[], br: string[], i: number): number {
  let an = 0;
  let bn = 0;
  // A run that already has a non-zero digit before i compares as if led by 1 (go-yaml's quirk).
  if (ar[i] === '0' || br[i] === '0') {
    for (let j = i - 1; j >= 0 && /\p{Nd}/u.test(ar[j] as string); j--) {
      if (ar[j] !== '0') {
        an = bn = 1;
        break;
      }
    }
  }
  let ai = i;
  let bi = i;
  for (; ai < ar.length && /\p{Nd}/u.test(ar[ai] as string); ai++) an = an * 10 + Number(ar[ai]);
  for (; bi < br.length && /\p{Nd}/u.test(br[bi] as string); bi++) bn = bn * 10 + Number(br[bi]);
  if (an !== bn) return an - bn;
  if (ai !== bi) return ai - bi;
  return (ar[i] as string) < (br[i] as string) ? -1 : 1;
}

/** -o json: 4-space indentation, keys sorted, <, > and & escaped as Go's encoding/json does. */
export function printJson(items: readonly KubeObject[], asList: boolean): string {
  const text = JSON.stringify(sortKeys(forOutput(items, asList)), null, 4);
  return `${text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** -o name: "pod/web", "deployment.apps/web", one per line. */
export function printNames(resource: ResourceInfo, items: readonly KubeObject[]): string {
  return items
    .map((obj) => `${groupKind(resource)}/${obj.metadata?.name || '<unknown>'}\n`)
    .join('');
}
