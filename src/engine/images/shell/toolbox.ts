import type { StopResponse } from '../types';

// What a container's filesystem offers the shell: the executables on its PATH and how each
// behaves when run. The interpreter only needs lifetimes, exit codes, signals and what a program
// serves, never real output.

/** How one run of a program behaves. */
export interface ProgramRun {
  /** It ends by itself after afterMs with this code; absent, it runs until stopped. */
  exit?: { afterMs: number; code: number };
  /** What it prints when it fails (the line a probe or a log would show). */
  output?: string;
  /** Its answer to the stop signal at an age; absent, it ignores it like any PID 1. */
  stop?(ageMs: number): StopResponse;
  /** The HTTP status it answers, or undefined when nothing listens on the port. */
  http?(port: number, path: string, ageMs: number): number | undefined;
  /** Whether it accepts TCP connections on a port. */
  tcp?(port: number, ageMs: number): boolean;
  /** Steady memory use and the time to reach it. */
  memory?: { bytes: number; rampMs: number };
  /** Files it creates (exists) or removes over its life, times relative to its start. */
  files?: { atMs: number; path: string; exists: boolean }[];
}

/** A program on the PATH: arguments and environment in, behaviour out. */
export type Program = (args: string[], env: Readonly<Record<string, string>>) => ProgramRun;

/** Which userland an image ships: BusyBox applets or GNU coreutils; their messages differ. */
export type ShellFlavor = 'busybox' | 'gnu';

/** The executables of one image. */
export interface Toolbox {
  flavor: ShellFlavor;
  /** Returns the program a command name or path runs, or undefined when it does not exist. */
  lookup(name: string): Program | undefined;
  /** Reports whether a standard utility (sh, cat, touch, rm, test…) exists in the image. */
  has(name: string): boolean;
}

/** Directories on the default PATH; /bin/sleep and sleep are the same program. */
const PATH_DIRS = ['/bin/', '/usr/bin/', '/sbin/', '/usr/sbin/', '/usr/local/bin/'];

/** Returns the bare name of a command given as a PATH directory path, else the input. */
export function commandName(name: string): string {
  for (const dir of PATH_DIRS) if (name.startsWith(dir)) return name.slice(dir.length);
  return name;
}

/** A program that exits 0 at once: the many tools whose output the simulation ignores. */
export const instant: Program = () => ({ exit: { afterMs: 0, code: 0 } });

/** A program that runs until it is stopped and ignores SIGTERM (tail -f, yes, top). */
export const forever: Program = () => ({});
