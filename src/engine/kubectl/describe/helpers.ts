import type { KubeObject } from '../../api/object';
import type { Taint, Toleration } from '../../api/types';
import { since } from '../printers/duration';
import { NONE } from '../printers/format';
import { LEVEL_0, type PrefixWriter } from './writer';

// The multi-line field printers and formatting helpers describe.go shares between describers.

/** Annotation describe never shows (corev1.LastAppliedConfigAnnotation). */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
// Longer annotations are printed on their own lines and cut (maxAnnotationLen).
const MAX_ANNOTATION_LEN = 140;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Formats an RFC3339 timestamp as Go's time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700"). kubectl
 * shows its local zone; the simulated clients run in UTC. An unset time prints Go's zero time.
 */
export function rfc1123z(ts: string | null | undefined): string {
  const ms = ts ? Date.parse(ts) : NaN;
  if (Number.isNaN(ms)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Returns HumanDuration since a timestamp, "<unknown>" when unset (translateTimestampSince). */
export const translateTimestampSince = since;

/** Returns s, or "<none>" when empty. */
export function stringOrNone(s: string | undefined | null): string {
  return s ? s : NONE;
}

/** Formats a bool as describe's printBool: "True" or "False". */
export function printBool(b: boolean | undefined): string {
  return b ? 'True' : 'False';
}

/** Returns "Kind/name" of the controller owner reference, or "" (printController). */
export function printController(obj: KubeObject): string {
  const ref = obj.metadata?.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** Prints "Title:\t" then one sorted "k=v" per line, or "<none>" (printLabelsMultiline). */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line(NONE);
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${key}=${(labels as Record<string, string>)[key]}\n`);
  });
}

/** Prints annotations as "k: v" lines, long or multi-line values on their own lines
 * (printAnnotationsMultiline); kubectl's last-applied-configuration is skipped. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) return w.line(NONE);
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = ((annotations as Record<string, string>)[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n'))
        w.write(LEVEL_0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** Formats a taint as Taint.ToString: "key=value:Effect" or "key:Effect". */
function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** Prints taints sorted by "effect,key", one per line, or "<none>" (printNodeTaintsMultiline). */
export function printTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const sorted = [...(taints ?? [])].sort((a, b) =>
    cmp(`${a.effect},${a.key}`, `${b.effect},${b.key}`),
  );
  if (sorted.length === 0) return w.line(NONE);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** Prints tolerations sorted by key, as "key=value:Effect op=Exists for 300s"
 * (printPodTolerationsMultiline). */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const sorted = [...(tolerations ?? [])].sort((a, b) => cmp(a.key ?? '', b.key ?? ''));
  if (sorted.length === 0) return w.line(NONE);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // An Exists toleration without key or effect tolerates everything.
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds != null) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** Compares strings by code unit, as Go's < on strings does for ASCII. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
