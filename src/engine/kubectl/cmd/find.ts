import type { FlagSpec } from '../flags/types';
import type { CommandSpec } from './context';

// cobra's command lookup (command.go Find, stripFlags, argsMinusFirstX) and its suggestions for a
// mistyped command (SuggestionsFor: Levenshtein distance ≤ 2, prefixes, SuggestFor words).

/** The command found and the arguments left for it. */
export interface Found {
  command: CommandSpec;
  /** Names from the root, e.g. ["kubectl", "create", "deployment"]. */
  path: string[];
  args: string[];
}

/** Walks subcommands as cobra's Find does. */
export function findCommand(
  root: CommandSpec,
  args: readonly string[],
  globals: readonly FlagSpec[],
): Found {
  let command = root;
  let rest = [...args];
  const path = [root.name];
  for (;;) {
    const words = stripFlags(rest, [...command.flags, ...globals]);
    const next = words[0] === undefined ? undefined : childNamed(command, words[0]);
    if (!next) return { command, path, args: rest };
    const at = rest.indexOf(words[0] as string);
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    command = next;
    path.push(next.name);
  }
}

/** Finds a direct subcommand by name or alias. */
export function childNamed(command: CommandSpec, name: string): CommandSpec | undefined {
  return command.subcommands?.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

/** Returns the non-flag words of args, skipping the values of flags that take one. */
export function stripFlags(args: readonly string[], flags: readonly FlagSpec[]): string[] {
  const takesValue = (f: FlagSpec | undefined): boolean =>
    f === undefined || (f.type !== 'bool' && f.noOptDefVal === undefined);
  const words: string[] = [];
  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift() as string;
    if (s === '--') break;
    const long =
      s.startsWith('--') &&
      !s.includes('=') &&
      takesValue(flags.find((f) => f.name === s.slice(2)));
    const short =
      !long &&
      s.startsWith('-') &&
      !s.includes('=') &&
      s.length === 2 &&
      takesValue(flags.find((f) => f.shorthand === s.slice(1)));
    if (long || short) {
      if (rest.length <= 1) break;
      rest.shift();
    } else if (s !== '' && !s.startsWith('-')) {
      words.push(s);
    }
  }
  return words;
}

/** Returns cobra's "Did you mean this?" block for a mistyped subcommand, or "". */
export function suggestionsFor(command: CommandSpec, typed: string): string {
  const found: string[] = [];
  for (const c of command.subcommands ?? []) {
    if (
      levenshtein(typed.toLowerCase(), c.name.toLowerCase()) <= 2 ||
      c.name.toLowerCase().startsWith(typed.toLowerCase())
    ) {
      found.push(c.name);
    }
    for (const s of c.suggestFor ?? [])
      if (s.toLowerCase() === typed.toLowerCase()) found.push(c.name);
  }
  if (found.length === 0) return '';
  return `\n\nDid you mean this?\n${found.map((f) => `\t${f}\n`).join('')}`;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
