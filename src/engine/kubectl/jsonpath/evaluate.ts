import equal from 'fast-deep-equal';
import { goJson } from '../manifest/goJson';
import type { Node, Step } from './parse';
import { parseTemplate } from './parse';

// Evaluating a jsonpath against a JSON document, with missing keys allowed (kubectl's default
// --allow-missing-template-keys=true), and printing results as jsonpath.PrintResults does:
// strings raw, maps and lists as compact JSON, several results separated by spaces.

/** Returns every value a path reaches from root. */
export function findResults(root: unknown, steps: readonly Step[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) current = current.flatMap((v) => apply(v, step));
  return current;
}

/** Renders a template against a document. */
export function executeTemplate(template: string, root: unknown): string {
  return render(parseTemplate(template), root);
}

/** Formats one value as jsonpath prints it. */
export function printValue(v: unknown): string {
  if (v !== null && typeof v === 'object') return goJson(v);
  if (v === null || v === undefined) return 'null';
  return String(v);
}

function render(nodes: readonly Node[], root: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'path') out += findResults(root, n.steps).map(printValue).join(' ');
    else for (const item of findResults(root, n.steps).flatMap(spread)) out += render(n.body, item);
  }
  return out;
}

// {range .items[*]} iterates the items; {range .items} iterates the list itself.
function spread(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function apply(v: unknown, step: Step): unknown[] {
  switch (step.op) {
    case 'field':
      return isRecord(v) && step.name in v ? [v[step.name]] : [];
    case 'wildcard':
      return Array.isArray(v)
        ? v
        : isRecord(v)
          ? Object.keys(v)
              .sort()
              .map((k) => v[k])
          : [];
    case 'index':
      return Array.isArray(v) ? indexInto(v, step) : [];
    case 'recursive':
      return descend(v).flatMap((d) =>
        step.name === undefined ? [d] : apply(d, { op: 'field', name: step.name }),
      );
    case 'filter':
      return Array.isArray(v) ? v.filter((item) => matches(item, step)) : [];
  }
}

function indexInto(list: unknown[], step: Extract<Step, { op: 'index' }>): unknown[] {
  const norm = (i: number): number => (i < 0 ? list.length + i : i);
  if (!step.slice) {
    const i = norm(step.start);
    return i >= 0 && i < list.length ? [list[i]] : [];
  }
  return list.slice(norm(step.start), step.end === undefined ? undefined : norm(step.end));
}

function descend(v: unknown): unknown[] {
  const out: unknown[] = [v];
  if (Array.isArray(v)) for (const x of v) out.push(...descend(x));
  else if (isRecord(v)) for (const k of Object.keys(v).sort()) out.push(...descend(v[k]));
  return out;
}

function matches(item: unknown, f: Extract<Step, { op: 'filter' }>): boolean {
  const left = findResults(item, f.left);
  if (f.cmp === undefined) return left.length > 0 && left[0] !== false && left[0] !== null;
  const right = Array.isArray(f.right) ? findResults(item, f.right)[0] : f.right;
  return left.some((l) => compare(l, f.cmp as string, right));
}

function compare(l: unknown, cmp: string, r: unknown): boolean {
  switch (cmp) {
    case '==':
      return equal(l, r) || (typeof r === 'number' && Number(l) === r);
    case '!=':
      return !equal(l, r);
    default: {
      const a = Number(l);
      const b = Number(r);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return cmp === '<' ? a < b : cmp === '>' ? a > b : cmp === '<=' ? a <= b : a >= b;
    }
  }
}
