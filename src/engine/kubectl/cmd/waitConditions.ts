import type { KubeObject } from '../../api/object';
import { KubectlError } from '../errors';
import { findResults, printValue } from '../jsonpath/evaluate';
import type { Step } from '../jsonpath/parse';
import { JsonPathError, parseTemplate } from '../jsonpath/parse';
import { relaxedJsonPath } from './sortBy';

// The --for conditions of kubectl wait (wait.go conditionFuncFor, ConditionalWait.checkCondition,
// JSONPathWait.checkCondition), as pure checks on one object.

/** What --for asks: deletion, or a check each version of the object is put to. */
export type WaitFor = { kind: 'delete' } | { kind: 'check'; check: (obj: KubeObject) => boolean };

/** Parses --for as conditionFuncFor does. */
export function parseWaitFor(value: string): WaitFor {
  if (value.toLowerCase() === 'delete') return { kind: 'delete' };
  if (value.startsWith('condition=')) {
    const spec = value.slice('condition='.length);
    const eq = spec.indexOf('=');
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const status = eq < 0 ? 'true' : spec.slice(eq + 1);
    return { kind: 'check', check: (obj) => conditionMet(obj, name, status) };
  }
  if (value.startsWith('jsonpath=')) return jsonPathWait(value.slice('jsonpath='.length));
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(value)}`);
}

function conditionMet(obj: KubeObject, name: string, status: string): boolean {
  const conds =
    (obj.status as { conditions?: Record<string, unknown>[] } | undefined)?.conditions ?? [];
  for (const c of conds) {
    if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata?.generation;
    const observed =
      typeof c.observedGeneration === 'number'
        ? c.observedGeneration
        : (obj.status as { observedGeneration?: number } | undefined)?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return c.status.toLowerCase() === status.toLowerCase();
  }
  return false;
}

// Splits on single "=", keeping "==" inside the expression (wait.go splitJSONPathInput).
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=' && input[i + 1] === '=') {
      cur += '==';
      i++;
    } else if (input[i] === '=') {
      out.push(cur);
      cur = '';
    } else cur += input[i];
  }
  return [...out, cur];
}

function jsonPathWait(input: string): WaitFor {
  const parts = splitJsonPathInput(input);
  if (parts.length > 2) {
    throw new KubectlError(
      "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    );
  }
  const expr = relaxedJsonPath(parts[0] as string);
  if (expr === '') throw new KubectlError('jsonpath expression cannot be empty');
  const want = parts.length === 2 ? (parts[1] as string).replace(/^['"]+|['"]+$/g, '') : undefined;
  if (want === '') {
    throw new KubectlError(
      "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
    );
  }
  let steps: Step[];
  try {
    const nodes = parseTemplate(expr);
    steps = nodes[0]?.kind === 'path' ? nodes[0].steps : [];
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(e.message);
    throw e;
  }
  return { kind: 'check', check: (obj) => jsonPathMet(obj, steps, want) };
}

function jsonPathMet(obj: KubeObject, steps: Step[], want: string | undefined): boolean {
  const results = findResults(JSON.parse(JSON.stringify(obj)), steps);
  if (results.length === 0) return false;
  if (results.length > 1)
    throw new KubectlError('given jsonpath expression matches more than one value');
  if (want === undefined) return true;
  const v = results[0];
  if (v !== null && typeof v === 'object') {
    throw new KubectlError('jsonpath leads to a nested object or list which is not supported');
  }
  return printValue(v).trim() === want.trim();
}
