import type { ShellNode, Word } from './parse';
import { VAR_MARK } from './parse';
import { runCommand } from './commands';
import type { Flow } from './flow';
import { FOREVER, OK } from './flow';
import type { ProgramRun, Toolbox } from './toolbox';

// Runs a parsed script in virtual time: no output, only what a container's lifetime depends on —
// how long each command blocks, the exit code, the files it creates and removes (exec probes read
// them), the SIGTERM trap, and any program it hands over to.
//   [RUN1] a loop whose iteration leaves variables and files as it found them repeats forever;
//          its iteration is kept as a periodic pattern.
//   [RUN2] a command not on the PATH prints "sh: foo: not found" and sets $? to 127; the script
//          goes on, as sh does.
//   [RUN3] "trap 'exit N' TERM" makes the shell exit N once its current foreground command ends;
//          without a trap a shell running as PID 1 ignores SIGTERM.

/** A file appearing or disappearing at a moment of the script's life. */
export interface FileEvent {
  atMs: number;
  path: string;
  exists: boolean;
}

/** A stretch of time during which a foreground command (sleep) blocks the shell. */
export interface Span {
  startMs: number;
  endMs: number;
}

/** A program still running when the script stops advancing. */
export interface Child {
  atMs: number;
  run: ProgramRun;
  /** The shell replaced itself with it (exec, or a single-command script), so it is PID 1. */
  exec: boolean;
}

/** What a script does over its lifetime. */
export interface Timeline {
  /** When and how the script exits; absent, it never does. */
  end?: { atMs: number; code: number };
  files: FileEvent[];
  spans: Span[];
  /** The repeating part of a script that loops forever, times relative to startMs. [RUN1] */
  loop?: { startMs: number; periodMs: number; files: FileEvent[]; spans: Span[] };
  /** The program the shell waits on forever or became. */
  child?: Child;
  /** Programs started with & that keep running. */
  background: Child[];
  /** The exit code the TERM trap ends the shell with, or "ignore". [RUN3] */
  trap?: number | 'ignore';
  /** What the script printed to stderr. */
  messages: string[];
}

/** What a run needs from its container. */
export interface RunOptions {
  toolbox: Toolbox;
  env: Readonly<Record<string, string>>;
  /** Whether a path the script never touched exists. */
  baseExists(path: string): boolean;
  /** Files already present or removed (a probe runs against the container's current state). */
  files?: ReadonlyMap<string, boolean>;
}

const MAX_ITERATIONS = 1_000;

/** Runs a script (already parsed) from time 0 and returns its timeline. */
export function runScript(node: ShellNode, opts: RunOptions): Timeline {
  return new ShellRun(opts).top(node);
}

/** Runs a command line as a container's PID 1 from time 0 and returns its timeline. */
export function runMain(argv: string[], opts: RunOptions): Timeline {
  return new ShellRun(opts).main(argv);
}

/** Runs one command line (an exec probe) and returns its exit code, output and duration. */
export function runOnce(
  argv: string[],
  opts: RunOptions,
): { code: number; output: string; durationMs: number } {
  const r = new ShellRun(opts);
  const flow = r.command(argv, false);
  const code = flow.k === 'exit' ? flow.code : r.status;
  const durationMs = flow.k === 'forever' ? Infinity : r.t;
  return { code, output: r.tl.messages.join('\n'), durationMs };
}

/** One shell process: its clock, $?, variables, files and recorded timeline. */
export class ShellRun {
  t = 0;
  status = 0;
  steps = 0;
  readonly vars = new Map<string, string>();
  readonly files: Map<string, boolean>;
  readonly tl: Timeline = { files: [], spans: [], background: [], messages: [] };
  /** When the last background job ends (wait waits for it). */
  bgEnd = 0;

  constructor(readonly opts: RunOptions) {
    this.files = new Map(opts.files ?? []);
  }

  /** Runs a whole script as the container's main process. */
  top(node: ShellNode): Timeline {
    return this.finish(this.exec(node));
  }

  /** Runs a command line as the container's main process (PID 1). */
  main(argv: string[]): Timeline {
    return this.finish(this.command(argv, true));
  }

  private finish(flow: Flow): Timeline {
    if (flow.k === 'exit') this.tl.end = { atMs: this.t, code: flow.code };
    else if (flow.k !== 'forever') this.tl.end = { atMs: this.t, code: this.status };
    return this.tl;
  }

  /** Reports whether a path exists now. */
  exists(path: string): boolean {
    return this.files.get(path) ?? this.opts.baseExists(path);
  }

  /** Creates or removes a file now, recording it. */
  setFile(path: string, exists: boolean): void {
    if (path.startsWith('/dev/') || path.startsWith('/proc/')) return;
    this.files.set(path, exists);
    this.tl.files.push({ atMs: this.t, path, exists });
  }

  /** Prints a line to stderr. */
  say(line: string): void {
    this.tl.messages.push(line);
  }

