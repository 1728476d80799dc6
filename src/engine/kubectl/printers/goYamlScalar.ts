// How go-yaml v2 (behind sigs.k8s.io/yaml, which kubectl -o yaml uses) writes a string scalar.
// Style: a string with a newline is a literal block; a string that would read back as another
// type (number, bool, null, timestamp, base-60 float) is double-quoted; the rest is plain unless
// libyaml's scalar analysis forbids it, then single-quoted, then double-quoted. Long flow scalars
// are folded at the first space after column 80 (go-yaml's best_width), so lines run a little
// past 80 rather than stopping short of it.

/** The four styles go-yaml picks between for strings. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const BEST_WIDTH = 80;

// yaml 1.1 words that go-yaml v2 resolves to bool or null (resolve.go resolveMapList).
const RESERVED = new Set(
  [
    'y Y yes Yes YES true True TRUE on On ON',
    'n N no No NO false False FALSE off Off OFF',
    '~ null Null NULL .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF',
  ]
    .join(' ')
    .split(' '),
);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// strconv.ParseInt/ParseUint with base 0, after resolve strips underscores.
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9][0-9]*)$/;
// The layouts of resolve.go allowedTimestampFormats: RFC3339 with short fields, a space-separated
// form without zone, or a bare date.
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[-+]\d{2}:\d{2})| \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?)?$/;

/** Reports whether go-yaml would read the unquoted text back as something other than a string. */
function resolvesAsNonString(s: string): boolean {
  if (s === '' || RESERVED.has(s)) return true;
  const c = s[0] as string;
  if (c === '.') return /^\.[0-9]/.test(s) && YAML_FLOAT.test(s);
  if (!/[-+0-9]/.test(c)) return false;
  if (TIMESTAMP.test(s)) return true;
  const plain = s.replace(/_/g, '');
  return GO_INT.test(plain) || YAML_FLOAT.test(plain) || /^-?0b[01]+$/.test(plain);
}

function isBase60Float(s: string): boolean {
  return /^[-+0-9]/.test(s) && s.includes(':') && BASE60_FLOAT.test(s);
}

// libyaml's printable set: LF, 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD except the BOM.
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

const isBreak = (ch: string) =>
  ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

// The block indicators of yaml_emitter_analyze_scalar: a leading indicator character, "? ", ": "
// or "- ", a ": " anywhere, a " #", or a document marker.
function hasBlockIndicators(s: string, chars: readonly string[]): boolean {
  if (s.startsWith('---') || s.startsWith('...')) return true;
  let precededByWhitespace = true;
  return chars.some((ch, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === ' ' || next === '\t';
    const hit =
      i === 0
        ? '#,[]{}&*!|>\'"%@`'.includes(ch) || ('?:-'.includes(ch) && followedByWhitespace)
        : (ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace);
    precededByWhitespace = ch === ' ' || ch === '\t' || isBreak(ch);
    return hit;
  });
}

// yaml_emitter_analyze_scalar, for block context (flow_level 0).
function analyze(s: string): Analysis {
  if (s === '') {
    return {
      multiline: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  const chars = Array.from(s);
  let special = false;
  let breaks = false;
  let spaceBreak = false;
  let breakSpace = false;
  let prevSpace = false;
  let prevBreak = false;
  for (const ch of chars) {
    if (!isPrintable(ch.codePointAt(0) as number)) special = true;
    if (ch === ' ') {
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(ch)) {
      breaks = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = prevBreak = false;
    }
  }
  const indicators = hasBlockIndicators(s, chars);
  const edges =
    chars[0] === ' ' ||
    isBreak(chars[0] as string) ||
    s.endsWith(' ') ||
    isBreak(chars.at(-1) as string);
  return {
    multiline: breaks,
    blockPlainAllowed: !(edges || breakSpace || spaceBreak || special || breaks || indicators),
    singleQuotedAllowed: !(breakSpace || spaceBreak || special),
    blockAllowed: !(s.endsWith(' ') || spaceBreak || special),
  };
}

/** Picks go-yaml's style for a string: encoder stringv, then emitter select_scalar_style. */
export function scalarStyle(s: string, simpleKey: boolean): ScalarStyle {
  const a = analyze(s);
  let style: ScalarStyle = s.includes('\n')
    ? 'literal'
    : !resolvesAsNonString(s) && !isBase60Float(s)
      ? 'plain'
      : 'double';
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlainAllowed || (s === '' && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** Where a scalar sits: its first column, and the indent of continuation lines. */
export interface ScalarPlace {
  column: number;
  indent: string;
  simpleKey: boolean;
}

/** Writes a string scalar as go-yaml v2 would at the given place. */
export function writeScalar(s: string, place: ScalarPlace): string {
  switch (scalarStyle(s, place.simpleKey)) {
    case 'plain':
      return fold(s, place, '');
    case 'single':
      return fold(s.replace(/'/g, "''"), place, "'");
    case 'double':
      return fold(escapeDouble(s), place, '"');
    case 'literal':
      return literal(s, place.indent);
  }
}

// Breaks at a space once the line is past best_width (write_plain_scalar and the quoted writers),
// never at the first or last character of a quoted scalar. Plain and single-quoted text only break
// before a non-space; double-quoted text may break anywhere and escapes the space that follows.
function fold(body: string, place: ScalarPlace, quote: '' | "'" | '"'): string {
  let out = quote;
  let column = place.column + quote.length;
  const chars = Array.from(body);
  let spaces = false;
  chars.forEach((ch, i) => {
    if (ch !== ' ') {
      out += ch;
      column++;
      spaces = false;
      return;
    }
    const inner = quote === '' || (i > 0 && i < chars.length - 1);
    const nextSpace = chars[i + 1] === ' ';
    if (
      !place.simpleKey &&
      !spaces &&
      column > BEST_WIDTH &&
      inner &&
      (quote === '"' || !nextSpace)
    ) {
      out += `\n${place.indent}${nextSpace ? '\\' : ''}`;
      column = place.indent.length + (nextSpace ? 1 : 0);
    } else {
      out += ch;
      column++;
    }
    spaces = true;
  });
  return out + quote;
}

// write_double_quoted_scalar's escapes: short forms, then \xXX, \uXXXX, \UXXXXXXXX in upper case.
const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function escapeDouble(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    const needs = !isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\';
    if (!needs) {
      out += ch;
      continue;
    }
    const short = SHORT_ESCAPES[cp];
    if (short !== undefined) out += `\\${short}`;
    else if (cp <= 0xff) out += `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  return out;
}

// write_literal_scalar: "|" with an indentation hint for leading space and a chomping hint
// ("-" no final newline, "+" more than one); blank lines carry no indentation.
function literal(s: string, indent: string): string {
  const indentHint = s.startsWith(' ') || isBreak(s[0] ?? '') ? '2' : '';
  const chomp = !s.endsWith('\n') ? '-' : s.length === 1 || s.endsWith('\n\n') ? '+' : '';
  const body = s.endsWith('\n') && chomp === '' ? s.slice(0, -1) : s;
  const lines = body.split('\n').map((line) => (line === '' ? '' : indent + line));
  // With "+", the kept final newlines are written as empty lines before the next key.
  const text = chomp === '+' ? lines.slice(0, -1).join('\n') : lines.join('\n');
  return `|${indentHint}${chomp}\n${text}`;
}
