import { describe, expect, it } from 'vitest';
import type { StoredObject } from '../../api/object';
import type { Event } from '../../api/types';
import type { WatchEvent } from '../../apiserver/types';
import type { Engine } from '../../engine';
import {
  cluster,
  create,
  deployment,
  get,
  names,
  ownerRef,
  pod,
  remove,
  replicaSet,
  setFinalizers,
} from './fixtures';
import { GARBAGE_COLLECTOR, OWNER_REF_INVALID_NAMESPACE } from './garbageCollector';

// Long enough for rate-limited retries (virtual time: nothing waits on the wall clock).
const SETTLE_MS = 60_000;

/** Builds Deployment web → ReplicaSet web-1 → pods web-1-a, web-1-b, as the controllers would. */
function workload(e: Engine, podFinalizers?: string[]): Record<string, StoredObject> {
  const d = create(e, deployment('web'));
  const rs = create(e, replicaSet('web-1', [ownerRef(d)]));
  const a = create(e, pod('web-1-a', [ownerRef(rs)], podFinalizers));
  const b = create(e, pod('web-1-b', [ownerRef(rs)]));
  e.runFor(SETTLE_MS);
  return { d, rs, a, b };
}

function gcRequests(e: Engine, verb: string): string[] {
  return e.trace
    .all()
    .filter((m) => m.from === GARBAGE_COLLECTOR && m.type === 'request' && m.verb === verb)
    .map((m) => `${m.resource}/${m.name}`);
}