  exec(node: ShellNode): Flow {
    switch (node.type) {
      case 'simple':
        return this.simple(node);
      case 'list':
        for (const item of node.items) {
          const f = this.exec(item);
          if (f.k !== 'ok') return f;
        }
        return OK;
      case 'and':
      case 'or': {
        const f = this.exec(node.left);
        if (f.k !== 'ok') return f;
        return (this.status === 0) === (node.type === 'and') ? this.exec(node.right) : OK;
      }
      case 'not': {
        const f = this.exec(node.node);
        this.status = this.status === 0 ? 1 : 0;
        return f;
      }
      case 'pipe':
        // Only the last command of a pipeline decides its status and how long it blocks.
        return this.exec(node.items[node.items.length - 1] as ShellNode);
      case 'background':
        return this.background(node.node);
      case 'group':
        return this.exec(node.body);
      case 'if':
        return this.ifClause(node);
      case 'for':
        return this.forLoop(node);
      case 'loop':
        return this.loop(node);
    }
  }

  private simple(node: Extract<ShellNode, { type: 'simple' }>): Flow {
    const argv = node.words.map((w) => this.expand(w));
    for (const [k, v] of node.assigns) if (argv.length === 0) this.vars.set(k, this.expand(v));
    for (const r of node.redirects) {
      const target = this.expand(r.target);
      if ((r.op === '>' || r.op === '>>') && !/^\d+$/.test(target)) this.setFile(target, true);
    }
    if (argv.length === 0) {
      this.status = 0;
      return OK;
    }
    return this.command(argv, false);
  }

  /** Runs one command; exec marks the shell replacing itself with it. */
  command(argv: string[], exec: boolean): Flow {
    return runCommand(this, argv, exec);
  }

  /** Returns a copy of this shell (same files and variables) to run a handler or a job. */
  fork(): ShellRun {
    const copy = new ShellRun({ ...this.opts, files: this.files });
    for (const [k, v] of this.vars) copy.vars.set(k, v);
    return copy;
  }

  private background(node: ShellNode): Flow {
    const fork = this.fork();
    const flow = fork.exec(node);
    if (flow.k === 'forever' && fork.tl.child)
      this.tl.background.push({ ...fork.tl.child, atMs: this.t + fork.tl.child.atMs });
    else if (flow.k !== 'forever') this.bgEnd = Math.max(this.bgEnd, this.t + fork.t);
    this.status = 0;
    return OK;
  }

  private ifClause(node: Extract<ShellNode, { type: 'if' }>): Flow {
    for (const b of node.branches) {
      const f = this.exec(b.cond);
      if (f.k !== 'ok') return f;
      if (this.status === 0) return this.exec(b.body);
    }
    if (node.otherwise) return this.exec(node.otherwise);
    this.status = 0;
    return OK;
  }

  private forLoop(node: Extract<ShellNode, { type: 'for' }>): Flow {
    const words = node.words.flatMap((w) => this.expand(w).split(/\s+/).filter(Boolean));
    this.status = 0;
    for (const w of words) {
      this.vars.set(node.name, w);
      const f = this.exec(node.body);
      if (f.k === 'break') break;
      if (f.k !== 'ok' && f.k !== 'continue') return f;
    }
    return OK;
  }

  private loop(node: Extract<ShellNode, { type: 'loop' }>): Flow {
    let prev: { snap: string; t: number; files: number; spans: number } | undefined;
    for (let iteration = 0; ; iteration++) {
      const here = {
        snap: this.snapshot(),
        t: this.t,
        files: this.tl.files.length,
        spans: this.tl.spans.length,
      };
      if (prev && prev.snap === here.snap) return this.repeatForever(prev);
      if (iteration > MAX_ITERATIONS) return FOREVER;
      prev = here;
      const c = this.exec(node.cond);
      if (c.k !== 'ok') return c;
      if ((this.status === 0) === node.until) {
        this.status = 0;
        return OK;
      }
      const f = this.exec(node.body);
      if (f.k === 'break') return OK;
      if (f.k !== 'ok' && f.k !== 'continue') return f;
    }
  }

  /** Turns the iteration that started at prev into the loop's periodic pattern. [RUN1] */
  private repeatForever(prev: { t: number; files: number; spans: number }): Flow {
    const periodMs = this.t - prev.t;
    const rel = <T extends { atMs?: number; startMs?: number; endMs?: number }>(xs: T[]): T[] =>
      xs.map((x) => ({
        ...x,
        ...(x.atMs !== undefined ? { atMs: x.atMs - prev.t } : {}),
        ...(x.startMs !== undefined ? { startMs: x.startMs - prev.t } : {}),
        ...(x.endMs !== undefined ? { endMs: x.endMs - prev.t } : {}),
      }));
    this.tl.loop = {
      startMs: prev.t,
      periodMs,
      files: rel(this.tl.files.splice(prev.files)),
      spans: rel(this.tl.spans.splice(prev.spans)),
    };
    return FOREVER;
  }

  private snapshot(): string {
    const vars = [...this.vars].sort(([a], [b]) => (a < b ? -1 : 1));
    const files = [...this.files].sort(([a], [b]) => (a < b ? -1 : 1));
    return JSON.stringify([vars, files]);
  }

  /** Expands the run-time variables of a word. */
  expand(word: Word): string {
    if (!word.includes(VAR_MARK)) return word;
    const re = new RegExp(`${VAR_MARK}([^${VAR_MARK}]*)${VAR_MARK}`, 'g');
    return word.replace(re, (_, name: string) =>
      name === '?' ? String(this.status) : (this.vars.get(name) ?? ''),
    );
  }
}
