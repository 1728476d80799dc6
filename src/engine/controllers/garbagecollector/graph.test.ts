import { describe, expect, it } from 'vitest';
import type { OwnerReference } from '../../api/types';
import { AbsentOwnerCache } from './absentOwnerCache';
import type { ObjectIdentity } from './graph';
import {
  addDependent,
  alternateOwnerIdentity,
  blockingDependents,
  newNode,
  partitionDependents,
  referencesDiffs,
} from './graph';

const ref = (uid: string, name = 'web', extra: Partial<OwnerReference> = {}): OwnerReference => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name,
  uid,
  ...extra,
});

const id = (uid: string, name = 'web', namespace = 'default'): ObjectIdentity => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name,
  uid,
  namespace,
});

const dependent = (name: string, owners: OwnerReference[], namespace = 'default') =>
  newNode({ apiVersion: 'v1', kind: 'Pod', name, uid: `pod-${name}`, namespace }, owners);

describe('referencesDiffs', () => {
  it.each([
    { name: 'no change', before: [ref('a')], after: [ref('a')], diff: [[], [], 0] },
    { name: 'added', before: [], after: [ref('a')], diff: [['a'], [], 0] },
    { name: 'removed', before: [ref('a'), ref('b')], after: [ref('b')], diff: [[], ['a'], 0] },
    {
      name: 'unblocked',
      before: [ref('a', 'web', { blockOwnerDeletion: true })],
      after: [ref('a', 'web', { blockOwnerDeletion: false })],
      diff: [[], [], 1],
    },
  ])('$name', ({ before, after, diff }) => {
    const { added, removed, changed } = referencesDiffs(before, after);
    expect([added.map((r) => r.uid), removed.map((r) => r.uid), changed.length]).toEqual(diff);
  });
});

describe('partitionDependents', () => {
  it.each([
    { name: 'same coordinates', owners: [ref('u')], ns: 'default', match: 1, mismatch: 0 },
    {
      name: 'same uid, other name',
      owners: [ref('u', 'api')],
      ns: 'default',
      match: 0,
      mismatch: 1,
    },
    { name: 'other namespace', owners: [ref('u')], ns: 'other', match: 0, mismatch: 1 },
    {
      name: 'both names',
      owners: [ref('u'), ref('u', 'api')],
      ns: 'default',
      match: 1,
      mismatch: 1,
    },
  ])('$name', ({ owners, ns, match, mismatch }) => {
    const { matching, nonmatching } = partitionDependents([dependent('p', owners, ns)], id('u'));
    expect([matching.length, nonmatching.length]).toEqual([match, mismatch]);
  });

  it('finds the other name a dependent uses for an owner proved absent', () => {
    const deps = [dependent('p', [ref('u')]), dependent('q', [ref('u', 'api')])];
    expect(alternateOwnerIdentity(deps, id('u'))?.name).toBe('api');
    expect(alternateOwnerIdentity([deps[0]!], id('u'))).toBeUndefined();
  });
});

describe('blockingDependents', () => {
  it('counts only references to this owner with blockOwnerDeletion=true', () => {
    const owner = newNode(id('u'), []);
    const blocking = dependent('a', [ref('u', 'web', { blockOwnerDeletion: true })]);
    const loose = dependent('b', [ref('u', 'web', { blockOwnerDeletion: false })]);
    const other = dependent('c', [ref('v', 'web', { blockOwnerDeletion: true })]);
    for (const d of [blocking, loose, other]) addDependent(owner, d);
    expect(blockingDependents(owner)).toEqual([blocking]);
  });
});

describe('AbsentOwnerCache', () => {
  it('remembers by uid and evicts the least recently used', () => {
    const cache = new AbsentOwnerCache(2);
    cache.add(id('a'));
    cache.add(id('b'));
    expect(cache.has(id('a'))).toBe(true);
    cache.add(id('c'));
    expect([cache.has(id('a')), cache.has(id('b')), cache.has(id('c'))]).toEqual([
      true,
      false,
      true,
    ]);
    expect(cache.has(id('x', 'web'))).toBe(false);
  });
});
