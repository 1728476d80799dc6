import type { KubeObject } from '../../api/object';
import type { Event } from '../../api/types';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, tabbedString, type PrefixWriter } from './writer';

// kubectl's generic describer, used for kinds without a describer of their own (Event, Lease):
// name, namespace, labels and annotations, then every other field with "smart" labels, sorted
// (describe.go genericDescriber, printUnstructuredContent and smartLabelFor of v1.31).

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** Renders describe for a kind without its own describer. */
export function describeGeneric(
  obj: KubeObject,
  events: readonly Event[] | undefined,
  now: number,
): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
    printContent(w, LEVEL_0, JSON.parse(JSON.stringify(obj)) as Record<string, unknown>, '');
    if (events) describeEvents(w, events, now);
  });
}

function printContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    const value = content[field];
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// fmt's %v of a decoded JSON value.
function goValue(v: unknown): string {
  return v === null || v === undefined ? '<nil>' : String(v);
}

/** Turns a field name into describe's label: "apiVersion" → "API Version", "holderIdentity" →
 * "Holder Identity"; names with characters other than letters and "-" are kept as they are. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((part) => part !== '_')
    .map((part) =>
      ACRONYMS.has(part.toUpperCase())
        ? part.toUpperCase()
        : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join(' ');
}

// github.com/fatih/camelcase Split: runs of lower, upper, digit and other characters, then an
// upper-case run followed by lower case gives its last letter to the next word ("PDFLoader").
function camelSplit(s: string): string[] {
  const cls = (c: string) =>
    /\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4;
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last) (runs[runs.length - 1] as string[]).push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i] as string[];
    const next = runs[i + 1] as string[];
    if (cls(cur[0] as string) === 2 && cls(next[0] as string) === 1)
      next.unshift(cur.pop() as string);
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
