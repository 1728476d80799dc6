import type { Flow } from './flow';
import { FOREVER, OK } from './flow';
import type { ShellRun } from './run';
import { parseScript } from './parse';
import { fileCommand, testCommand } from './files';
import type { Program, ShellFlavor } from './toolbox';
import { commandName } from './toolbox';
import { SHELLS } from './utilities';

// Command dispatch for the interpreter: builtins, wrappers (env, exec, timeout), shells, the file
// utilities, and programs on the image's PATH. The rules [RUN2] and [RUN3] are in run.ts.

const MAX_STEPS = 20_000;
const TERM_NAMES = new Set(['TERM', 'SIGTERM', '15']);
const WRAPPERS = new Set(['env', 'nohup', 'nice', 'exec', 'timeout', 'command']);
const NO_OP_BUILTINS = new Set([
  'true',
  ':',
  'echo',
  'printf',
  'cd',
  'set',
  'shift',
  'unset',
  'umask',
  'ulimit',
  'local',
  'alias',
  'readonly',
  'source',
  '.',
]);

/** Runs one command in a shell; exec marks the shell replacing itself with it. */
export function runCommand(sh: ShellRun, argv: string[], exec: boolean): Flow {
  if (++sh.steps > MAX_STEPS) return FOREVER;
  const [first = '', ...args] = argv;
  const name = commandName(first);
  const builtin = runBuiltin(sh, name, args);
  if (builtin) return builtin;
  const { toolbox } = sh.opts;
  if (WRAPPERS.has(name)) return runWrapper(sh, name, args, exec);
  if ((SHELLS as readonly string[]).includes(name) && toolbox.has(name))
    return runShell(sh, args, exec);
  const file = toolbox.has(name) ? fileCommand(sh, name, args) : undefined;
  if (file !== undefined) return done(sh, file);
  const program = toolbox.lookup(first);
  if (program) return runProgram(sh, program, args, exec);
  sh.say(notFound(toolbox.flavor, first));
  return done(sh, 127);
}

function done(sh: ShellRun, code: number): Flow {
  sh.status = code;
  return OK;
}

function runBuiltin(sh: ShellRun, name: string, args: string[]): Flow | undefined {
  if (NO_OP_BUILTINS.has(name)) return done(sh, 0);
  switch (name) {
    case 'exit':
      return { k: 'exit', code: args[0] === undefined ? sh.status : Number(args[0]) & 255 };
    case 'false':
    case 'read':
      return done(sh, 1);
    case 'export':
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0) sh.vars.set(a.slice(0, eq), a.slice(eq + 1));
      }
      return done(sh, 0);
    case 'break':
      return { k: 'break' };
    case 'continue':
      return { k: 'continue' };
    case 'wait':
      sh.t = Math.max(sh.t, sh.bgEnd);
      return done(sh, 0);
    case 'trap':
      setTrap(sh, args);
      return done(sh, 0);
    case 'eval':
      return sh.exec(parseScript(args.join(' '), { ...sh.opts.env }));
    case 'test':
    case '[':
      return done(sh, testCommand(sh, name, args));
  }
  return undefined;
}

function runWrapper(sh: ShellRun, name: string, args: string[], exec: boolean): Flow {
  if (name === 'timeout') {
    const limit = Number(args[0]) * 1000;
    const start = sh.t;
    const f = runCommand(sh, args.slice(1), false);
    if (f.k !== 'forever' && sh.t - start <= limit) return f;
    // timeout kills the command and exits 124.
    sh.t = start + limit;
    sh.tl.child = undefined;
    return done(sh, 124);
  }
  let rest = args;
  if (name === 'env') while (rest[0] !== undefined && /^\w+=/.test(rest[0])) rest = rest.slice(1);
  if (name === 'nice' && rest[0] === '-n') rest = rest.slice(2);
  if (rest.length === 0) return done(sh, 0);
  return runCommand(sh, rest, exec || name === 'exec');
}

function runShell(sh: ShellRun, args: string[], exec: boolean): Flow {
  const c = args.indexOf('-c');
  const script = c >= 0 ? args[c + 1] : undefined;
  if (script === undefined) {
    // A shell with no script and no terminal reads an empty stdin and exits 0.
    sh.status = 0;
    return exec ? { k: 'exit', code: 0 } : OK;
  }
  const node = parseScript(script, { ...sh.opts.env });
  // "sh -c 'one command'" execs that command instead of forking (dash, bash and ash all do), so
  // the command itself becomes PID 1 and receives the signals.
  const single = node.type === 'simple' && node.redirects.length === 0 && node.assigns.length === 0;
  const f = single
    ? runCommand(
        sh,
        node.words.map((w) => sh.expand(w)),
        exec,
      )
    : sh.exec(node);
  return exec && f.k === 'ok' ? { k: 'exit', code: sh.status } : f;
}

function runProgram(sh: ShellRun, p: Program, args: string[], exec: boolean): Flow {
  const run = p(args, sh.opts.env);
  if (run.output) sh.say(run.output);
  if (run.exit) {
    if (run.exit.afterMs > 0) sh.tl.spans.push({ startMs: sh.t, endMs: sh.t + run.exit.afterMs });
    sh.t += run.exit.afterMs;
    sh.status = run.exit.code;
    return exec ? { k: 'exit', code: run.exit.code } : OK;
  }
  sh.tl.child = { atMs: sh.t, run, exec };
  return FOREVER;
}

/** Records a TERM trap: its handler's exit code, or "ignore" when it does not exit. [RUN3] */
function setTrap(sh: ShellRun, args: string[]): void {
  const [action, ...signals] = args;
  if (action === undefined || !signals.some((s) => TERM_NAMES.has(s.toUpperCase()))) return;
  if (action === '-') sh.tl.trap = undefined;
  else if (action === '') sh.tl.trap = 'ignore';
  else {
    const flow = sh.fork().exec(parseScript(action, { ...sh.opts.env }));
    sh.tl.trap = flow.k === 'exit' ? flow.code : 'ignore';
  }
}

/** Returns the shell's "command not found" line. [RUN2] */
export function notFound(flavor: ShellFlavor, name: string): string {
  return flavor === 'busybox' ? `sh: ${name}: not found` : `sh: 1: ${name}: not found`;
}
