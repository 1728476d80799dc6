import type { Engine } from '../engine';
import type { SimCommand, SimResult } from './command';
import { fail, ok } from './command';
import { componentCommands } from './component';
import { containerCommands } from './container';
import { nodeCommands } from './node';
import { podCommands } from './pod';
import { watchCommands } from './watch';

// The `sim` commands: what an instructor does to the simulated world from outside the cluster
// (power off a node, cut a cable, kill a process, slow a watch). They act on components directly,
// like pulling a plug, and print one line saying what happened.

const commands: Record<string, SimCommand> = {
  ...nodeCommands,
  ...componentCommands,
  ...containerCommands,
  ...podCommands,
  ...watchCommands,
};

/** Returns the help text listing every sim command. */
export function simHelp(): string {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}   ${c.help}`);
  return [
    'Fault injection for the simulated cluster:',
    '',
    ...lines,
    `  ${'sim help'.padEnd(width)}   Show this list.`,
  ].join('\n');
}

/** Runs one sim command line ("sim node stop node-1"). */
export function runSim(engine: Engine, line: string): SimResult {
  const words = line.trim().split(/\s+/).slice(1);
  if (words.length === 0 || words[0] === 'help') return ok(simHelp());
  // Two-word commands ("node stop") first, then one-word ones ("partition NODE").
  const pair = `${words[0]} ${words[1] ?? ''}`;
  const cmd = commands[pair] ?? commands[words[0] as string];
  if (!cmd) return fail(`unknown command "${words.join(' ')}"; run "sim help" for the list`);
  return cmd.run(engine, words.slice(commands[pair] ? 2 : 1), line.trim());
}
