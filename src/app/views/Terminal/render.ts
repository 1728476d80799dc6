import type { Line } from './lineEditor';

// The escape sequences that redraw the prompt and its line in place, wrapped over as many rows as
// it needs, leaving the terminal's cursor at the line's cursor.

/** The prompt as written (it may carry colour) and as wide as it shows. */
export interface Prompt {
  text: string;
  width: number;
}

/** Returns the data that redraws the line, and the cursor's row counted from the prompt's row. */
export function drawLine(
  prompt: Prompt,
  line: Line,
  cols: number,
  cursorRow: number,
): { data: string; cursorRow: number } {
  const end = prompt.width + line.text.length;
  const target = prompt.width + line.cursor;
  const endRow = Math.floor(end / cols);
  const targetRow = Math.floor(target / cols);
  const col = target % cols;
  const data =
    up(cursorRow) +
    '\r\x1b[J' +
    prompt.text +
    line.text +
    // Text that ends exactly at the right edge leaves xterm waiting to wrap; write a space and
    // step back so the cursor is really on the next row, where the arithmetic puts it.
    (end % cols === 0 ? ' \b' : '') +
    up(endRow - targetRow) +
    '\r' +
    (col > 0 ? `\x1b[${col}C` : '');
  return { data, cursorRow: targetRow };
}

function up(rows: number): string {
  return rows > 0 ? `\x1b[${rows}A` : '';
}
