import type { ShellFlavor } from './toolbox';

// The file utilities and test(1): the only commands whose result depends on the files a script
// has created or removed (the liveness-probe example: touch /tmp/healthy … rm /tmp/healthy).
// Messages follow BusyBox and GNU coreutils, which word them differently.

/** What the file commands need from the running shell. */
export interface FileState {
  exists(path: string): boolean;
  setFile(path: string, exists: boolean): void;
  say(line: string): void;
  readonly opts: { toolbox: { flavor: ShellFlavor } };
}

const MISSING = 'No such file or directory';

/** Runs cat, touch, rm, ls or mkdir; returns the exit code, or undefined for other commands. */
export function fileCommand(sh: FileState, name: string, args: string[]): number | undefined {
  const gnu = sh.opts.toolbox.flavor === 'gnu';
  const flags = args.filter((a) => a.startsWith('-') && a.length > 1).join('');
  const paths = args.filter((a) => !a.startsWith('-') || a === '-');
  switch (name) {
    case 'touch':
    case 'mkdir':
      for (const p of paths) sh.setFile(p, true);
      return 0;
    case 'cat':
      return eachPath(sh, paths, (p) =>
        gnu ? `cat: ${p}: ${MISSING}` : `cat: can't open '${p}': ${MISSING}`,
      );
    case 'ls': {
      const code = eachPath(sh, paths, (p) =>
        gnu ? `ls: cannot access '${p}': ${MISSING}` : `ls: ${p}: ${MISSING}`,
      );
      return code !== 0 && gnu ? 2 : code;
    }
    case 'rm': {
      const force = flags.includes('f');
      let code = 0;
      for (const p of paths) {
        if (sh.exists(p)) sh.setFile(p, false);
        else if (!force) {
          sh.say(
            gnu ? `rm: cannot remove '${p}': ${MISSING}` : `rm: can't remove '${p}': ${MISSING}`,
          );
          code = 1;
        }
      }
      return code;
    }
  }
  return undefined;
}

function eachPath(sh: FileState, paths: string[], message: (p: string) => string): number {
  let code = 0;
  for (const p of paths) {
    if (p === '-' || sh.exists(p)) continue;
    sh.say(message(p));
    code = 1;
  }
  return code;
}

/** Runs test or [ and returns its exit code: 0 true, 1 false, 2 misuse. */
export function testCommand(sh: FileState, name: string, args: string[]): number {
  let a = args;
  if (name === '[') {
    if (a[a.length - 1] !== ']') {
      sh.say('sh: missing ]');
      return 2;
    }
    a = a.slice(0, -1);
  }
  return evaluate(sh, a) ? 0 : 1;
}

function evaluate(sh: FileState, a: string[]): boolean {
  const or = a.indexOf('-o');
  if (or > 0) return evaluate(sh, a.slice(0, or)) || evaluate(sh, a.slice(or + 1));
  const and = a.indexOf('-a');
  if (and > 0 && a.length > 3)
    return evaluate(sh, a.slice(0, and)) && evaluate(sh, a.slice(and + 1));
  if (a[0] === '!') return !evaluate(sh, a.slice(1));
  const [x = '', op = '', y = ''] = a;
  if (a.length === 0) return false;
  if (a.length === 1) return x !== '';
  if (a.length === 2) return unary(sh, x, op);
  return binary(x, op, y);
}

function unary(sh: FileState, op: string, operand: string): boolean {
  switch (op) {
    case '-z':
      return operand === '';
    case '-n':
      return operand !== '';
    case '-e':
    case '-f':
    case '-d':
    case '-s':
    case '-r':
    case '-w':
    case '-x':
      return sh.exists(operand);
  }
  return false;
}

function binary(x: string, op: string, y: string): boolean {
  const nx = Number(x);
  const ny = Number(y);
  switch (op) {
    case '=':
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '-eq':
      return nx === ny;
    case '-ne':
      return nx !== ny;
    case '-lt':
      return nx < ny;
    case '-le':
      return nx <= ny;
    case '-gt':
      return nx > ny;
    case '-ge':
      return nx >= ny;
  }
  return false;
}
