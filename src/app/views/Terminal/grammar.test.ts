import { describe, expect, it } from 'vitest';
import { GLOBAL_FLAGS } from '../../../engine/kubectl/flags/common';
import type { CommandSpec } from '../../../engine/kubectl/cmd/context';
import { rootCommand } from '../../../engine/kubectl/cmd/root';
import { simHelp } from '../../../engine/sim/commands';
import type { Grammar } from './grammar';
import { GRAMMAR } from './grammar';

// Tab must offer exactly what the engine runs: these tests hold the grammar to kubectl's command
// table and to the sim help text, so a new or removed command fails here first.

function grammarPaths(grammar: Grammar, path: string): string[] {
  const subs = Object.entries(grammar.subcommands ?? {});
  return [path, ...subs.flatMap(([name, g]) => grammarPaths(g, `${path} ${name}`))];
}

function implemented(command: CommandSpec, path: string): [string, CommandSpec][] {
  if (command.unsupported) return [];
  const subs = command.subcommands ?? [];
  return [[path, command], ...subs.flatMap((c) => implemented(c, `${path} ${c.name}`))];
}

const kubectl = GRAMMAR.subcommands?.kubectl as Grammar;
const engineCommands = new Map(implemented(rootCommand, 'kubectl'));

function grammarAt(path: string): Grammar {
  let g: Grammar = GRAMMAR;
  for (const w of path.split(' ')) g = g.subcommands?.[w] as Grammar;
  return g;
}

describe('the kubectl grammar', () => {
  it('offers every command the engine implements, and only those', () => {
    expect(grammarPaths(kubectl, 'kubectl').sort()).toEqual([...engineCommands.keys()].sort());
  });

  it.each([...engineCommands.keys()])(
    '%s: every flag offered is one the command accepts',
    (path) => {
      const accepted = [...(engineCommands.get(path)?.flags ?? []), ...GLOBAL_FLAGS];
      for (const hint of grammarAt(path).flags ?? []) {
        const spec = accepted.find((f) => f.name === hint.long);
        expect(spec, `--${hint.long}`).toBeDefined();
        expect(spec?.shorthand, `--${hint.long}'s shorthand`).toBe(hint.short);
        expect(spec?.type === 'bool', `--${hint.long} takes a value`).toBe(
          hint.value === undefined,
        );
      }
    },
  );
});

describe('the sim grammar', () => {
  it('offers every command sim help lists', () => {
    const usages = simHelp()
      .split('\n')
      .filter((l) => l.startsWith('  sim '))
      .map((l) => /^sim( [a-z-]+)+/.exec(l.trim())?.[0]);
    const sim = GRAMMAR.subcommands?.sim as Grammar;
    const leaves = grammarPaths(sim, 'sim').filter(
      (p) => !grammarAt(p).subcommands || grammarAt(p).args,
    );
    expect(leaves.sort()).toEqual([...new Set(usages)].sort());
  });
});
