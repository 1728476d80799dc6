import type { LabelSelector } from '../../api/types';

// Small formatters kubectl's printers and describers share, each as apimachinery writes it.

/** Printed for an empty value: labels, selectors, IPs, node names. */
export const NONE = '<none>';

/** Formats labels as labels.FormatLabels does: sorted "k=v" joined by ",", or "<none>". */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return NONE;
  return keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',');
}

/**
 * Formats a structured selector as metav1.LabelSelectorAsSelector(...).String() does: requirements
 * sorted by key, "k=v" for matchLabels, "k in (a,b)" with sorted values, "!k" for DoesNotExist;
 * "" for an empty or absent selector.
 */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push({ key, text: `${key}=${value}` });
  }
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'DoesNotExist'
            ? `!${e.key}`
            : e.key;
    reqs.push({ key: e.key, text });
  }
  // labels.internalSelector.Add sorts requirements by key (a stable sort).
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** Formats a selector as metav1.FormatLabelSelector: like selectorString, "<none>" when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = selectorString(selector);
  return s === '' ? NONE : s;
}
