import { parse as tokenize } from 'shell-quote';

// A small POSIX sh parser for the one-liners containers run: lists (; && || &), pipelines,
// while/until/for/if, ( ) and { } groups, assignments and redirections. Quoting and $VAR
// expansion come from shell-quote; variables the container's env does not define are kept as
// markers and expanded when the script runs (loop variables, assignments).
//   [SH1] unquoted newlines separate commands, as in a YAML block script.
//   [SH2] a construct this parser does not know (case, functions, [[ ]]) is Unsupported, not a
//         syntax error: the simulation then assumes the script keeps running.

/** One word; VAR_MARK…VAR_MARK wraps a variable expanded at run time. */
export type Word = string;

/** The character that brackets a variable name left for run-time expansion. */
export const VAR_MARK = '\u0001';

/** A parsed shell command. */
export type ShellNode =
  | { type: 'simple'; words: Word[]; assigns: [string, Word][]; redirects: Redirect[] }
  | { type: 'and' | 'or'; left: ShellNode; right: ShellNode }
  | { type: 'list'; items: ShellNode[] }
  | { type: 'background'; node: ShellNode }
  | { type: 'pipe'; items: ShellNode[] }
  | { type: 'not'; node: ShellNode }
  | { type: 'loop'; until: boolean; cond: ShellNode; body: ShellNode }
  | { type: 'for'; name: string; words: Word[]; body: ShellNode }
  | { type: 'if'; branches: { cond: ShellNode; body: ShellNode }[]; otherwise?: ShellNode }
  | { type: 'group'; body: ShellNode };

/** An output or input redirection: "> /tmp/x". */
export interface Redirect {
  op: string;
  target: Word;
}

/** Raised for input a real sh rejects; sh exits 2. */
export class ShellSyntaxError extends Error {}
/** Raised for valid shell this simulation does not model. [SH2] */
export class UnsupportedShellError extends Error {}

type Token = string | { op: string };

const UNSUPPORTED = new Set(['case', 'esac', 'function', 'select', '[[', ']]']);
const LIST_END = new Set(['do', 'done', 'then', 'fi', 'elif', 'else', '}', ')']);

/** Parses a script into a command tree. [SH1] */
export function parseScript(script: string, env: Record<string, string>): ShellNode {
  const tokens = tokensOf(script, env);
  const p = new Parser(tokens);
  const node = p.list();
  if (!p.done()) throw new ShellSyntaxError(`syntax error: unexpected "${p.describe()}"`);
  return node;
}

function tokensOf(script: string, env: Record<string, string>): Token[] {
  const raw = tokenize(newlinesToSemicolons(script), (name) =>
    name in env ? env[name] : `${VAR_MARK}${name}${VAR_MARK}`,
  );
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    if (typeof t === 'string') out.push(t);
    else if (t && 'comment' in t) break;
    else if (t && 'pattern' in t) out.push(String(t.pattern));
    else if (t && 'op' in t) {
      // $( … ) command substitution becomes one empty word; its output is not modelled.
      if (t.op === '(' && out[out.length - 1] === '$') {
        i = skipParens(raw, i);
        out[out.length - 1] = '';
        continue;
      }
      out.push({ op: String(t.op) });
    }
  }
  return out;
}

function skipParens(raw: ReturnType<typeof tokenize>, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    const t = raw[i];
    if (typeof t === 'object' && t && 'op' in t) {
      if (t.op === '(') depth++;
      if (t.op === ')' && --depth === 0) return i;
    }
  }
  return raw.length;
}

function newlinesToSemicolons(script: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    if (c === '\\' && quote !== "'") {
      out += c + (script[++i] ?? '');
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\n') {
      out += ';';
      continue;
    }
    out += c;
  }
  return out;
}

const name = (t: Token | undefined): string =>
  typeof t === 'string' ? t : (t?.op ?? 'end of file');

