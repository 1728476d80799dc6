// Splits what xterm reports as typed (onData) into editing keys. A paste arrives as one chunk, so a
// chunk may hold several lines; each Enter in it becomes its own key and runs its own line.

/** One key the line editor understands, or a run of printable text. */
export type Key =
  | { type: 'text'; text: string }
  | {
      type:
        | 'enter'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'home'
        | 'end'
        | 'up'
        | 'down'
        | 'tab'
        | 'wordLeft'
        | 'wordRight'
        | 'killToStart'
        | 'killToEnd'
        | 'killWordBack'
        | 'cancel'
        | 'clearScreen';
    };

type NamedKey = Exclude<Key, { type: 'text' }>['type'];

// The sequences xterm sends for each key (normal and application cursor modes, readline's
// control characters).
const SEQUENCES: ReadonlyArray<readonly [string, NamedKey]> = [
  ['\x1b[3~', 'delete'],
  ['\x1b[1~', 'home'],
  ['\x1b[4~', 'end'],
  ['\x1b[7~', 'home'],
  ['\x1b[8~', 'end'],
  ['\x1b[1;5D', 'wordLeft'],
  ['\x1b[1;5C', 'wordRight'],
  ['\x1b[1;3D', 'wordLeft'],
  ['\x1b[1;3C', 'wordRight'],
  // Alt+Backspace: browsers keep Ctrl+W for closing the tab.
  ['\x1b\x7f', 'killWordBack'],
  ['\x1bb', 'wordLeft'],
  ['\x1bf', 'wordRight'],
  ['\x1b[A', 'up'],
  ['\x1b[B', 'down'],
  ['\x1b[C', 'right'],
  ['\x1b[D', 'left'],
  ['\x1b[H', 'home'],
  ['\x1b[F', 'end'],
  ['\x1bOA', 'up'],
  ['\x1bOB', 'down'],
  ['\x1bOC', 'right'],
  ['\x1bOD', 'left'],
  ['\x1bOH', 'home'],
  ['\x1bOF', 'end'],
];

const CONTROLS: Readonly<Record<string, NamedKey>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x04': 'delete',
  '\x15': 'killToStart',
  '\x0b': 'killToEnd',
  '\x17': 'killWordBack',
  '\x03': 'cancel',
  '\x0c': 'clearScreen',
};

/** Splits one onData chunk into keys; unknown escape sequences and control characters are dropped. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') keys.push({ type: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length;) {
    const ch = data[i] as string;
    if (ch === '\x1b') {
      flush();
      const seq = SEQUENCES.find(([s]) => data.startsWith(s, i));
      if (seq) keys.push({ type: seq[1] });
      i += seq ? seq[0].length : unknownEscapeLength(data, i);
      continue;
    }
    const control = CONTROLS[ch];
    if (control) {
      flush();
      // A pasted Windows line ending is one Enter, not two.
      if (!(ch === '\n' && data[i - 1] === '\r')) keys.push({ type: control });
    } else if (ch >= ' ') text += ch;
    i++;
  }
  flush();
  return keys;
}

// Skips an escape sequence this editor does not use: ESC [ params final-byte, or ESC + one char.
function unknownEscapeLength(data: string, i: number): number {
  if (data[i + 1] !== '[' && data[i + 1] !== 'O') return Math.min(2, data.length - i);
  let j = i + 2;
  while (j < data.length && !/[@-~]/.test(data[j] as string)) j++;
  return j + 1 - i;
}
