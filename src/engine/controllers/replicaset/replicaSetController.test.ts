import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import {
  active,
  batches,
  bind,
  cluster,
  createRS,
  getRS,
  names,
  ok,
  pods,
  recorded,
  replicaSet,
  scale,
  sent,
  setPodStatus,
} from './fixtures';

// The ReplicaSet controller against the real apiserver: pods are bound and made Ready by the
// test, as the scheduler and kubelet would.

const POD_NAME = /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

describe('ReplicaSet controller: scaling up', () => {
  it('creates exactly N pods <rs>-xxxxx owned by the ReplicaSet, in slow-start batches', () => {
    const e = cluster();
    createRS(e, replicaSet('web', 10));
    const rs = getRS(e, 'web');
    const created = pods(e);
    expect(created).toHaveLength(10);
    for (const p of created) {
      expect(p.metadata?.name).toMatch(POD_NAME);
      expect(p.metadata?.generateName).toBe('web-');
      expect(p.metadata?.labels).toEqual({ app: 'web' });
      expect(p.metadata?.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: rs.metadata?.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    expect(batches(e)).toEqual([1, 2, 4, 3]);
    const events = recorded(e, 'SuccessfulCreate');
    expect(events.map((ev) => ev.message).sort()).toEqual(
      names(created).map((n) => `Created pod: ${n}`),
    );
    expect(events.every((ev) => ev.type === 'Normal')).toBe(true);
    expect(events.every((ev) => ev.source?.component === 'replicaset-controller')).toBe(true);
    expect(events.every((ev) => ev.involvedObject.kind === 'ReplicaSet')).toBe(true);
    expect(rs.status).toEqual({ replicas: 10, fullyLabeledReplicas: 10, observedGeneration: 1 });
    // Nothing more happens once the ReplicaSet is satisfied.
    e.runFor(60_000);
    expect(pods(e)).toHaveLength(10);
  });

  it('creates at most 500 pods per sync (burstReplicas)', () => {
    const e = cluster();
    createRS(e, replicaSet('web', 600));
    expect(pods(e)).toHaveLength(600);
    expect(batches(e)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 245, 1, 2, 4, 8, 16, 32, 37]);
  });

  it('replaces a deleted pod, and a terminating one at once', () => {
    const e = cluster();
    createRS(e, replicaSet('web', 2));
    const [first, second] = names(pods(e)) as [string, string];
    // Unscheduled: the apiserver removes it immediately.
    ok(e, { verb: 'delete', resource: 'pods', name: first });
    e.runUntilIdle();
    expect(active(e)).toHaveLength(2);
    expect(names(active(e))).not.toContain(first);
    // Scheduled: it only gets a deletionTimestamp (grace 30 s), and is replaced without waiting.
    bind(e, second, 'node-1');
    ok(e, { verb: 'delete', resource: 'pods', name: second });
    e.runUntilIdle();
    expect(active(e)).toHaveLength(2);
    expect(pods(e)).toHaveLength(3);
    expect(getRS(e, 'web').status?.replicas).toBe(2);
  });

  it('does not count Succeeded or Failed pods', () => {
    const e = cluster();
    createRS(e, replicaSet('web', 2));
    const failed = names(pods(e))[0] as string;
    setPodStatus(e, failed, { ready: false, phase: 'Failed' });
    e.runUntilIdle();
    expect(pods(e)).toHaveLength(3);
    expect(getRS(e, 'web').status?.replicas).toBe(2);
  });
});

describe('ReplicaSet controller: scaling down', () => {
  it('deletes unscheduled, then Pending, then not-Ready pods, keeping the Ready one', () => {
    const e = cluster();
    createRS(e, replicaSet('web', 4));
    const [unscheduled, pending, notReady, ready] = names(pods(e)) as [
      string,
      string,
      string,
      string,
    ];
    for (const p of [pending, notReady, ready]) bind(e, p, 'node-1');
    setPodStatus(e, notReady, { ready: false });
    setPodStatus(e, ready, { ready: true });
    e.runUntilIdle();
    const deleted = (): string[] => sent(e, 'DELETE', 'pods').map((m) => m.name ?? '');
    scale(e, 'web', 3);
    expect(deleted()).toEqual([unscheduled]);
    scale(e, 'web', 2);
    expect(deleted()).toEqual([unscheduled, pending]);
    scale(e, 'web', 1);
    expect(deleted()).toEqual([unscheduled, pending, notReady]);
    expect(names(active(e))).toEqual([ready]);
    expect(recorded(e, 'SuccessfulDelete').map((ev) => ev.message)).toEqual(
      [unscheduled, pending, notReady].map((n) => `Deleted pod: ${n}`),
    );
    expect(getRS(e, 'web').status).toMatchObject({ replicas: 1, readyReplicas: 1 });
  });

  it('deletes all surplus pods of one sync in parallel', () => {
    const e = cluster();
    createRS(e, replicaSet('web', 5));
    scale(e, 'web', 1);
    const deletes = sent(e, 'DELETE', 'pods');
    expect(deletes).toHaveLength(4);
    expect(new Set(deletes.map((m) => m.t)).size).toBe(1);
    expect(pods(e)).toHaveLength(1);
  });
});

describe('ReplicaSet controller: co-located siblings', () => {
  const DEPLOYMENT = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'web',
    uid: '11111111-1111-4111-8111-111111111111',
    controller: true,
    blockOwnerDeletion: true,
  };
  const withHash = (hash: string, owned: boolean): ReturnType<typeof replicaSet> => {
    const rs = replicaSet(`web-${hash}`, 2, {
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': hash } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      },
    });
    if (owned) (rs.metadata ??= {}).ownerReferences = [DEPLOYMENT];
    return rs;
  };
  const owners = (e: Engine, rs: string): string[] =>
    names(pods(e).filter((p) => p.metadata?.ownerReferences?.[0]?.name === rs));

  // Two ReplicaSets of one Deployment: web-a has a pod alone on node-1 (Ready for less time)
  // and one on node-2 beside both of web-b's pods. Siblings count only under a common owner.
  it.each([
    ['with a common owner, the pod on the crowded node', true, 'crowded'],
    ['without one, the pod Ready for less time', false, 'alone'],
  ])('%s goes first', (_name, owned, victim) => {
    const e = cluster();
    createRS(e, withHash('a', owned));
    createRS(e, withHash('b', owned));
    const [alone, crowded] = owners(e, 'web-a') as [string, string];
    bind(e, alone, 'node-1');
    for (const p of [crowded, ...owners(e, 'web-b')]) bind(e, p, 'node-2');
    for (const p of [crowded, ...owners(e, 'web-b')]) setPodStatus(e, p, { ready: true });
    e.runFor(900_000);
    setPodStatus(e, alone, { ready: true });
    e.runFor(100_000);
    scale(e, 'web-a', 1);
    const deleted = sent(e, 'DELETE', 'pods').map((m) => m.name);
    expect(deleted).toEqual([victim === 'crowded' ? crowded : alone]);
  });
});
