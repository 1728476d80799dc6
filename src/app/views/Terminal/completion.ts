import { allResources } from '../../../engine/api/resources';
import type { Args, FlagHint, FlagValues, Grammar } from './grammar';
import { GRAMMAR } from './grammar';
import type { Line } from './lineEditor';
import { replaceBeforeCursor } from './lineEditor';

// Tab completion as bash does it: the word before the cursor is matched against what may stand
// there; one match completes, several complete their common prefix, and a second Tab lists them.

/** Object names by resource plural ("pods" → ["web-1"]), fetched fresh for each Tab. */
export type Names = Readonly<Record<string, readonly string[]>>;

/** The word being completed (it starts at start) and what it may become. */
export interface Completion {
  start: number;
  word: string;
  candidates: string[];
}

/** Finds what the word before the cursor may become. */
export function complete(before: string, names: Names, grammar: Grammar = GRAMMAR): Completion {
  const word = /\S*$/.exec(before)?.[0] ?? '';
  const start = before.length - word.length;
  const words = before.slice(0, start).split(/\s+/).filter(Boolean);
  const candidates = [...new Set(candidatesAt(walk(grammar, words), word, names))]
    .filter((c) => c.startsWith(word))
    .sort();
  return { start, word, candidates };
}

/** Applies a completion to the line; on a second Tab with nothing to add it returns the list. */
export function applyCompletion(
  line: Line,
  completion: Completion,
  secondTab: boolean,
): { line: Line; list?: string[] } {
  const { start, word, candidates } = completion;
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) {
    const open = only.endsWith('=') || only.endsWith('/') || line.text[line.cursor] === ' ';
    return { line: replaceBeforeCursor(line, start, open ? only : `${only} `) };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length) return { line: replaceBeforeCursor(line, start, prefix) };
  return secondTab && candidates.length > 1 ? { line, list: candidates } : { line };
}

/** Lays candidates out in columns, down then across, as bash lists them. */
export function formatColumns(items: readonly string[], width: number): string {
  const column = Math.max(...items.map((i) => i.length)) + 2;
  const perRow = Math.max(1, Math.floor((width + 2) / column));
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = r; c < items.length; c += rows) cells.push((items[c] as string).padEnd(column));
    lines.push(cells.join('').trimEnd());
  }
  return lines.join('\n');
}

/** Where the words before the current one leave us in the grammar. */
interface Position {
  command: Grammar;
  positional: string[];
  /** The flag whose value the current word is (after "-o " or "--namespace "). */
  valueOf?: FlagHint;
}

function walk(grammar: Grammar, words: readonly string[]): Position {
  let command = grammar;
  const positional: string[] = [];
  let valueOf: FlagHint | undefined;
  for (const w of words) {
    if (valueOf) valueOf = undefined;
    else if (w.startsWith('-')) {
      const flag = flagNamed(command, w);
      if (flag?.value && !w.includes('=')) valueOf = flag;
    } else if (positional.length === 0 && command.subcommands?.[w])
      command = command.subcommands[w];
    else positional.push(w);
  }
  return { command, positional, valueOf };
}

function candidatesAt(at: Position, word: string, names: Names): string[] {
  const { command, positional, valueOf } = at;
  if (valueOf) return valuesOf(valueOf.value, names);
  if (word.startsWith('-')) {
    const eq = word.indexOf('=');
    if (eq < 0) return (command.flags ?? []).flatMap(flagForms);
    const flag = flagNamed(command, word.slice(0, eq));
    return valuesOf(flag?.value, names).map((v) => `${word.slice(0, eq + 1)}${v}`);
  }
  const subcommands = positional.length === 0 ? Object.keys(command.subcommands ?? {}) : [];
  return [...subcommands, ...argsAt(command.args, positional, word, names)];
}

function argsAt(args: Args | undefined, positional: string[], word: string, names: Names) {
  if (!args) return [];
  if (args.kind === 'words') return positional.length === 0 ? [...args.words] : [];
  if (args.kind === 'names') return [...(names[args.of] ?? [])];
  const slash = word.indexOf('/');
  if (slash >= 0) {
    // TYPE/NAME: complete the name after the slash, keeping the type as typed.
    const type = word.slice(0, slash);
    const plural = resourcePlural(type, args.types);
    return plural ? (names[plural] ?? []).map((n) => `${type}/${n}`) : [];
  }
  if (positional.length === 0) return typeWords(word, args.types);
  const plural = resourcePlural(positional[0] as string, args.types);
  return plural ? [...(names[plural] ?? [])] : [];
}

// Each resource is offered once: by its plural when the word leads there ("no" → "nodes"),
// otherwise by the short name or singular the word matches ("rs" stays "rs").
function typeWords(word: string, types: readonly string[] | undefined): string[] {
  return allowedResources(types).flatMap((r) => {
    if (r.resource.startsWith(word)) return [r.resource];
    const form = [r.singular, ...r.shortNames].find((f) => f.startsWith(word));
    return form ? [form] : [];
  });
}

function resourcePlural(typed: string, types: readonly string[] | undefined): string | undefined {
  const lower = typed.toLowerCase().split('.')[0] ?? '';
  return allowedResources(types).find(
    (r) => r.resource === lower || r.singular === lower || r.shortNames.includes(lower),
  )?.resource;
}

function allowedResources(types: readonly string[] | undefined) {
  return allResources().filter((r) => !types || types.includes(r.resource));
}

function flagNamed(command: Grammar, typed: string): FlagHint | undefined {
  const name = typed.split('=')[0] ?? '';
  return command.flags?.find((f) => name === `--${f.long}` || (f.short && name === `-${f.short}`));
}

function flagForms(f: FlagHint): string[] {
  const long = f.value ? `--${f.long}=` : `--${f.long}`;
  return f.short ? [`-${f.short}`, long] : [long];
}

function valuesOf(values: FlagValues | undefined, names: Names): string[] {
  if (values === undefined || values === 'free') return [];
  if ('names' in values) return [...(names[values.names] ?? [])];
  return [...values];
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0] as string;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
