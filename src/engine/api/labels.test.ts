import { describe, expect, it } from 'vitest';
import { formatSelector, fromLabelSelector, matches, parseSelector } from './labels';
import { matchesFields, parseFieldSelector } from './fields';

describe('label selectors', () => {
  it('parses every kubectl form', () => {
    const r = parseSelector('app=web,tier!=db,env in (prod, staging),!legacy,track');
    expect(r).toEqual([
      { key: 'app', operator: 'Equals', values: ['web'] },
      { key: 'tier', operator: 'NotEquals', values: ['db'] },
      { key: 'env', operator: 'In', values: ['prod', 'staging'] },
      { key: 'legacy', operator: 'DoesNotExist', values: [] },
      { key: 'track', operator: 'Exists', values: [] },
    ]);
  });

  it('matches labels', () => {
    const r = parseSelector('app=web,tier!=db');
    expect(matches(r, { app: 'web' })).toBe(true);
    expect(matches(r, { app: 'web', tier: 'db' })).toBe(false);
    expect(matches(r, undefined)).toBe(false);
    expect(matches([], undefined)).toBe(true);
  });

  it('compiles structured selectors', () => {
    const r = fromLabelSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }],
    });
    expect(r && matches(r, { app: 'web', tier: 'fe' })).toBe(true);
    expect(fromLabelSelector(undefined)).toBeNull();
    expect(formatSelector(r ?? [])).toBe('app=web,tier notin (db)');
  });

  it('rejects garbage', () => {
    expect(() => parseSelector('a b c')).toThrow(/unable to parse requirement/);
  });
});

describe('field selectors', () => {
  it('parses and matches', () => {
    const r = parseFieldSelector('spec.nodeName=node-1,status.phase!=Running');
    expect(matchesFields(r, { 'spec.nodeName': 'node-1', 'status.phase': 'Pending' })).toBe(true);
    expect(matchesFields(r, { 'spec.nodeName': 'node-1', 'status.phase': 'Running' })).toBe(false);
  });
});
