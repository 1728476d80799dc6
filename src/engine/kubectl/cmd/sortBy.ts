import { KubectlError } from '../errors';
import { findResults } from '../jsonpath/evaluate';
import { parsePath } from '../jsonpath/parse';
import type { Info } from '../resource/info';

// --sort-by (kubectl get sorter.go): a relaxed JSONPath ("{.a.b}", ".a.b" or "a.b"), numbers
// compared as numbers, everything else as strings; a field missing everywhere is an error.

/** Turns "a.b", ".a.b" or "{.a.b}" into "{.a.b}" (get.RelaxedJSONPathExpression). */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) {
    throw new KubectlError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}

/** Sorts objects by a field, as kubectl get --sort-by does. */
export function sortInfos(infos: readonly Info[], sortBy: string): Info[] {
  const path = relaxedJsonPath(sortBy);
  const steps = parsePath(path.slice(1, -1));
  const keyed = infos.map((info) => ({ info, value: findResults(info.object, steps)[0] }));
  if (infos.length > 1 && keyed.every((k) => k.value === undefined)) {
    throw new KubectlError(`couldn't find any field with path "${path}" in the list of objects`);
  }
  return keyed.sort((a, b) => compareValues(a.value, b.value)).map((k) => k.info);
}

function compareValues(a: unknown, b: unknown): number {
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
