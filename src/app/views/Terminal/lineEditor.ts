// The line being typed at the prompt, and readline's editing keys on it. Pure: each edit returns
// a new line; the terminal view only draws it.

/** The text at the prompt and the cursor's offset in it. */
export interface Line {
  readonly text: string;
  readonly cursor: number;
}

/** The keys that only move the cursor or change the text (no history, completion or running). */
export type EditKey =
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'wordLeft'
  | 'wordRight'
  | 'killToStart'
  | 'killToEnd'
  | 'killWordBack';

/** Returns an empty line. */
export const EMPTY_LINE: Line = { text: '', cursor: 0 };

/** Returns a line holding text with the cursor at its end. */
export function lineOf(text: string): Line {
  return { text, cursor: text.length };
}

/** Inserts text at the cursor and moves the cursor past it. */
export function insert(line: Line, text: string): Line {
  const { text: t, cursor } = line;
  return { text: t.slice(0, cursor) + text + t.slice(cursor), cursor: cursor + text.length };
}

/** Replaces the text between start and the cursor (a completed word) with text. */
export function replaceBeforeCursor(line: Line, start: number, text: string): Line {
  const { text: t, cursor } = line;
  return { text: t.slice(0, start) + text + t.slice(cursor), cursor: start + text.length };
}

/** Applies one editing key. */
export function edit(line: Line, key: EditKey): Line {
  const { text, cursor } = line;
  switch (key) {
    case 'backspace':
      if (cursor === 0) return line;
      return { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return { text: text.slice(0, cursor) + text.slice(cursor + 1), cursor };
    case 'left':
      return { text, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { text, cursor: Math.min(text.length, cursor + 1) };
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
    case 'wordLeft':
      return { text, cursor: wordStart(text, cursor) };
    case 'wordRight':
      return { text, cursor: wordEnd(text, cursor) };
    case 'killToStart':
      return { text: text.slice(cursor), cursor: 0 };
    case 'killToEnd':
      return { text: text.slice(0, cursor), cursor };
    case 'killWordBack': {
      // readline's unix-word-rubout: back over spaces, then over the word before them.
      const start = wordStart(text, cursor);
      return { text: text.slice(0, start) + text.slice(cursor), cursor: start };
    }
  }
}

function wordStart(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && text[i - 1] === ' ') i--;
  while (i > 0 && text[i - 1] !== ' ') i--;
  return i;
}

function wordEnd(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && text[i] === ' ') i++;
  while (i < text.length && text[i] !== ' ') i++;
  return i;
}
