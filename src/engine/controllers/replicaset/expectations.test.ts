import { describe, expect, it } from 'vitest';
import { EXPECTATIONS_TIMEOUT_MS } from './constants';
import { Expectations } from './expectations';

describe('Expectations', () => {
  const make = (): { exp: Expectations; clock: { t: number } } => {
    const clock = { t: 0 };
    return { exp: new Expectations(() => clock.t), clock };
  };

  it('[EXP1] is satisfied with no record', () => {
    expect(make().exp.satisfied('default/web')).toBe(true);
  });

  it('[EXP2] holds the sync until every expected create is observed', () => {
    const { exp } = make();
    exp.expectCreations('default/web', 2);
    expect(exp.satisfied('default/web')).toBe(false);
    exp.creationObserved('default/web');
    expect(exp.satisfied('default/web')).toBe(false);
    exp.creationObserved('default/web');
    expect(exp.satisfied('default/web')).toBe(true);
    expect(exp.outstanding()).toEqual({});
  });

  it('[EXP2] counts each expected deletion once, and ignores pods it did not delete', () => {
    const { exp } = make();
    exp.expectDeletions('default/web', ['default/a', 'default/b']);
    exp.deletionObserved('default/web', 'default/a');
    exp.deletionObserved('default/web', 'default/a');
    exp.deletionObserved('default/web', 'default/other');
    expect(exp.outstanding()).toEqual({ 'default/web': { add: 0, del: 1 } });
    exp.deletionObserved('default/web', 'default/b');
    expect(exp.satisfied('default/web')).toBe(true);
  });

  it('[EXP1] expires after five minutes of virtual time', () => {
    const { exp, clock } = make();
    exp.expectCreations('default/web', 1);
    clock.t = EXPECTATIONS_TIMEOUT_MS;
    expect(exp.satisfied('default/web')).toBe(false);
    clock.t = EXPECTATIONS_TIMEOUT_MS + 1;
    expect(exp.satisfied('default/web')).toBe(true);
  });

  it('forgets a deleted ReplicaSet and everything on restart', () => {
    const { exp } = make();
    exp.expectCreations('default/a', 1);
    exp.expectCreations('default/b', 1);
    exp.delete('default/a');
    expect(exp.satisfied('default/a')).toBe(true);
    expect(exp.satisfied('default/b')).toBe(false);
    exp.clear();
    expect(exp.satisfied('default/b')).toBe(true);
  });
});
