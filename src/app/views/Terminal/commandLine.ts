// What the terminal does with a line: kubectl and sim lines go to the engine; help and clear are
// the terminal's own; anything else gets a one-line hint instead of an error dump.

/** What running a line means. */
export type Action =
  | { kind: 'none' }
  | { kind: 'run'; line: string }
  | { kind: 'clear' }
  | { kind: 'print'; text: string };

/** Lists what this terminal runs, for `help`. */
export const HELP_TEXT = [
  'This terminal talks to the simulated cluster:',
  '',
  '  kubectl …      get, describe, apply, create, delete, scale, rollout, drain, cordon,',
  '                 taint, label, set image, … ("kubectl help" lists them all)',
  '  sim …          fault injection: stop a node, partition it, kill a container, … ("sim help")',
  '  clear          clear the screen (or Ctrl+L)',
  '',
  'Tab completes commands, resource types, names and flags; Up/Down recall earlier lines;',
  'Ctrl+A/E/U/K and Alt+Backspace edit the line, Ctrl+C cancels it.',
].join('\n');

/** Says that a word is not something this terminal runs. */
export const NOT_A_COMMAND = (word: string): string =>
  `${word}: not available here; this terminal runs kubectl and sim (type "help")`;

/** Decides what running a line does. */
export function interpret(typed: string): Action {
  // A line copied from docs often keeps its "$ " prompt.
  const line = typed.trim().replace(/^\$\s+/, '');
  const [word] = line.split(/\s+/);
  if (!word) return { kind: 'none' };
  if (word === 'kubectl' || word === 'sim') return { kind: 'run', line };
  if (line === 'clear') return { kind: 'clear' };
  if (word === 'help') return { kind: 'print', text: HELP_TEXT };
  return { kind: 'print', text: NOT_A_COMMAND(word) };
}
