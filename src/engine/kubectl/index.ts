import type { Task } from '../client/task';
import { Flags } from './flags/access';
import { GLOBAL_FLAGS } from './flags/common';
import { FlagError, parseFlags } from './flags/parse';
import type { ParsedFlags } from './flags/types';
import { KubectlError, flagError, formatError, formatErrors } from './errors';
import type { CommandContext, CommandSpec } from './cmd/context';
import { Output } from './cmd/context';
import { findCommand, stripFlags, suggestionsFor } from './cmd/find';
import { commandHelp, rootHelp } from './cmd/help';
import { rootCommand } from './cmd/root';
import { TokenizeError, tokenize } from './shell/tokenize';

// kubectl's command layer: a command line is split like a shell would, the command found as cobra
// finds it, its flags parsed as pflag parses them, and the command run as a task on the
// "kubectl" client, so every request it makes is a traced hop. Errors print as kubectl prints
// them and never escape as exceptions.

/** What kubectl may use besides the cluster. */
export interface KubectlIO {
  now(): number; // virtual ms
  readFile(path: string): string | undefined; // for -f; undefined when missing
  stdin?: string; // for -f -
}

/** One chunk of output, on the stream kubectl wrote it to. */
export interface KubectlOutput {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Everything a command printed, in order, and its exit code. */
export interface KubectlResult {
  output: KubectlOutput[];
  exitCode: number;
}

/** Runs one kubectl command line ("kubectl get pods -o wide") as a task on the kubectl client. */
export function kubectl(line: string, io: KubectlIO): Task<KubectlResult> {
  return runLine(line, io);
}

function* runLine(line: string, io: KubectlIO): Task<KubectlResult> {
  const out = new Output();
  const errors: unknown[] = [];
  try {
    const words = tokenize(line);
    if (words[0] === 'kubectl') words.shift();
    yield* dispatch(words, io, out, errors);
  } catch (e) {
    errors.push(e instanceof TokenizeError ? new KubectlError(e.message) : e);
  }
  if (errors.length === 0) return { output: out.result(), exitCode: 0 };
  try {
    out.err(formatErrors(errors));
  } catch (e) {
    out.err(formatError(e));
  }
  return { output: out.result(), exitCode: 1 };
}

function* dispatch(words: string[], io: KubectlIO, out: Output, errors: unknown[]): Task<void> {
  const found = findCommand(rootCommand, words, GLOBAL_FLAGS);
  const path = found.path.join(' ');
  if (found.command === rootCommand) {
    const stray = stripFlags(found.args, GLOBAL_FLAGS)[0];
    if (stray !== undefined) {
      throw new KubectlError(
        `unknown command ${JSON.stringify(stray)} for "kubectl"${suggestionsFor(rootCommand, stray)}`,
      );
    }
  }
  const parsed = parse(found.command, found.args, path);
  if (parsed.help || found.command === rootCommand) {
    out.out(
      found.command === rootCommand ? rootHelp(rootCommand) : commandHelp(found.command, path),
    );
    return;
  }
  const flags = new Flags(parsed);
  const ctx: CommandContext = {
    io,
    path,
    flags,
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    namespace: flags.str('namespace') || 'default',
    explicitNamespace: flags.str('namespace') !== '',
    out,
    errors,
  };
  const run = found.command.run?.(ctx);
  if (run) yield* run;
}

function parse(command: CommandSpec, args: string[], path: string): ParsedFlags {
  if (command.unsupported) {
    return { values: new Map(), changed: new Set(), args, argsLenAtDash: -1, help: false };
  }
  try {
    return parseFlags([...command.flags, ...GLOBAL_FLAGS], args);
  } catch (e) {
    if (e instanceof FlagError) throw flagError(path, e.message);
    throw e;
  }
}
