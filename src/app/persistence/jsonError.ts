// Where a JSON text goes wrong, as a line and column the user can find in their editor. Browsers
// disagree: V8 says "at position 42" (and newer V8 adds "(line 3 column 5)"), Firefox says "at
// line 3 column 5", Safari gives no place at all, and V8's "Unexpected token" form gives none
// either. So the message is read when it has a place, and otherwise the text is scanned.

/** A JSON syntax error with its 1-based line and column. */
export interface JsonErrorPlace {
  line: number;
  column: number;
}

/** Finds where JSON.parse's error lies in text: from the message if it says, else by scanning. */
export function jsonErrorPlace(text: string, message: string): JsonErrorPlace | undefined {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /at position (\d+)/.exec(message);
  if (position) return placeOf(text, Number(position[1]));
  const offset = firstErrorOffset(text);
  return offset === undefined ? undefined : placeOf(text, offset);
}

function placeOf(text: string, offset: number): JsonErrorPlace {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

// Sticky, so a scan of a 5 MB file never copies the rest of the text per token.
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Scans JSON by its grammar and returns the offset of the first character that breaks it. */
function firstErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (ok: boolean): void => {
    if (!ok) throw i;
  };
  const string = (): void => {
    i++;
    for (;;) {
      expect(i < text.length && text.charCodeAt(i) >= 0x20);
      const c = text[i++];
      if (c === '"') return;
      if (c === '\\') {
        if (text[i] === 'u') {
          // Points at the first bad hex digit, as V8 does.
          for (const end = ++i + 4; i < end; i++) expect(/[0-9a-fA-F]/.test(text[i] ?? ''));
        } else {
          expect('"\\/bfnrt'.includes(text[i] ?? 'x'));
          i++;
        }
      }
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') return container(c === '{' ? '}' : ']');
    LITERAL.lastIndex = i;
    const literal = LITERAL.exec(text);
    expect(literal !== null);
    i += literal![0].length;
  };
  const container = (close: string): void => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      if (close === '}') {
        ws();
        expect(text[i] === '"');
        string();
        ws();
        expect(text[i] === ':');
        i++;
      }
      value();
      ws();
      if (text[i] === close) return void i++;
      expect(text[i] === ',');
      i++;
    }
  };
  try {
    value();
    ws();
    expect(i === text.length);
  } catch (at) {
    // Anything else is the scanner's own limit (nesting deeper than the call stack): no place.
    return typeof at === 'number' ? at : undefined;
  }
  return undefined;
}
