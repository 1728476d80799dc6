import type { Terminal as XTerm } from '@xterm/xterm';
import { interpret } from './commandLine';
import { applyCompletion, complete, formatColumns } from './completion';
import type { CommandHistory } from './history';
import { browseDown, browseUp, startBrowse } from './history';
import type { Browse } from './history';
import type { Key } from './keys';
import { parseKeys } from './keys';
import type { Line } from './lineEditor';
import { EMPTY_LINE, edit, insert, lineOf } from './lineEditor';
import type { Prompt } from './render';
import { drawLine } from './render';

// The shell behind the terminal view: it reads keys, edits the line, completes, and runs lines
// one at a time. Everything it does is queued, so keys typed while a command runs (or while Tab
// fetches names) are held and handled, in order, once it is done.

/** What the shell runs lines with and completes names from (the view's props). */
export interface Backend {
  run(line: string): Promise<string>;
  names(): Promise<Record<string, string[]>>;
}

const PROMPT: Prompt = { text: '\x1b[34m$\x1b[0m ', width: 2 };
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/** Connects an xterm terminal to a backend through a line editor. */
export class Shell {
  private line: Line = EMPTY_LINE;
  private cursorRow = 0;
  private browse: Browse;
  private lastKeyWasTab = false;
  private chain: Promise<void> = Promise.resolve();
  private readonly pending = new Set<number>();
  private disposed = false;

  constructor(
    private readonly term: XTerm,
    private readonly backend: () => Backend,
    private readonly history: CommandHistory,
    /** Claims a queued line's id just before it runs; false when it already ran. */
    private readonly claim: (id: number) => boolean,
  ) {
    this.browse = startBrowse(history.entries());
  }

  /** Writes the first prompt. */
  start(): void {
    this.redraw();
  }

  /** Handles what the user typed or pasted. */
  input(data: string): void {
    this.enqueue(async () => {
      for (const key of parseKeys(data)) {
        if (this.disposed) return;
        await this.handle(key);
      }
    });
  }

  /** Types a line and runs it, as if the user had; a line already queued or run is ignored. */
  queue(id: number, text: string): void {
    if (this.pending.has(id)) return;
    this.pending.add(id);
    this.enqueue(async () => {
      if (!this.claim(id)) return;
      const draft = this.line;
      this.line = lineOf(text);
      this.redraw();
      await this.submit();
      this.line = draft;
      this.redraw();
    });
  }

  /** Stops handling input; a command still running finishes without printing. */
  dispose(): void {
    this.disposed = true;
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(() => (this.disposed ? undefined : task()));
  }

  private async handle(key: Key): Promise<void> {
    const wasTab = this.lastKeyWasTab;
    this.lastKeyWasTab = key.type === 'tab';
    switch (key.type) {
      case 'text':
        return this.set(insert(this.line, key.text));
      case 'enter':
        return this.submit();
      case 'tab':
        return this.complete(wasTab);
      case 'up':
      case 'down':
        return this.recall(key.type);
      case 'cancel':
        this.set(lineOf(this.line.text));
        this.write('^C\r\n');
        this.cursorRow = 0;
        this.browse = startBrowse(this.history.entries());
        return this.set(EMPTY_LINE);
      case 'clearScreen':
        this.write(CLEAR_SCREEN);
        this.cursorRow = 0;
        return this.redraw();
      default:
        return this.set(edit(this.line, key.type));
    }
  }

  private async submit(): Promise<void> {
    const text = this.line.text;
    this.set(lineOf(text));
    this.write('\r\n');
    this.cursorRow = 0;
    this.line = EMPTY_LINE;
    this.history.add(text.trim());
    this.browse = startBrowse(this.history.entries());
    const action = interpret(text);
    if (action.kind === 'clear') this.write(CLEAR_SCREEN);
    if (action.kind === 'print') this.print(action.text);
    if (action.kind === 'run') this.print(await this.run(action.line));
    if (!this.disposed) this.redraw();
  }

  private async run(line: string): Promise<string> {
    try {
      return await this.backend().run(line);
    } catch (e) {
      return `error: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private async complete(secondTab: boolean): Promise<void> {
    const names = await this.backend()
      .names()
      .catch(() => ({}));
    if (this.disposed) return;
    const before = this.line.text.slice(0, this.line.cursor);
    const result = applyCompletion(this.line, complete(before, names), secondTab);
    if (!result.list) return this.set(result.line);
    this.set(lineOf(this.line.text));
    this.write('\r\n');
    this.print(formatColumns(result.list, this.term.cols));
    this.cursorRow = 0;
    this.set(result.line);
  }

  private recall(direction: 'up' | 'down'): void {
    const entries = this.history.entries();
    const step =
      direction === 'up'
        ? browseUp(entries, this.browse, this.line.text)
        : browseDown(entries, this.browse);
    if (!step) return;
    this.browse = step.browse;
    this.set(lineOf(step.text));
  }

  // Output may lack a final newline; the next prompt still starts on a fresh row.
  private print(text: string): void {
    if (this.disposed || text === '') return;
    const crlf = text.replace(/\r?\n/g, '\r\n');
    this.write(crlf.endsWith('\r\n') ? crlf : `${crlf}\r\n`);
  }

  private set(line: Line): void {
    this.line = line;
    this.redraw();
  }

  private redraw(): void {
    const drawn = drawLine(PROMPT, this.line, this.term.cols, this.cursorRow);
    this.cursorRow = drawn.cursorRow;
    this.write(drawn.data);
  }

  private write(data: string): void {
    if (!this.disposed) this.term.write(data);
  }
}
