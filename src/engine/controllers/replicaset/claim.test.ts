import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import type { Engine } from '../../engine';
import { cluster, createRS, getRS, names, ok, pods, replicaSet, sent } from './fixtures';

// [CLAIM1][CLAIM2][CLAIM3] through the real apiserver.

describe('ReplicaSet controller: ownership', () => {
  const orphan = (e: Engine, name: string, labels: Record<string, string>, meta = {}): void => {
    ok(e, { verb: 'create', resource: 'pods', body: podBody(name, labels, meta) });
  };
  const podBody = (name: string, labels: Record<string, string>, meta = {}): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels, ...meta },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
  });

  it('adopts a matching orphan and never touches a pod another controller owns', () => {
    const e = cluster();
    orphan(e, 'stray', { app: 'web' });
    const foreign = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'other',
      uid: '00000000-0000-4000-8000-000000000000',
      controller: true,
    };
    orphan(e, 'taken', { app: 'web' }, { ownerReferences: [foreign] });
    createRS(e, replicaSet('web', 2));
    const rs = getRS(e, 'web');
    const byName = new Map(pods(e).map((p) => [p.metadata?.name, p]));
    expect(byName.get('stray')?.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web',
        uid: rs.metadata?.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(byName.get('taken')?.metadata?.ownerReferences).toEqual([foreign]);
    // One adoption, one create: the orphan counts towards the two replicas.
    expect(pods(e)).toHaveLength(3);
    expect(sent(e, 'POST', 'pods')).toHaveLength(1);
    // CanAdopt re-reads the ReplicaSet from the apiserver before the first adoption.
    expect(sent(e, 'GET', 'replicasets').map((m) => m.name)).toEqual(['web']);
    expect(sent(e, 'PATCH', 'pods').map((m) => m.name)).toEqual(['stray']);
    expect(rs.status?.replicas).toBe(2);
  });

  it('releases a pod whose labels stop matching, and replaces it', () => {
    const e = cluster();
    createRS(e, replicaSet('web', 2));
    const leaving = names(pods(e))[0] as string;
    ok(e, {
      verb: 'patch',
      resource: 'pods',
      name: leaving,
      patchType: 'merge',
      body: { metadata: { labels: { app: 'debug' } } },
    });
    e.runUntilIdle();
    const released = pods(e).find((p) => p.metadata?.name === leaving);
    expect(released?.metadata?.ownerReferences ?? []).toEqual([]);
    expect(pods(e)).toHaveLength(3);
    expect(getRS(e, 'web').status?.replicas).toBe(2);
  });

  it('does not adopt orphans from another namespace', () => {
    const e = cluster();
    ok(e, {
      verb: 'create',
      resource: 'pods',
      namespace: 'kube-public',
      body: podBody('elsewhere', { app: 'web' }),
    });
    createRS(e, replicaSet('web', 1));
    expect(pods(e)).toHaveLength(1);
    expect(sent(e, 'PATCH', 'pods')).toHaveLength(0);
  });
});
