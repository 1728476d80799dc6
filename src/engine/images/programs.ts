import type { Program, ProgramRun } from './shell/toolbox';
import { instant } from './shell/toolbox';

// The main programs of the catalogue's images: servers that run until stopped, and language
// runtimes that exit at once when started without a script (no terminal, empty stdin), as a
// bare "python" or "node" container does on a real cluster.

/** Mebibytes, for memory figures. */
export const Mi = 1024 * 1024;

/** How a server program behaves. */
export interface ServerSpec {
  /** TCP ports it listens on. */
  ports: number[];
  /** Ports answering HTTP, with the status "/" returns (traefik's default entrypoint is 404). */
  http?: Record<number, number>;
  /** Its answer to the image's stop signal: exit code and how long shutting down takes. */
  stop: { code: number; afterMs: number } | 'ignore';
  /** Resident memory once started, in bytes. */
  memoryBytes: number;
  /** Time from start until it listens (and reaches its memory use). */
  startupMs: number;
  /** Environment variables of which one must be set, else it exits 1 printing message. */
  needsEnv?: { anyOf: string[]; message: string };
  /** Reads a listening port from its arguments ("--port 7000", "-p 8080"). */
  portFlag?: string;
}

/** Returns a program that runs as the given server. */
export function server(spec: ServerSpec): Program {
  return (args, env) => {
    if (spec.needsEnv && !spec.needsEnv.anyOf.some((k) => (env[k] ?? '') !== ''))
      return { exit: { afterMs: 300, code: 1 }, output: spec.needsEnv.message };
    return serving(spec, portOverride(spec, args));
  };
}

// A server's run depends only on its spec and port; every running container holds one, so
// containers of one image share it.
const RUNS = new WeakMap<ServerSpec, Map<number | undefined, ProgramRun>>();

/** Returns the run of a server listening on its ports (the first replaced by port, if given). */
export function serving(spec: ServerSpec, port?: number): ProgramRun {
  let byPort = RUNS.get(spec);
  if (!byPort) RUNS.set(spec, (byPort = new Map()));
  let run = byPort.get(port);
  if (!run) byPort.set(port, (run = servingRun(spec, port)));
  return run;
}

function servingRun(spec: ServerSpec, port: number | undefined): ProgramRun {
  const ports = port === undefined ? spec.ports : [port, ...spec.ports.slice(1)];
  const first = spec.ports[0];
  const httpStatus = (p: number): number | undefined =>
    port !== undefined && p === port && first !== undefined ? spec.http?.[first] : spec.http?.[p];
  const stop = spec.stop;
  return {
    stop: stop === 'ignore' ? undefined : () => stop,
    http: (p, _path, age) => (age >= spec.startupMs ? httpStatus(p) : undefined),
    tcp: (p, age) => age >= spec.startupMs && ports.includes(p),
    memory: { bytes: spec.memoryBytes, rampMs: spec.startupMs },
  };
}

function portOverride(spec: ServerSpec, args: string[]): number | undefined {
  if (!spec.portFlag) return undefined;
  const i = args.indexOf(spec.portFlag);
  const n = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** nginx: serves only with "-g 'daemon off;'"; otherwise it daemonizes and PID 1 exits 0. */
export function nginx(spec: ServerSpec): Program {
  const run = server(spec);
  return (args, env) => {
    if (args.includes('-t') || args.includes('-v') || args.includes('-V'))
      return instant(args, env);
    const g = args.indexOf('-g');
    const foreground = g >= 0 && /daemon\s+off/.test(args[g + 1] ?? '');
    return foreground ? run(args, env) : { exit: { afterMs: 20, code: 0 } };
  };
}

/** Apache httpd: httpd-foreground serves; plain httpd daemonizes unless -DFOREGROUND. */
export function httpd(spec: ServerSpec, foregroundOnly: boolean): Program {
  const run = server(spec);
  return (args, env) =>
    !foregroundOnly || args.includes('-DFOREGROUND')
      ? run(args, env)
      : { exit: { afterMs: 30, code: 0 } };
}

/** python / python3: no script exits 0, -c runs and exits, -m http.server serves. */
export const python: Program = (args, env) => {
  const m = args.indexOf('-m');
  if (m >= 0 && args[m + 1] === 'http.server') {
    const port = Number(args[m + 2] ?? 8000);
    return serving({
      ports: [port],
      http: { [port]: 200 },
      stop: { code: 0, afterMs: 0 },
      memoryBytes: 12 * Mi,
      startupMs: 150,
    });
  }
  const file = args.find((a) => !a.startsWith('-'));
  if (
    args.length === 0 ||
    args.includes('-c') ||
    args.includes('-V') ||
    args.includes('--version') ||
    file === undefined
  )
    return instant(args, env);
  return {
    exit: { afterMs: 40, code: 2 },
    output: `python3: can't open file '${absolute(file)}': [Errno 2] No such file or directory`,
  };
};

/** node: no script exits 0 (the REPL sees no terminal); a missing file exits 1. */
export const node: Program = (args, env) => {
  const file = args.find((a) => !a.startsWith('-'));
  if (file === undefined || args.includes('-e') || args.includes('-v')) return instant(args, env);
  return {
    exit: { afterMs: 60, code: 1 },
    output: `Error: Cannot find module '${absolute(file)}'`,
  };
};

/** npm: without a package.json every script command fails. */
export const npm: Program = (args, env) =>
  args[0] === undefined || args[0] === '-v' || args[0] === '--version'
    ? instant(args, env)
    : { exit: { afterMs: 300, code: 254 }, output: 'npm error code ENOENT' };

/** go: "go run" and "go build" of a missing package fail; other subcommands succeed. */
export const go: Program = (args, env) =>
  args[0] === 'run' || args[0] === 'build'
    ? {
        exit: { afterMs: 200, code: 1 },
        output: `no required module provides package ${args[1] ?? ''}`,
      }
    : instant(args, env);

/** stress (polinux/stress, the Kubernetes memory docs): --vm N --vm-bytes SIZE holds memory. */
export const stress: Program = (args) => {
  const get = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const workers = Number(get('--vm') ?? 0);
  const bytes = workers * parseSize(get('--vm-bytes') ?? '256M');
  const timeout = Number(get('--timeout') ?? get('-t') ?? NaN);
  if (workers === 0)
    return {
      exit: { afterMs: 0, code: 1 },
      output: 'stress: FAIL: [1] (244) no workers specified',
    };
  const run: ProgramRun = { memory: { bytes, rampMs: 1000 } };
  if (Number.isFinite(timeout)) run.exit = { afterMs: timeout * 1000, code: 0 };
  return run;
};

function parseSize(s: string): number {
  const m = /^(\d+)([BKMG]?)$/i.exec(s);
  if (!m) return 256 * Mi;
  const unit: Record<string, number> = { '': 1, B: 1, K: 1024, M: Mi, G: 1024 * Mi };
  return Number(m[1]) * (unit[(m[2] ?? '').toUpperCase()] ?? 1);
}

function absolute(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}
