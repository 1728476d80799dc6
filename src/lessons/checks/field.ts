import equal from 'fast-deep-equal';
import type { CheckResult, ClusterView, FieldCheck } from './check';

// [FIELD1] A field check reads one dotted path of one object ("spec.unschedulable",
//          "metadata.annotations.deployment\.kubernetes\.io/revision": a backslash escapes a dot)
//          and compares it with equals, deeply; a missing field is null.

/** Evaluates a field check. */
export function evaluateField(check: FieldCheck, view: ClusterView): CheckResult {
  const { kind, name, namespace, path } = check.field;
  const goal = `${kind} ${name} has ${path} = ${JSON.stringify(check.equals)}`;
  const obj = view
    .list(kind)
    .find(
      (o) =>
        o.metadata?.name === name &&
        (namespace === undefined || (o.metadata.namespace ?? '') === namespace || !o.metadata.namespace),
    );
  if (!obj) return { ok: false, goal, explanation: `${kind} ${name} does not exist.` };
  const value = read(obj, path);
  if (equal(value, check.equals)) return { ok: true, goal, explanation: '' };
  return {
    ok: false,
    goal,
    explanation: `${kind} ${name} has ${path} = ${JSON.stringify(value)}, expected ${JSON.stringify(check.equals)}.`,
  };
}

/** Returns the value at a dotted path, or null. */
export function read(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const key of path.split(/(?<!\\)\./).map((k) => k.replace(/\\\./g, '.'))) {
    if (typeof at !== 'object' || at === null) return null;
    at = (at as Record<string, unknown>)[key];
  }
  return at ?? null;
}
