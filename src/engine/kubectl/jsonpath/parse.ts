// The template language of k8s.io/client-go/util/jsonpath, for `-o jsonpath=` and
// `kubectl wait --for=jsonpath=`: literal text, {.field.paths}, [n], [a:b], [*], ['key'],
// ..recursive, [?(@.x=="y")] filters, {range ...}{end}, and {"quoted text"}.

/** One step of a path. */
export type Step =
  | { op: 'field'; name: string }
  | { op: 'wildcard' }
  | { op: 'recursive'; name?: string }
  | { op: 'index'; start: number; end?: number; slice: boolean }
  | { op: 'filter'; left: Step[]; cmp?: string; right?: Step[] | string | number };

/** A parsed template: text and actions in order. */
export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'path'; steps: Step[] }
  | { kind: 'range'; steps: Step[]; body: Node[] };

/** Thrown for a template that does not parse; the message is jsonpath's. */
export class JsonPathError extends Error {}

/** Parses a jsonpath template. */
export function parseTemplate(template: string): Node[] {
  const stack: Node[][] = [[]];
  const ranges: Extract<Node, { kind: 'range' }>[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      top(stack).push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) top(stack).push({ kind: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    action(template.slice(open + 1, close).trim(), stack, ranges);
    i = close + 1;
  }
  if (ranges.length > 0) throw new JsonPathError('not in range, nothing to end');
  return stack[0] as Node[];
}

function top(stack: Node[][]): Node[] {
  return stack[stack.length - 1] as Node[];
}

function findClose(s: string, open: number): number {
  let quote: string | undefined;
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return j;
  }
  throw new JsonPathError('unclosed action');
}

function action(body: string, stack: Node[][], ranges: Extract<Node, { kind: 'range' }>[]): void {
  if (body === 'end') {
    if (ranges.length === 0) throw new JsonPathError('not in range, nothing to end');
    ranges.pop();
    stack.pop();
  } else if (body.startsWith('range ')) {
    const node: Extract<Node, { kind: 'range' }> = {
      kind: 'range',
      steps: parsePath(body.slice(6).trim()),
      body: [],
    };
    top(stack).push(node);
    ranges.push(node);
    stack.push(node.body);
  } else if (/^"(?:[^"\\]|\\.)*"$/.test(body)) {
    top(stack).push({ kind: 'text', text: JSON.parse(body) as string });
  } else {
    top(stack).push({ kind: 'path', steps: parsePath(body) });
  }
}

/** Parses one path expression, with or without its leading "." or "@". */
export function parsePath(expr: string): Step[] {
  const steps: Step[] = [];
  let s = expr.replace(/^[@$]/, '');
  while (s.length > 0) {
    if (s.startsWith('..')) {
      const name = /^\.\.((?:\\.|[^.[\]\\])+)/.exec(s);
      steps.push(
        name ? { op: 'recursive', name: unescape(name[1] as string) } : { op: 'recursive' },
      );
      s = name ? s.slice(name[0].length) : s.slice(2);
    } else if (s.startsWith('.')) {
      const name = /^\.((?:\\.|[^.[\]\\])*)/.exec(s) as RegExpExecArray;
      const field = unescape(name[1] as string);
      if (field === '*') steps.push({ op: 'wildcard' });
      else if (field !== '') steps.push({ op: 'field', name: field });
      s = s.slice(name[0].length);
    } else if (s.startsWith('[')) {
      const close = bracketEnd(s);
      steps.push(parseBracket(s.slice(1, close).trim()));
      s = s.slice(close + 1);
    } else if (/^[A-Za-z_]/.test(s)) {
      s = `.${s}`;
    } else {
      const ch = s[0] as string;
      throw new JsonPathError(
        `unrecognized character in action: U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${ch}'`,
      );
    }
  }
  return steps;
}

function unescape(name: string): string {
  return name.replace(/\\(.)/g, '$1');
}

function bracketEnd(s: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let j = 0; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  throw new JsonPathError('unterminated array');
}

function parseBracket(inner: string): Step {
  if (inner === '*') return { op: 'wildcard' };
  const quoted = /^(['"])(.*)\1$/.exec(inner);
  if (quoted) return { op: 'field', name: quoted[2] as string };
  if (inner.startsWith('?(') && inner.endsWith(')')) return parseFilter(inner.slice(2, -1).trim());
  const slice = /^(-?\d*)(?::(-?\d*))?$/.exec(inner);
  if (!slice) throw new JsonPathError(`invalid array index ${inner}`);
  const start = slice[1] === '' ? 0 : Number(slice[1]);
  if (slice[2] === undefined) return { op: 'index', start, slice: false };
  return { op: 'index', start, end: slice[2] === '' ? undefined : Number(slice[2]), slice: true };
}

function parseFilter(expr: string): Step {
  const m = /^(@[^=!<>\s]*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(expr);
  if (!m) return { op: 'filter', left: parsePath(expr) };
  const rhs = (m[3] as string).trim();
  const quoted = /^(['"])(.*)\1$/.exec(rhs);
  let right: Step[] | string | number;
  if (quoted) right = quoted[2] as string;
  else if (/^-?\d+(\.\d+)?$/.test(rhs)) right = Number(rhs);
  else right = parsePath(rhs);
  return { op: 'filter', left: parsePath(m[1] as string), cmp: m[2], right };
}
