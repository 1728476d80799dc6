import { describe, expect, it } from 'vitest';
import { jsonErrorPlace } from './jsonError';

/** Returns JSON.parse's own message for text that must not parse. */
function messageOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('jsonErrorPlace', () => {
  it('reads Firefox and newer V8 "line L column C" messages', () => {
    const firefox = "JSON.parse: expected property name or '}' at line 3 column 5 of the JSON data";
    expect(jsonErrorPlace('ignored', firefox)).toEqual({ line: 3, column: 5 });
  });

  it('turns V8 "at position N" into a line and column', () => {
    expect(jsonErrorPlace('{\n  "a": 1,\n}', 'Expected … in JSON at position 11')).toEqual({
      line: 2,
      column: 10,
    });
  });

  // Safari's messages and V8's "Unexpected token" carry no place, so the text is scanned.
  const scanned: [string, string, number, number][] = [
    ['a value missing after a colon', '{\n "a":}', 2, 6],
    ['a misspelt literal', '{\n  "a": tru }', 2, 8],
    ['a trailing comma', '{\n  "a": [1, 2,]\n}', 2, 14],
    ['a leading zero', '{"a": 01}', 1, 8],
    ['a raw newline in a string', '{"a": "x\ny"}', 1, 9],
    ['a bad escape', '["\\x"]', 1, 4],
    ['a short unicode escape', '["\\u12"]', 1, 7],
    ['single quotes', "{'a': 1}", 1, 2],
    ['text after the value', '{}\n x', 2, 2],
    ['an unclosed array', '[1,\n2', 2, 2],
    ['empty text', '', 1, 1],
  ];

  it.each(scanned)('finds %s when the message has no place', (_name, text, line, column) => {
    expect(jsonErrorPlace(text, 'JSON Parse error: Unexpected identifier')).toEqual({
      line,
      column,
    });
  });

  it.each(scanned)('agrees with this engine on %s', (_name, text, line, column) => {
    expect(jsonErrorPlace(text, messageOf(text))).toEqual({ line, column });
  });

  it('gives no place rather than crash on nesting deeper than the stack', () => {
    expect(jsonErrorPlace('['.repeat(1_000_000), 'no place')).toBeUndefined();
  });
});