const isOp = (t: Token | undefined, op?: string): t is { op: string } =>
  typeof t === 'object' && (op === undefined || t.op === op);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  describe(): string {
    return name(this.tokens[this.i]);
  }

  list(): ShellNode {
    const items: ShellNode[] = [];
    for (;;) {
      while (isOp(this.peek(), ';')) this.i++;
      const t = this.peek();
      if (t === undefined || isOp(t, ')') || (typeof t === 'string' && LIST_END.has(t))) break;
      let node = this.andOr();
      if (isOp(this.peek(), '&')) {
        this.i++;
        node = { type: 'background', node };
      }
      items.push(node);
    }
    return items.length === 1 ? (items[0] as ShellNode) : { type: 'list', items };
  }

  private andOr(): ShellNode {
    let left = this.pipeline();
    for (;;) {
      const t = this.peek();
      if (isOp(t, '&&') || isOp(t, '||')) {
        this.i++;
        const right = this.pipeline();
        left = { type: t.op === '&&' ? 'and' : 'or', left, right };
      } else return left;
    }
  }

  private pipeline(): ShellNode {
    if (this.peek() === '!') {
      this.i++;
      return { type: 'not', node: this.pipeline() };
    }
    const items = [this.command()];
    while (isOp(this.peek(), '|')) {
      this.i++;
      items.push(this.command());
    }
    return items.length === 1 ? (items[0] as ShellNode) : { type: 'pipe', items };
  }

  private command(): ShellNode {
    const t = this.peek();
    if (typeof t === 'string' && UNSUPPORTED.has(t)) throw new UnsupportedShellError(t);
    if (t === 'while' || t === 'until') return this.loop(t === 'until');
    if (t === 'for') return this.forLoop();
    if (t === 'if') return this.ifClause();
    if (t === '{') return this.group('}');
    if (isOp(t, '(')) return this.group(')');
    if (t === undefined || isOp(t))
      throw new ShellSyntaxError(`syntax error: unexpected "${this.describe()}"`);
    return this.simple();
  }

  private loop(until: boolean): ShellNode {
    this.i++;
    const cond = this.list();
    this.expect('do');
    const body = this.list();
    this.expect('done');
    return { type: 'loop', until, cond, body };
  }

  private forLoop(): ShellNode {
    this.i++;
    const name = this.next();
    if (typeof name !== 'string') throw new ShellSyntaxError('syntax error: bad for loop variable');
    const words: Word[] = [];
    if (this.peek() === 'in') {
      this.i++;
      while (typeof this.peek() === 'string' && this.peek() !== 'do')
        words.push(this.next() as string);
    }
    while (isOp(this.peek(), ';')) this.i++;
    this.expect('do');
    const body = this.list();
    this.expect('done');
    return { type: 'for', name, words, body };
  }

  private ifClause(): ShellNode {
    this.i++;
    const branches = [this.branch()];
    let otherwise: ShellNode | undefined;
    for (;;) {
      const t = this.peek();
      this.i++;
      if (t === 'fi') break;
      if (t === 'elif') branches.push(this.branch());
      else if (t === 'else') otherwise = this.list();
      else throw new ShellSyntaxError(`syntax error: unexpected "${name(t)}" (expecting "fi")`);
    }
    return { type: 'if', branches, otherwise };
  }

  private branch(): { cond: ShellNode; body: ShellNode } {
    const cond = this.list();
    this.expect('then');
    return { cond, body: this.list() };
  }

  private group(close: string): ShellNode {
    this.i++;
    const body = this.list();
    const t = this.next();
    if (name(t) !== close)
      throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting "${close}")`);
    return { type: 'group', body };
  }

  private simple(): ShellNode {
    const words: Word[] = [];
    const assigns: [string, Word][] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t === undefined) break;
      if (isOp(t)) {
        if (!/^[<>]/.test(t.op)) break;
        this.i++;
        // "2>&1": the descriptor number before the operator is not an argument.
        if (/^\d+$/.test(words[words.length - 1] ?? '')) words.pop();
        redirects.push({ op: t.op, target: String(this.next() ?? '') });
        continue;
      }
      // Reserved words only count in command position: `echo done` prints "done".
      this.i++;
      const eq = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(t);
      if (eq && words.length === 0) assigns.push([eq[1] as string, eq[2] as string]);
      else words.push(t);
    }
    return { type: 'simple', words, assigns, redirects };
  }

  private expect(word: string): void {
    const t = this.next();
    if (t !== word)
      throw new ShellSyntaxError(`syntax error: unexpected "${name(t)}" (expecting "${word}")`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token | undefined {
    return this.tokens[this.i++];
  }
}