describe('garbage collector', () => {
  it('[GC6] background: deleting a Deployment removes its ReplicaSet, then its pods', () => {
    const e = cluster();
    workload(e);
    expect(gcRequests(e, 'DELETE')).toEqual([]);
    remove(e, 'deployments', 'web');
    e.runFor(SETTLE_MS);
    expect(names(e, 'deployments')).toEqual([]);
    expect(names(e, 'replicasets')).toEqual([]);
    expect(names(e, 'pods')).toEqual([]);
    expect(gcRequests(e, 'DELETE')).toEqual(['replicasets/web-1', 'pods/web-1-a', 'pods/web-1-b']);
  });

  it('[GC7] foreground: the owner stays with deletionTimestamp until blocking dependents go', () => {
    const e = cluster();
    workload(e, ['example.com/hold']);
    const marked = remove(e, 'deployments', 'web', 'Foreground');
    expect(marked.metadata.finalizers).toEqual(['foregroundDeletion']);
    e.runFor(SETTLE_MS);
    // The held pod blocks its ReplicaSet, which (deleted in the foreground) blocks the Deployment.
    const d = get(e, 'deployments', 'web');
    expect(d?.metadata.deletionTimestamp).toBeDefined();
    expect(get(e, 'replicasets', 'web-1')?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(names(e, 'pods')).toEqual(['web-1-a']);
    expect(get(e, 'pods', 'web-1-a')?.metadata.deletionTimestamp).toBeDefined();

    const deleted: string[] = [];
    for (const resource of ['deployments', 'replicasets', 'pods'])
      e.client('watcher').watch(
        { verb: 'watch', resource, resourceVersion: String(e.store.revision()) },
        (ev: WatchEvent) => {
          if (ev.type === 'DELETED') deleted.push(`${resource}/${ev.object.metadata?.name}`);
        },
      );
    setFinalizers(e, 'pods', 'web-1-a', null);
    e.runFor(SETTLE_MS);
    expect(deleted).toEqual(['pods/web-1-a', 'replicasets/web-1', 'deployments/web']);
  });

  it('foreground: a dependent without blockOwnerDeletion does not hold its owner', () => {
    const e = cluster();
    const rs = create(e, replicaSet('web-1'));
    create(e, pod('web-1-a', [ownerRef(rs, { blockOwnerDeletion: false })], ['example.com/hold']));
    e.runFor(SETTLE_MS);
    remove(e, 'replicasets', 'web-1', 'Foreground');
    e.runFor(SETTLE_MS);
    expect(names(e, 'replicasets')).toEqual([]);
    expect(get(e, 'pods', 'web-1-a')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('orphan: the owner goes and its dependents stay, without the ownerReference', () => {
    const e = cluster();
    const d = create(e, deployment('web'));
    const rs = create(e, replicaSet('web-1', [ownerRef(d)]));
    create(e, pod('web-1-a', [ownerRef(rs), ownerRef(d, { controller: false })]));
    e.runFor(SETTLE_MS);
    const marked = remove(e, 'replicasets', 'web-1', 'Orphan');
    expect(marked.metadata.finalizers).toEqual(['orphan']);
    e.runFor(SETTLE_MS);
    expect(names(e, 'replicasets')).toEqual([]);
    expect(get(e, 'pods', 'web-1-a')?.metadata.ownerReferences).toEqual([
      ownerRef(d, { controller: false }),
    ]);
    expect(gcRequests(e, 'PATCH')).toEqual(['pods/web-1-a', 'replicasets/web-1']);
  });

  it('[GC1] owners are matched by uid: a same-named object with another uid is no owner', () => {
    const e = cluster();
    const rs = create(e, replicaSet('web-1'));
    const stale = ownerRef(rs, { uid: '00000000-0000-0000-0000-000000000000' });
    create(e, pod('web-1-a', [stale]));
    e.runFor(SETTLE_MS);
    expect(names(e, 'pods')).toEqual([]);
    expect(names(e, 'replicasets')).toEqual(['web-1']);
  });

  it('[GC1] a dependent created after its owner is gone is collected', () => {
    const e = cluster();
    const rs = create(e, replicaSet('web-1'));
    remove(e, 'replicasets', 'web-1');
    e.runFor(SETTLE_MS);
    create(e, pod('web-1-a', [ownerRef(rs)]));
    e.runFor(SETTLE_MS);
    expect(names(e, 'pods')).toEqual([]);
  });

  it('[GC5] a dependent with a live owner loses only its dangling reference', () => {
    const e = cluster();
    const live = create(e, replicaSet('live'));
    const gone = create(e, replicaSet('gone'));
    create(
      e,
      pod('shared', [ownerRef(live, { controller: false }), ownerRef(gone, { controller: false })]),
    );
    e.runFor(SETTLE_MS);
    remove(e, 'replicasets', 'gone');
    e.runFor(SETTLE_MS);
    expect(get(e, 'pods', 'shared')?.metadata.ownerReferences).toEqual([
      ownerRef(live, { controller: false }),
    ]);
  });

  it('collects namespaced dependents of a cluster-scoped owner (a node and its lease)', () => {
    const e = cluster();
    const node = create(e, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'node-1', ownerReferences: [ownerRef(node, { controller: false })] },
      spec: { holderIdentity: 'node-1' },
    };
    create(e, lease, 'kube-node-lease');
    e.runFor(SETTLE_MS);
    expect(names(e, 'leases', 'kube-node-lease')).toEqual(['node-1']);
    remove(e, 'nodes', 'node-1');
    e.runFor(SETTLE_MS);
    expect(names(e, 'leases', 'kube-node-lease')).toEqual([]);
  });

  it('warns OwnerRefInvalidNamespace and collects a dependent naming an owner in another namespace', () => {
    const e = cluster();
    create(e, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    const rs = create(e, replicaSet('web-1'));
    e.runFor(SETTLE_MS);
    const p = create(e, pod('web-1-a', [ownerRef(rs)]), 'other');
    e.runFor(SETTLE_MS);
    expect(names(e, 'pods', 'other')).toEqual([]);
    const events = e.request('kubectl', { verb: 'list', resource: 'events', namespace: 'other' });
    const [ev] = (events.body as { items: Event[] }).items;
    expect(ev?.reason).toBe(OWNER_REF_INVALID_NAMESPACE);
    expect(ev?.type).toBe('Warning');
    expect(ev?.involvedObject.uid).toBe(p.metadata.uid);
    expect(ev?.message).toBe(
      `ownerRef [apps/v1/ReplicaSet, namespace: other, name: web-1, uid: ${rs.metadata.uid}] does not exist in namespace "other"`,
    );
  });

  it('rebuilds its graph after a restart and collects what lost its owner meanwhile', () => {
    const e = cluster();
    workload(e);
    const gc = e.component(GARBAGE_COLLECTOR);
    gc?.stop();
    remove(e, 'replicasets', 'web-1');
    e.runFor(SETTLE_MS);
    expect(names(e, 'pods')).toEqual(['web-1-a', 'web-1-b']);
    gc?.start();
    e.runFor(SETTLE_MS);
    expect(names(e, 'pods')).toEqual([]);
    expect(names(e, 'deployments')).toEqual(['web']);
  });
});
