import type { Engine } from '../engine';

// What every sim command shares: its shape, its result, and argument parsing that answers bad
// input with one line naming the usage.

/** One sim command. */
export interface SimCommand {
  usage: string;
  help: string;
  /** Runs the command; line is the whole command as typed, for the trace. */
  run(engine: Engine, args: string[], line: string): SimResult;
}

/** What a sim command prints, and whether it failed. */
export interface SimResult {
  text: string;
  ok: boolean;
}

/** Returns a successful result. */
export const ok = (text: string): SimResult => ({ text, ok: true });

/** Returns a failed result, printed as kubectl prints errors. */
export const fail = (text: string): SimResult => ({ text: `error: ${text}`, ok: false });

/** Returns a failed result for bad arguments, naming the command's usage. */
export const misuse = (usage: string, text: string): SimResult => fail(`${text} (usage: ${usage})`);

/** Positional words and the namespace of `-n NS` / `--namespace[=]NS`, or what was wrong. */
export type ParsedArgs = { positional: string[]; namespace: string } | { error: string };

/** Splits arguments into positional words and a namespace flag; other flags are refused. */
export function parseArgs(args: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  let namespace = 'default';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-n' || a === '--namespace') {
      const value = args[++i];
      if (!value) return { error: `flag needs an argument: ${a}` };
      namespace = value;
    } else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
    else if (a.startsWith('-')) return { error: `unknown flag: ${a}` };
    else positional.push(a);
  }
  return { positional, namespace };
}

/** Returns the trace name of a node's kubelet, or the error if the node has none. */
export function kubeletOf(engine: Engine, node: string): string | SimResult {
  const name = `kubelet/${node}`;
  return engine.component(name) ? name : fail(`node "${node}" not found`);
}

/** Reports whether a component's machine is anywhere but its stopped state. */
export function isRunning(engine: Engine, name: string): boolean {
  return engine.component(name)?.snapshot().state !== 'stopped';
}
