import { describe, expect, it } from 'vitest';
import { CommandHistory, browseDown, browseUp, startBrowse } from './history';

describe('CommandHistory', () => {
  it.each<[string[], string[]]>([
    [
      ['kubectl get pods', 'kubectl get nodes'],
      ['kubectl get pods', 'kubectl get nodes'],
    ],
    [['kubectl get pods', 'kubectl get pods'], ['kubectl get pods']],
    [
      ['a', 'b', 'a'],
      ['a', 'b', 'a'],
    ],
    [['', '   ', 'sim help'], ['sim help']],
  ])('adding %j keeps %j', (lines, kept) => {
    const history = new CommandHistory();
    for (const l of lines) history.add(l);
    expect(history.entries()).toEqual(kept);
  });

  it('keeps the newest 500 lines', () => {
    const history = new CommandHistory();
    for (let i = 0; i < 600; i++) history.add(`line ${i}`);
    expect(history.entries()).toHaveLength(500);
    expect(history.entries()[0]).toBe('line 100');
  });

  it('restores saved entries', () => {
    const history = new CommandHistory(['a']);
    history.replace(['b', 'c']);
    expect(history.entries()).toEqual(['b', 'c']);
  });
});

describe('Up/Down browsing', () => {
  const entries = ['first', 'second', 'third'];

  it('walks back, stops at the oldest, and comes forward to the draft', () => {
    const shown: string[] = [];
    let browse = startBrowse(entries);
    const keys = ['up', 'up', 'up', 'up', 'down', 'down', 'down', 'down'] as const;
    for (const key of keys) {
      const step =
        key === 'up' ? browseUp(entries, browse, 'kubectl ge') : browseDown(entries, browse);
      if (!step) {
        shown.push('(stays)');
        continue;
      }
      browse = step.browse;
      shown.push(step.text);
    }
    expect(shown).toEqual([
      'third',
      'second',
      'first',
      '(stays)',
      'second',
      'third',
      'kubectl ge',
      '(stays)',
    ]);
  });

  it('does nothing with no history', () => {
    expect(browseUp([], startBrowse([]), 'x')).toBeUndefined();
    expect(browseDown([], startBrowse([]))).toBeUndefined();
  });
});
