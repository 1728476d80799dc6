import type { Program, ShellFlavor } from './toolbox';
import { forever, instant } from './toolbox';

// The standard userland of shell images, as BusyBox (busybox, alpine) and GNU coreutils (debian,
// ubuntu and the images built on them) behave. File utilities (cat, touch, rm, ls, test) are
// handled by the interpreter itself because they read and change its file state.

/** Utilities the interpreter implements against its own file state. */
export const FILE_UTILITIES = ['cat', 'touch', 'rm', 'ls', 'mkdir', 'test', '['] as const;

/** Shells; "sh -c script" runs the script, a bare shell with no terminal exits 0 at once. */
export const SHELLS = ['sh', 'ash', 'bash', 'dash'] as const;

const UNIT_MS: Record<string, number> = {
  '': 1000,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Parses sleep's arguments: seconds with optional s/m/h/d suffix, summed; Infinity for inf. */
export function sleepMs(args: readonly string[]): number | undefined {
  if (args.length === 0) return undefined;
  let total = 0;
  for (const a of args) {
    if (/^inf(inity)?$/i.test(a)) return Infinity;
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 1000);
  }
  return Math.round(total);
}

function sleep(flavor: ShellFlavor): Program {
  return (args) => {
    const ms = sleepMs(args);
    if (ms === Infinity) return {};
    if (ms !== undefined) return { exit: { afterMs: ms, code: 0 } };
    const bad = args[0];
    const output =
      bad === undefined
        ? flavor === 'gnu'
          ? 'sleep: missing operand'
          : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.'
        : flavor === 'gnu'
          ? `sleep: invalid time interval '${bad}'`
          : `sleep: invalid number '${bad}'`;
    return { exit: { afterMs: 0, code: 1 }, output };
  };
}

const tail: Program = (args) =>
  args.some((a) => a === '-f' || a === '-F' || /^-[a-zA-Z]*f/.test(a)) ? {} : instant(args, {});

const ping: Program = (args) => {
  const i = args.indexOf('-c');
  const count = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(count)
    ? { exit: { afterMs: Math.max(0, count - 1) * 1000, code: 0 } }
    : {};
};

const busyboxHttpd: Program = (args) => {
  if (!args.includes('-f')) return instant(args, {});
  const i = args.indexOf('-p');
  const port = i >= 0 ? Number(args[i + 1]) : 80;
  return { http: (p) => (p === port ? 200 : undefined), tcp: (p) => p === port };
};

const INSTANT_TOOLS = [
  'echo',
  'printf',
  'true',
  'env',
  'printenv',
  'date',
  'hostname',
  'head',
  'wc',
  'grep',
  'sed',
  'awk',
  'cp',
  'mv',
  'ln',
  'chmod',
  'chown',
  'id',
  'whoami',
  'uname',
  'ps',
  'kill',
  'seq',
  'expr',
  'basename',
  'dirname',
  'tee',
  'sort',
  'uniq',
  'tr',
  'cut',
  'stat',
  'df',
  'du',
  'free',
  'base64',
  'md5sum',
  'sha256sum',
  'xargs',
  'nproc',
  'sync',
  'clear',
  'which',
  'find',
  'tar',
  'gzip',
  'nslookup',
  'dd',
  'mount',
  'umount',
  'getent',
  'groups',
  'readlink',
  'realpath',
  'pwd',
  'arch',
];

/** Returns the standard utility programs of a userland flavor. */
export function standardUtilities(flavor: ShellFlavor): Record<string, Program> {
  const out: Record<string, Program> = {};
  for (const name of INSTANT_TOOLS) out[name] = instant;
  out.false = () => ({ exit: { afterMs: 0, code: 1 } });
  out.sleep = sleep(flavor);
  out.tail = tail;
  out.yes = forever;
  out.top = forever;
  out.watch = forever;
  out.ping = ping;
  if (flavor === 'busybox') {
    // BusyBox ships a few network tools that slim Debian images do not.
    out.wget = instant;
    out.nc = (args) => (args.includes('-l') ? {} : instant(args, {}));
    out.httpd = busyboxHttpd;
  }
  return out;
}
