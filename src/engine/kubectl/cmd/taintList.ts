import type { Taint } from '../../api/types';

// The list arithmetic of kubectl taint (taint/utils.go reorganizeTaints, addTaints, deleteTaints).

/** Formats a taint as Taint.ToString does: key=value:Effect, or key:Effect. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect ?? ''}`;
}

const matchTaint = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect;

/** Computes the new taints and what to call the change (tainted, untainted, modified). */
export function reorganizeTaints(
  old: readonly Taint[],
  overwrite: boolean,
  add: readonly Taint[],
  remove: readonly Taint[],
): { operation: string; taints: Taint[]; errors: string[] } {
  let taints: Taint[] = [...add];
  for (const o of old) if (!taints.some((t) => matchTaint(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !matchTaint(r, t) : t.key !== r.key));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}
