// A stream of JSON values, read the way kubectl's YAMLOrJSONDecoder reads input that starts with
// "{" (encoding/json's Decoder): values one after another, syntax errors in Go's own words, with
// the line and column added.

/** A JSON value and the line it starts on. */
export interface JsonDoc {
  value: unknown;
  line: number;
}

/** The values read before a syntax error, and the error's message if there was one. */
export interface JsonStream {
  docs: JsonDoc[];
  error?: string;
}

class Syntax extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

class UnexpectedEof extends Error {}

/** Reads every JSON value in text; stops at the first syntax error. */
export function readJsonStream(text: string): JsonStream {
  const docs: JsonDoc[] = [];
  const r = new Reader(text);
  for (;;) {
    const start = r.pos;
    r.skipSpace();
    if (r.pos >= text.length) return { docs };
    try {
      const line = lineOf(text, r.pos);
      docs.push({ value: r.value(), line });
    } catch (e) {
      if (e instanceof UnexpectedEof) return { docs, error: 'unexpected EOF' };
      if (!(e instanceof Syntax)) throw e;
      const { line, column } = position(text, e.at);
      return {
        docs,
        error: `json: offset ${e.at - start + 1} (line ${line}, column ${column}): ${e.message}`,
      };
    }
  }
}

function lineOf(text: string, at: number): number {
  return position(text, at).line;
}

function position(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/** Quotes a character as encoding/json's quoteChar does. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  return `'${JSON.stringify(c).slice(1, -1)}'`;
}

class Reader {
  pos = 0;
  constructor(private readonly s: string) {}

  skipSpace(): void {
    while (this.pos < this.s.length && ' \t\r\n'.includes(this.s[this.pos] as string)) this.pos++;
  }

  private peek(): string {
    this.skipSpace();
    const c = this.s[this.pos];
    if (c === undefined) throw new UnexpectedEof();
    return c;
  }

  private fail(context: string): never {
    throw new Syntax(
      `invalid character ${quoteChar(this.s[this.pos] as string)} ${context}`,
      this.pos,
    );
  }

  value(): unknown {
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (c === word[0]) return this.literal(word, v);
    }
    return this.fail('looking for beginning of value');
  }

  private literal(word: string, v: unknown): unknown {
    for (let i = 0; i < word.length; i++, this.pos++) {
      const c = this.s[this.pos];
      if (c === undefined) throw new UnexpectedEof();
      if (c !== word[i])
        this.fail(`in literal ${word} (expecting ${quoteChar(word[i] as string)})`);
    }
    return v;
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    if (this.peek() === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      if (this.peek() !== '"') this.fail('looking for beginning of object key string');
      const key = this.string();
      if (this.peek() !== ':') this.fail('after object key');
      this.pos++;
      out[key] = this.value();
      const c = this.peek();
      this.pos++;
      if (c === '}') return out;
      if (c !== ',') {
        this.pos--;
        this.fail('after object key:value pair');
      }
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    if (this.peek() === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      const c = this.peek();
      this.pos++;
      if (c === ']') return out;
      if (c !== ',') {
        this.pos--;
        this.fail('after array element');
      }
    }
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.s[this.pos];
      if (c === undefined) throw new UnexpectedEof();
      if (c === '"') break;
      if (c < ' ') this.fail('in string literal');
      if (c === '\\') {
        const e = this.s[this.pos + 1];
        if (e === undefined) throw new UnexpectedEof();
        if (!'"\\/bfnrtu'.includes(e)) {
          this.pos++;
          this.fail('in string escape code');
        }
        this.pos += e === 'u' ? 6 : 2;
        continue;
      }
      this.pos++;
    }
    this.pos++;
    return JSON.parse(this.s.slice(start, this.pos)) as string;
  }

  private number(): number {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.s.slice(this.pos, this.pos + 400),
    );
    if (!m || m[0] === '-') {
      if (this.pos + 1 >= this.s.length) throw new UnexpectedEof();
      this.pos++;
      this.fail('in numeric literal');
    }
    this.pos += m[0].length;
    return Number(m[0]);
  }
}
