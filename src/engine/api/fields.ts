// Field selectors as the apiserver accepts them: "spec.nodeName=node-1,status.phase!=Running".

/** One field selector clause. */
export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** Thrown for a field selector that does not parse or names an unsupported field. */
export class FieldSelectorError extends Error {}

/** Parses a field selector string into clauses. */
export function parseFieldSelector(input: string): FieldRequirement[] {
  const text = input.trim();
  if (text === '') return [];
  return text.split(',').map((clause) => {
    const m = /^\s*([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(clause);
    if (!m)
      throw new FieldSelectorError(`invalid selector: '${clause}'; can't understand '${clause}'`);
    return { field: m[1] as string, operator: m[2] === '!=' ? '!=' : '=', value: m[3] as string };
  });
}

/** Reports whether an object's selectable fields satisfy every clause. */
export function matchesFields(
  requirements: readonly FieldRequirement[],
  fields: Readonly<Record<string, string>>,
): boolean {
  for (const r of requirements) {
    const v = fields[r.field] ?? '';
    if (r.operator === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}
