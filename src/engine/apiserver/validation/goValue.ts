import type { LabelSelector } from '../../api/types';
import { GoLiteral } from '../errors';

// field.Error prints a bad value that is not a string, number or Stringer with Go's %#v, so
// students see "map[string]string{...}" and "v1.LabelSelector{...}" in real messages. These
// helpers render those literals; goLiteral makes errors.ts print one verbatim.

/** Wraps pre-rendered Go syntax so formatFieldError prints it unquoted. */
export function goLiteral(text: string): GoLiteral {
  return new GoLiteral(text);
}

/** Quotes a string as Go's %q does for printable ASCII. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Renders map[string]string with %#v: keys sorted, nil maps shown as (nil). */
export function goStringMap(m: Readonly<Record<string, string>> | undefined | null): string {
  if (m == null) return 'map[string]string(nil)';
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(m[k] as string)}`);
  return `map[string]string{${entries.join(', ')}}`;
}

function goStringSlice(values: readonly string[] | undefined): string {
  if (values == null) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

/** Renders a metav1.LabelSelector (dereferenced) with %#v. */
export function goLabelSelector(sel: LabelSelector): string {
  const exprs = sel.matchExpressions;
  const rendered =
    exprs == null
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values)}}`,
          )
          .join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${rendered}}`;
}

/** Renders an intstr.IntOrString with %#v (Type 0 is Int, 1 is String). */
export function goIntOrString(v: number | string | undefined): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}
