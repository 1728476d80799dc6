import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../api/labels';
import { makeNodeInfo, makePod } from '../fixtures';

const web: Requirement[] = [{ key: 'app', operator: 'In', values: ['web'] }];
const db: Requirement[] = [{ key: 'app', operator: 'In', values: ['db'] }];
const pod = (name: string, app: string, o: { namespace?: string; deleting?: boolean } = {}) =>
  makePod({ name, labels: { app }, ...o });

describe('NodeInfo.countMatching', () => {
  it('counts selected pods of the namespace that are not being deleted', () => {
    const ni = makeNodeInfo('n', {}, [
      pod('a', 'web'),
      pod('b', 'web', { namespace: 'other' }),
      pod('c', 'web', { deleting: true }),
      pod('d', 'db'),
    ]);
    expect(ni.countMatching(web, 'default/web', 'default')).toBe(1);
    expect(ni.countMatching(web, 'other/web', 'other')).toBe(1);
    expect(ni.countMatching(db, 'default/db', 'default')).toBe(1);
  });

  it('remembers counts by key only until a pod comes or goes', () => {
    const ni = makeNodeInfo('n', {}, [pod('a', 'web')]);
    expect(ni.countMatching(web, 'web', 'default')).toBe(1);
    expect(ni.countMatching(db, 'db', 'default')).toBe(0);
    ni.addPod(pod('b', 'web'));
    expect(ni.countMatching(web, 'web', 'default')).toBe(2);
    expect(ni.countMatching(db, 'db', 'default')).toBe(0);
    ni.removePod('uid-a');
    expect(ni.countMatching(web, 'web', 'default')).toBe(1);
    // A third key pushes out the least recent one, which is then counted afresh.
    expect(ni.countMatching(web, 'other', 'other')).toBe(0);
    expect(ni.countMatching(db, 'db', 'default')).toBe(0);
    expect(ni.countMatching(web, 'web', 'default')).toBe(1);
  });
});
