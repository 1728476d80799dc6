// Go's text/tabwriter, which aligns every kubectl table and describe page. Cells end with a tab;
// the text after a line's last tab is not part of any column. A column block is a run of
// consecutive lines that all have a cell in that column; its width is the widest cell plus
// padding (at least minwidth), and blocks nest column by column. A line without a tab therefore
// ends every block above it, which is why describe output realigns after "Containers:".

/** The two tabwriter settings kubectl varies; padding is always done with spaces. */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

/** kubectl get: minwidth 6, tabwidth 4, padding 3, ' ' (cli-runtime printers/tabwriter.go). */
export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };

/** kubectl describe: minwidth 0, tabwidth 8, padding 2, ' ' (describe.go tabbedString). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Aligns tab-separated text exactly as a Go tabwriter would on Flush. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  format(lines, 0, lines.length, [], opts, out);
  return out.join('');
}

// Go measures cells in runes, not UTF-16 code units.
function runeLength(cell: string): number {
  let n = 0;
  for (const _ of cell) n++;
  return n;
}

function format(
  lines: string[][],
  line0: number,
  line1: number,
  widths: number[],
  opts: TabwriterOptions,
  out: string[],
): void {
  const column = widths.length;
  for (let t = line0; t < line1; t++) {
    if (column >= (lines[t] as string[]).length - 1) continue;
    // This line has a cell in this column: print the lines before it, then size the block.
    writeLines(lines, line0, t, widths, out);
    line0 = t;
    let width = opts.minwidth;
    for (; t < line1; t++) {
      const line = lines[t] as string[];
      if (column >= line.length - 1) break;
      width = Math.max(width, runeLength(line[column] as string) + opts.padding);
    }
    widths.push(width);
    format(lines, line0, t, widths, opts, out);
    widths.pop();
    line0 = t;
  }
  writeLines(lines, line0, line1, widths, out);
}

function writeLines(
  lines: string[][],
  line0: number,
  line1: number,
  widths: readonly number[],
  out: string[],
): void {
  for (let i = line0; i < line1; i++) {
    const line = lines[i] as string[];
    line.forEach((cell, j) => {
      out.push(cell);
      const width = widths[j];
      if (width !== undefined) out.push(' '.repeat(Math.max(0, width - runeLength(cell))));
    });
    // The text after the final newline is an unterminated line: no newline of its own.
    if (i + 1 < lines.length) out.push('\n');
  }
}
