import type { Task } from '../../client/task';
import type { Flags } from '../flags/access';
import type { FlagSpec } from '../flags/types';
import type { KubectlIO, KubectlOutput } from '../index';

// What every command receives, and the shape of a command in the table — cobra's Command reduced
// to what the simulator needs.

/** Collects what a command prints, in order, on both streams. */
export class Output {
  private readonly chunks: KubectlOutput[] = [];

  /** Writes to stdout. */
  out(text: string): void {
    this.write('stdout', text);
  }

  /** Writes to stderr. */
  err(text: string): void {
    this.write('stderr', text);
  }

  /** Returns everything written, consecutive writes to one stream joined. */
  result(): KubectlOutput[] {
    return this.chunks.map((c) => ({ ...c }));
  }

  private write(stream: KubectlOutput['stream'], text: string): void {
    if (text === '') return;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.chunks.push({ stream, text });
  }
}

/** Everything a running command can use. */
export interface CommandContext {
  io: KubectlIO;
  /** The command path, "kubectl create deployment", for usage errors. */
  path: string;
  flags: Flags;
  args: string[];
  /** Positional arguments before `--`, or -1 (cobra's ArgsLenAtDash). */
  argsLenAtDash: number;
  /** The namespace from -n, else "default". */
  namespace: string;
  /** -n was given (the kubeconfig loader's "enforce namespace"). */
  explicitNamespace: boolean;
  out: Output;
  /** Errors collected while the command carried on (ContinueOnError); printed at the end. */
  errors: unknown[];
}

/** One kubectl command. */
export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  /** Words that suggest this command when mistyped (cobra's SuggestFor). */
  suggestFor?: readonly string[];
  /** The usage line after "kubectl ". */
  use: string;
  short: string;
  flags: readonly FlagSpec[];
  subcommands?: readonly CommandSpec[];
  /** Runs the command (a task when it talks to the apiserver); absent for a pure group. */
  run?: (ctx: CommandContext) => Task<void> | void;
  /** A real kubectl command the simulator does not implement yet. */
  unsupported?: boolean;
}
