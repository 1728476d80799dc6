import { DESCRIBE_TABWRITER, tabwrite } from '../printers/tabwriter';

// describe.go's PrefixWriter over tabbedString's tabwriter: text is written at an indentation
// level (two spaces each) and aligned on tabs when the page is done. flush() ends an alignment
// section early, as DescribeEvents does so the events table aligns on its own.

/** Indentation levels of describe.go (LEVEL_0 … LEVEL_3; two spaces each). */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** Collects describe text and aligns it like a Go tabwriter (minwidth 0, padding 2). */
export class PrefixWriter {
  private readonly sections: string[] = [];
  private buf = '';

  /** Writes text prefixed by two spaces per level (once, before the first line only). */
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text;
  }

  /** Writes a whole line without indentation, as WriteLine(fmt.Sprintln(...)) does. */
  line(text: string): void {
    this.buf += `${text}\n`;
  }

  /** Aligns what was written so far on its own, as tabwriter.Flush does. */
  flush(): void {
    this.sections.push(this.buf);
    this.buf = '';
  }

  /** Returns the text as written, unaligned: a PrefixWriter straight over a buffer, as
   * `kubectl rollout history --revision` prints a pod template. */
  raw(): string {
    return [...this.sections, this.buf].join('');
  }

  /** Returns the aligned page. */
  toString(): string {
    return [...this.sections, this.buf].map((s) => tabwrite(s, DESCRIBE_TABWRITER)).join('');
  }
}

/** Runs a describer body against a fresh writer and returns the aligned text (tabbedString). */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.toString();
}
