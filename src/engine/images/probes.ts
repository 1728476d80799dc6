import { fakeSha256 } from './digest';
import { ShellSyntaxError, UnsupportedShellError } from './shell/parse';
import { runOnce } from './shell/run';
import type { Program, Toolbox } from './shell/toolbox';
import { imageHas } from './toolbox';
import type { ExecResult } from './types';

// Exec probes: the command runs inside the container against the files its main process has
// created or removed by then. A path the main process never touched counts as present, because
// the simulation does not model image filesystems (cat /tmp/healthy succeeds unless the script
// or a teaching image removes it). curl and wget to localhost ask the container's own servers.

/** Answers HTTP for the container at the probe's moment. */
export type LocalHttp = (port: number, path: string) => number | undefined;

/** Runs an exec probe's command at a container age. */
export function execProbe(
  argv: string[],
  toolbox: Toolbox,
  env: Readonly<Record<string, string>>,
  files: ReadonlyMap<string, boolean>,
  localHttp: LocalHttp,
): ExecResult {
  const first = argv[0] ?? '';
  if (!imageHas(toolbox, first)) {
    const execId = fakeSha256(argv.join(' '));
    const error = `rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${execNotFound(first)}: unknown`;
    return { code: 126, output: '', durationMs: 0, error };
  }
  try {
    const opts = { toolbox: withLocalHttp(toolbox, localHttp), env, baseExists: () => true, files };
    return runOnce(argv, opts);
  } catch (e) {
    if (e instanceof ShellSyntaxError)
      return { code: 2, output: `sh: ${e.message}`, durationMs: 0 };
    if (e instanceof UnsupportedShellError) return { code: 0, output: '', durationMs: 0 };
    throw e;
  }
}

/** Returns runc's wording for an executable that is not in the image. */
export function execNotFound(name: string): string {
  return name.includes('/')
    ? `exec: "${name}": stat ${name}: no such file or directory`
    : `exec: "${name}": executable file not found in $PATH`;
}

function withLocalHttp(t: Toolbox, http: LocalHttp): Toolbox {
  const curl = t.lookup('curl') ? curlProgram(http) : undefined;
  const wget = t.lookup('wget') ? wgetProgram(http) : undefined;
  return {
    ...t,
    lookup: (name) => {
      const bare = name.slice(name.lastIndexOf('/') + 1);
      if (bare === 'curl' && curl) return curl;
      if (bare === 'wget' && wget) return wget;
      return t.lookup(name);
    },
  };
}

interface Target {
  local: boolean;
  host: string;
  port: number;
  path: string;
}

function target(args: string[]): Target | undefined {
  const url = args.find((a) => /^https?:\/\//.test(a) || /^(localhost|127\.0\.0\.1)[:/]/.test(a));
  if (!url) return undefined;
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m) return undefined;
  const host = m[2] ?? '';
  const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
  const local = host === 'localhost' || host === '127.0.0.1' || host === '0.0.0.0';
  return { local, host, port, path: m[4] ?? '/' };
}

function curlProgram(http: LocalHttp): Program {
  return (args) => {
    const t = target(args);
    if (!t?.local) return { exit: { afterMs: 5, code: 0 } };
    const status = http(t.port, t.path);
    if (status === undefined)
      return {
        exit: { afterMs: 1, code: 7 },
        output: `curl: (7) Failed to connect to ${t.host} port ${t.port} after 0 ms: Couldn't connect to server`,
      };
    const fail = args.some((a) => a === '-f' || a === '--fail' || /^-[a-zA-Z]*f/.test(a));
    if (fail && status >= 400)
      return {
        exit: { afterMs: 2, code: 22 },
        output: `curl: (22) The requested URL returned error: ${status}`,
      };
    return { exit: { afterMs: 2, code: 0 } };
  };
}

function wgetProgram(http: LocalHttp): Program {
  return (args) => {
    const t = target(args);
    if (!t?.local) return { exit: { afterMs: 5, code: 0 } };
    const status = http(t.port, t.path);
    if (status === undefined)
      return {
        exit: { afterMs: 1, code: 1 },
        output: `wget: can't connect to remote host (127.0.0.1): Connection refused`,
      };
    if (status >= 400)
      return {
        exit: { afterMs: 2, code: 1 },
        output:
          `wget: server returned error: HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}`.trim(),
      };
    return { exit: { afterMs: 2, code: 0 } };
  };
}

const STATUS_TEXT: Record<number, string> = {
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
