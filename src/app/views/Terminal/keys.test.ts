import { describe, expect, it } from 'vitest';
import { parseKeys } from './keys';

const types = (data: string) =>
  parseKeys(data).map((k) => (k.type === 'text' ? `text:${k.text}` : k.type));

describe('parseKeys: what xterm sends, as keys', () => {
  it.each<[string, string[]]>([
    ['k', ['text:k']],
    ['kubectl get pods\r', ['text:kubectl get pods', 'enter']],
    // A multi-line paste runs each line.
    [
      'kubectl get nodes\rkubectl get pods\r',
      ['text:kubectl get nodes', 'enter', 'text:kubectl get pods', 'enter'],
    ],
    ['a\r\nb\n', ['text:a', 'enter', 'text:b', 'enter']],
    ['\x7f', ['backspace']],
    ['\x1b[3~', ['delete']],
    ['\x1b[D\x1b[C', ['left', 'right']],
    ['\x1bOD\x1bOC', ['left', 'right']],
    ['\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~', ['home', 'end', 'home', 'end', 'home', 'end']],
    ['\x1b[A\x1b[B', ['up', 'down']],
    ['\x1b[1;5D\x1b[1;5C\x1bb\x1bf', ['wordLeft', 'wordRight', 'wordLeft', 'wordRight']],
    ['\x01\x05\x15\x0b\x17', ['home', 'end', 'killToStart', 'killToEnd', 'killWordBack']],
    ['\x1b\x7f', ['killWordBack']],
    ['\t', ['tab']],
    ['\x03', ['cancel']],
    ['\x0c', ['clearScreen']],
    // Unknown sequences (F5, bracketed-paste markers) and stray controls are dropped.
    ['\x1b[15~x', ['text:x']],
    ['\x1b[200~kubectl\x1b[201~', ['text:kubectl']],
    ['a\x07b', ['text:ab']],
  ])('%j → %j', (data, expected) => {
    expect(types(data)).toEqual(expected);
  });
});
