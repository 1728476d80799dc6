// Command history: the lines run so far, and Up/Down browsing through them. Entries live for the
// page's lifetime in `pageHistory`, which the page may save and restore with entries()/replace().

const LIMIT = 500;

/** Holds the lines run so far, oldest first, as bash's history list does. */
export class CommandHistory {
  private list: string[];

  constructor(entries: readonly string[] = []) {
    this.list = entries.slice(-LIMIT);
  }

  /** Returns the lines run so far, oldest first. */
  entries(): readonly string[] {
    return this.list;
  }

  /** Records a line that ran; blank lines and repeats of the last line are not kept (ignoredups). */
  add(line: string): void {
    if (line.trim() === '' || this.list[this.list.length - 1] === line) return;
    this.list = [...this.list, line].slice(-LIMIT);
  }

  /** Replaces every entry, e.g. with history the page saved earlier. */
  replace(entries: readonly string[]): void {
    this.list = entries.slice(-LIMIT);
  }
}

/** The history shared by every terminal on the page, kept until the page unloads. */
export const pageHistory = new CommandHistory();

/** Where Up/Down browsing stands: an entry's index, or entries.length for the unsent line. */
export interface Browse {
  readonly index: number;
  /** The line being typed before browsing began, restored by Down past the newest entry. */
  readonly draft: string;
}

/** Starts browsing from the unsent line. */
export function startBrowse(entries: readonly string[], draft = ''): Browse {
  return { index: entries.length, draft };
}

/** Steps one entry back (Up); returns the line to show, or undefined at the oldest entry. */
export function browseUp(
  entries: readonly string[],
  browse: Browse,
  current: string,
): { browse: Browse; text: string } | undefined {
  if (browse.index <= 0) return undefined;
  const draft = browse.index >= entries.length ? current : browse.draft;
  const index = Math.min(browse.index, entries.length) - 1;
  return { browse: { index, draft }, text: entries[index] ?? '' };
}

/** Steps one entry forward (Down); past the newest entry it restores the draft. */
export function browseDown(
  entries: readonly string[],
  browse: Browse,
): { browse: Browse; text: string } | undefined {
  if (browse.index >= entries.length) return undefined;
  const index = browse.index + 1;
  const text = index === entries.length ? browse.draft : (entries[index] ?? '');
  return { browse: { index, draft: browse.draft }, text };
}
