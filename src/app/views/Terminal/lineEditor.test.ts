import { describe, expect, it } from 'vitest';
import type { EditKey, Line } from './lineEditor';
import { edit, insert, lineOf, replaceBeforeCursor } from './lineEditor';

// Lines are written with | at the cursor.
const at = (s: string): Line => ({ text: s.replace('|', ''), cursor: s.indexOf('|') });
const show = (l: Line): string => `${l.text.slice(0, l.cursor)}|${l.text.slice(l.cursor)}`;

describe('edit: readline keys', () => {
  it.each<[string, EditKey, string]>([
    ['kubectl get po|', 'backspace', 'kubectl get p|'],
    ['|kubectl', 'backspace', '|kubectl'],
    ['kube|ctl', 'delete', 'kube|tl'],
    ['kubectl|', 'delete', 'kubectl|'],
    ['kube|ctl', 'left', 'kub|ectl'],
    ['|kubectl', 'left', '|kubectl'],
    ['kube|ctl', 'right', 'kubec|tl'],
    ['kubectl|', 'right', 'kubectl|'],
    ['kubectl get| pods', 'home', '|kubectl get pods'],
    ['kubectl| get pods', 'end', 'kubectl get pods|'],
    ['kubectl get pods|', 'wordLeft', 'kubectl get |pods'],
    ['kubectl get |pods', 'wordLeft', 'kubectl |get pods'],
    ['kubectl| get pods', 'wordRight', 'kubectl get| pods'],
    ['kubectl get| pods', 'killToStart', '| pods'],
    ['kubectl get| pods', 'killToEnd', 'kubectl get|'],
    ['kubectl get pods|', 'killWordBack', 'kubectl get |'],
    ['kubectl get pods  |', 'killWordBack', 'kubectl get |'],
    ['kubectl get| pods', 'killWordBack', 'kubectl | pods'],
    ['|kubectl', 'killWordBack', '|kubectl'],
  ])('%j + %s → %j', (before, key, after) => {
    expect(show(edit(at(before), key))).toBe(after);
  });
});

describe('insert and replace', () => {
  it.each<[string, string, string]>([
    ['kubectl |', 'get', 'kubectl get|'],
    ['kubectl | pods', 'get', 'kubectl get| pods'],
    ['|', 'kubectl get nodes', 'kubectl get nodes|'],
  ])('%j + insert %j → %j', (before, text, after) => {
    expect(show(insert(at(before), text))).toBe(after);
  });

  it('replaces the word before the cursor, keeping the rest', () => {
    expect(show(replaceBeforeCursor(at('kubectl g| pods'), 8, 'get'))).toBe('kubectl get| pods');
  });

  it('puts a recalled line’s cursor at its end', () => {
    expect(show(lineOf('kubectl get pods'))).toBe('kubectl get pods|');
  });
});
