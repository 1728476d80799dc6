import { describe, expect, it } from 'vitest';
import {
  addTab,
  closeTab,
  editActive,
  renameTab,
  tabAfterKey,
  tabKeys,
  uniqueName,
  type Tabs,
} from './tabs';

const tabs = (names: string[], active = 0): Tabs => ({
  files: names.map((name) => ({ name, text: `# ${name}` })),
  active,
});
const names = (t: Tabs) => t.files.map((f) => f.name);

describe('uniqueName', () => {
  it.each([
    [[], 'a.yaml', 'a.yaml'],
    [['a.yaml'], 'a.yaml', 'a-2.yaml'],
    [['a.yaml', 'a-2.yaml'], 'a.yaml', 'a-3.yaml'],
    [['notes'], 'notes', 'notes-2'],
    [['.env'], '.env', '.env-2'],
  ])('in %j, %s becomes %s', (taken, wanted, expected) => {
    expect(uniqueName(taken, wanted)).toBe(expected);
  });
});

describe('addTab', () => {
  it('[TAB1] adds an empty untitled.yaml and activates it', () => {
    const next = addTab(tabs(['web.yaml']));
    expect(next.files[1]).toEqual({ name: 'untitled.yaml', text: '' });
    expect(next.active).toBe(1);
  });
  it('[TAB1] numbers further untitled files', () => {
    expect(names(addTab(addTab(tabs(['web.yaml']))))).toEqual([
      'web.yaml',
      'untitled.yaml',
      'untitled-2.yaml',
    ]);
  });
});

describe('closeTab', () => {
  it.each([
    // [names, active, close, expected names, expected active]
    [['a', 'b', 'c'], 1, 1, ['a', 'c'], 1],
    [['a', 'b', 'c'], 2, 2, ['a', 'b'], 1],
    [['a', 'b', 'c'], 2, 0, ['b', 'c'], 1],
    [['a', 'b', 'c'], 0, 2, ['a', 'b'], 0],
  ])('[TAB2] %j active %i, closing %i', (before, active, index, after, nextActive) => {
    const next = closeTab(tabs(before, active), index);
    expect(names(next)).toEqual(after);
    expect(next.active).toBe(nextActive);
  });
  it('[TAB2] keeps the last tab', () => {
    const one = tabs(['a']);
    expect(closeTab(one, 0)).toBe(one);
  });
  it('ignores an index out of range', () => {
    const two = tabs(['a', 'b']);
    expect(closeTab(two, 5)).toBe(two);
  });
});

describe('renameTab', () => {
  it('[TAB3] trims the new name and keeps the text', () => {
    const next = renameTab(tabs(['a.yaml']), 0, '  pod.yaml ');
    expect(next.files[0]).toEqual({ name: 'pod.yaml', text: '# a.yaml' });
  });
  it('[TAB3] an empty name keeps the old one', () => {
    const before = tabs(['a.yaml']);
    expect(renameTab(before, 0, '   ')).toBe(before);
  });
  it('[TAB3] a taken name gets a suffix', () => {
    expect(names(renameTab(tabs(['a.yaml', 'b.yaml']), 1, 'a.yaml'))).toEqual([
      'a.yaml',
      'a-2.yaml',
    ]);
  });
});

describe('editActive', () => {
  it('replaces only the active file', () => {
    const next = editActive(tabs(['a', 'b'], 1), 'kind: Pod');
    expect(next.files.map((f) => f.text)).toEqual(['# a', 'kind: Pod']);
  });
  it('returns the same tabs when nothing changed', () => {
    const before = tabs(['a']);
    expect(editActive(before, '# a')).toBe(before);
  });
});

describe('tabAfterKey', () => {
  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 2, 0],
    ['ArrowLeft', 0, 2],
    ['Home', 2, 0],
    ['End', 0, 2],
    ['a', 0, undefined],
  ])('%s from %i of 3 goes to %s', (key, from, to) => {
    expect(tabAfterKey(key, from, 3)).toBe(to);
  });
});

describe('tabKeys', () => {
  it('keys tabs by name, and by name and place when names repeat', () => {
    expect(tabKeys(tabs(['a', 'b', 'a']).files)).toEqual(['a#0', 'b', 'a#2']);
  });
});
