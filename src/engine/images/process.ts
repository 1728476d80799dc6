import { execNotFound, execProbe } from './probes';
import { sharedArgv, sharedTimeline } from './planSharing';
import { Mi } from './programs';
import type { ImageBehaviour } from './repository';
import { ShellSyntaxError, UnsupportedShellError } from './shell/parse';
import type { Timeline } from './shell/run';
import { runMain } from './shell/run';
import { filesAt, foregroundEnd, running } from './shell/timeline';
import { imageHas, imageToolbox } from './toolbox';
import type { Toolbox } from './shell/toolbox';
import type { ExecResult, ProcessPlan, StopResponse } from './types';

// Plans a container's main process from its image and its spec, as containerd and runc would run
// it: the argv Kubernetes builds from command/args and the image's ENTRYPOINT/CMD, then what that
// argv does over time.
//   [PROC1] command replaces ENTRYPOINT and drops CMD; args alone replace CMD.
//   [PROC2] $(VAR) in command and args expands from the container's env; $$( escapes it.
//   [PROC3] an executable that is not in the image fails at start: runc's error, exit code 128.
//   [PROC4] an entrypoint script (docker-entrypoint.sh) execs its arguments; a first argument
//           starting with "-" is passed to the image's server, as the official scripts do.
//   [PROC5] without a TERM trap a shell as PID 1 ignores SIGTERM and is SIGKILLed (137).

/** The prefix containerd 1.7 and runc 1.1 put before a failed exec's reason. */
export const START_ERROR_PREFIX =
  'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ';

/** A container, as far as its process is concerned. */
export interface ProcessInput {
  behaviour: ImageBehaviour;
  command?: readonly string[];
  args?: readonly string[];
  env: Readonly<Record<string, string>>;
}

/** Returns the argv Kubernetes hands the runtime. [PROC1][PROC2] */
export function containerArgv(input: ProcessInput): string[] {
  const { behaviour: b, command, args, env } = input;
  const argv = command ? [...command, ...(args ?? [])] : [...b.entrypoint, ...(args ?? b.cmd)];
  return argv.map((a) => expandEnv(a, env));
}

/** Expands $(VAR) references the way the kubelet does; unknown ones stay as written. */
export function expandEnv(s: string, env: Readonly<Record<string, string>>): string {
  return s.replace(/\$\$\(|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name?: string) =>
    name === undefined ? '$(' : (env[name] ?? m),
  );
}

/** Plans what the container's main process does. */
export function planProcess(input: ProcessInput): ProcessPlan {
  const toolbox = imageToolbox(input.behaviour);
  const argv = sharedArgv(stripWrappers(input.behaviour, containerArgv(input)));
  const first = argv[0];
  if (first !== undefined && !imageHas(toolbox, first))
    return { ...idle(argv), startError: START_ERROR_PREFIX + `${execNotFound(first)}: unknown` };
  const tl = first === undefined ? exited(0) : timeline(argv, toolbox, input.env);
  return new PlannedProcess(argv, tl, toolbox, input.env);
}

// Every running container holds its plan: the answers are methods on one prototype over the
// timeline, not closures made per container.
class PlannedProcess implements ProcessPlan {
  readonly exit: { afterMs: number; code: number } | undefined;
  private readonly tl: Timeline;

  constructor(
    readonly argv: string[],
    tl: Timeline,
    private readonly toolbox: Toolbox,
    private readonly env: Readonly<Record<string, string>>,
  ) {
    this.tl = sharedTimeline(tl);
    this.exit = tl.end && { afterMs: tl.end.atMs, code: tl.end.code };
  }

  // Read once, when the container starts.
  get memory(): { bytes: number; rampMs: number } {
    return memoryOf(this.tl);
  }

  onStop(age: number): StopResponse {
    const tl = this.tl;
    const child = tl.child;
    if (child?.exec && age >= child.atMs) return child.run.stop?.(age - child.atMs);
    if (typeof tl.trap !== 'number') return undefined;
    const end = foregroundEnd(tl, age);
    return end === Infinity ? undefined : { afterMs: end - age, code: tl.trap };
  }

  http(port: number, path: string, age: number): number | undefined {
    for (const c of running(this.tl, age)) {
      const s = c.run.http?.(port, path, age - c.atMs);
      if (s !== undefined) return s;
    }
    return undefined;
  }

  tcp(port: number, age: number): boolean {
    return running(this.tl, age).some((c) => c.run.tcp?.(port, age - c.atMs) ?? false);
  }

  exec(probeArgv: string[], age: number): ExecResult {
    return execProbe(probeArgv, this.toolbox, this.env, filesAt(this.tl, age), (port, path) =>
      this.http(port, path, age),
    );
  }
}

function stripWrappers(b: ImageBehaviour, argv: string[]): string[] {
  let out = argv;
  let stripped = false;
  while (out[0] !== undefined && b.wrappers.includes(out[0])) {
    out = out.slice(1);
    stripped = true;
  }
  if (stripped && out[0]?.startsWith('-') && b.cmd[0] !== undefined) out = [b.cmd[0], ...out];
  return out;
}

function timeline(
  argv: string[],
  toolbox: Toolbox,
  env: Readonly<Record<string, string>>,
): Timeline {
  try {
    return runMain(argv, { toolbox, env, baseExists: systemPath });
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { ...exited(2), messages: [`sh: ${e.message}`] };
    // A script this simulation cannot follow is assumed to keep running. [SH2]
    if (e instanceof UnsupportedShellError)
      return { files: [], spans: [], background: [], messages: [] };
    throw e;
  }
}

function exited(code: number): Timeline {
  return { end: { atMs: 0, code }, files: [], spans: [], background: [], messages: [] };
}

function idle(argv: string[]): ProcessPlan {
  return {
    argv,
    memory: { bytes: 0, rampMs: 0 },
    onStop: () => undefined,
    http: () => undefined,
    tcp: () => false,
    exec: () => ({ code: 126, output: '', durationMs: 0 }),
  };
}

function memoryOf(tl: Timeline): { bytes: number; rampMs: number } {
  const programs = [tl.child, ...tl.background].filter((c) => c !== undefined);
  let bytes = 0;
  let rampMs = 0;
  for (const c of programs) {
    bytes += c.run.memory?.bytes ?? 0;
    rampMs = Math.max(rampMs, c.atMs + (c.run.memory?.rampMs ?? 0));
  }
  // A shell and its small utilities use about a mebibyte.
  return { bytes: Math.max(bytes, 1 * Mi), rampMs };
}

/** Paths every image has, for scripts that test files they never created. */
function systemPath(path: string): boolean {
  return /^\/(etc\/(passwd|group|hosts|hostname|resolv\.conf)|dev\/|proc\/|bin\/|usr\/|tmp\/?$|var\/run\/secrets\/kubernetes\.io\/)/.test(
    path,
  );
}
