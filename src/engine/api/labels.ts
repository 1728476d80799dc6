import type { LabelSelector } from './types';

// Label selectors as in k8s.io/apimachinery/pkg/labels: the string form kubectl's -l takes and the
// structured form (matchLabels/matchExpressions) workloads carry. Both compile to requirements.

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals';

/** One clause of a selector: key, operator and values. */
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

/** Reports whether labels satisfy every requirement (an empty list matches everything). */
export function matches(requirements: readonly Requirement[], labels: Labels): boolean {
  for (const r of requirements) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = has ? labels[r.key] : undefined;
    switch (r.operator) {
      case 'Equals':
      case 'In':
        if (!has || !r.values.includes(value as string)) return false;
        break;
      case 'NotEquals':
      case 'NotIn':
        if (has && r.values.includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Thrown for a selector string that does not parse; the message is the apiserver's. */
export class SelectorParseError extends Error {}

/** Parses kubectl's -l syntax: "app=web,tier!=db,env in (a,b),!legacy,track". */
export function parseSelector(input: string): Requirement[] {
  const out: Requirement[] = [];
  const text = input.trim();
  if (text === '') return out;
  for (const clause of splitClauses(text)) out.push(parseClause(clause.trim()));
  return out;
}

function splitClauses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const setPattern = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/;
const eqPattern = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/;

function parseClause(clause: string): Requirement {
  const set = setPattern.exec(clause);
  if (set) {
    const values = (set[3] as string)
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return { key: set[1] as string, operator: set[2] === 'in' ? 'In' : 'NotIn', values };
  }
  const eq = eqPattern.exec(clause);
  if (eq) {
    const operator: Operator = eq[2] === '!=' ? 'NotEquals' : 'Equals';
    return { key: eq[1] as string, operator, values: [eq[3] as string] };
  }
  if (/^![^\s!=()]+$/.test(clause))
    return { key: clause.slice(1), operator: 'DoesNotExist', values: [] };
  if (/^[^\s!=(),]+$/.test(clause)) return { key: clause, operator: 'Exists', values: [] };
  throw new SelectorParseError(
    `unable to parse requirement: found '${clause}', expected: identifier`,
  );
}

/** Compiles a structured LabelSelector; null or undefined selects nothing, {} selects everything. */
export function fromLabelSelector(
  selector: LabelSelector | undefined | null,
): Requirement[] | null {
  if (selector == null) return null;
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    out.push({ key, operator: 'In', values: [value] });
  }
  for (const e of selector.matchExpressions ?? []) {
    out.push({ key: e.key, operator: e.operator as Operator, values: e.values ?? [] });
  }
  return out;
}

/** Formats requirements back to the string form kubectl prints, e.g. in SELECTOR columns. */
export function formatSelector(requirements: readonly Requirement[]): string {
  return requirements
    .map((r) => {
      switch (r.operator) {
        case 'Equals':
          return `${r.key}=${r.values[0] ?? ''}`;
        case 'NotEquals':
          return `${r.key}!=${r.values[0] ?? ''}`;
        case 'In':
          return r.values.length === 1
            ? `${r.key}=${r.values[0]}`
            : `${r.key} in (${r.values.join(',')})`;
        case 'NotIn':
          return `${r.key} notin (${r.values.join(',')})`;
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
      }
    })
    .join(',');
}
