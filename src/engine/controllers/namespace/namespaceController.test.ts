import { describe, expect, it } from 'vitest';
import type { Namespace } from '../../api/types';
import type { Engine } from '../../engine';
import { createGarbageCollector } from '../garbagecollector/garbageCollector';
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
} from '../garbagecollector/fixtures';
import {
  NAMESPACE_CONTENT_REMAINING,
  NAMESPACE_DELETION_CONTENT_FAILURE,
  NAMESPACE_FINALIZERS_REMAINING,
} from './conditions';
import {
  createNamespaceController,
  NAMESPACE_DELETION_GRACE_PERIOD_MS,
} from './namespaceController';

const NS = 'shop';

function withNamespace(): Engine {
  const e = cluster([createGarbageCollector, createNamespaceController]);
  create(e, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  return e;
}

function namespace(e: Engine): Namespace | undefined {
  return get(e, 'namespaces', NS) as Namespace | undefined;
}

/** Returns "Type=Status Reason: message" for the conditions a test cares about. */
function condition(e: Engine, type: string): string | undefined {
  const c = namespace(e)?.status?.conditions?.find((x) => x.type === type);
  return c && `${c.status} ${c.reason}: ${c.message}`;
}

/** Records the namespace's watch events as "TYPE reasons…" lines. */
function watchNamespace(e: Engine): string[] {
  const seen: string[] = [];
  e.client('watcher').watch(
    { verb: 'watch', resource: 'namespaces', resourceVersion: String(e.store.revision()) },
    (ev) => {
      const ns = ev.object as Namespace;
      if (ns.metadata?.name !== NS) return;
      const reasons = (ns.status?.conditions ?? []).map((c) => c.reason).join(', ');
      seen.push(ev.type === 'DELETED' ? ev.type : `${ev.type} ${reasons}`);
    },
  );
  return seen;
}

describe('namespace controller', () => {
  it('[NS2] removes an empty namespace once the grace period has passed', () => {
    const e = withNamespace();
    const marked = remove(e, 'namespaces', NS) as Namespace;
    expect(marked.status?.phase).toBe('Terminating');
    expect(marked.spec?.finalizers).toEqual(['kubernetes']);
    e.runFor(NAMESPACE_DELETION_GRACE_PERIOD_MS - 1_000);
    expect(namespace(e)?.status?.phase).toBe('Terminating');
    e.runFor(5_000);
    expect(namespace(e)).toBeUndefined();
    const verbs = e.trace
      .all()
      .filter((m) => m.from === 'namespace-controller' && m.type === 'request')
      .map((m) => `${m.verb} ${m.resource}`);
    expect(verbs).toContain('PUT namespaces/status');
    expect(verbs.at(-1)).toBe('PUT namespaces/finalize');
    expect(verbs).not.toContain('DELETE namespaces');
  });

  it('[NS1][NS4][NS5] deletes all content, reports what remains, then removes the namespace', () => {
    const e = withNamespace();
    const d = create(e, deployment('web'), NS);
    const rs = create(e, replicaSet('web-1', [ownerRef(d)]), NS);
    create(e, pod('web-1-a', [ownerRef(rs)]), NS);
    // A pod on a node (whose kubelet the test plays) and a ReplicaSet held by a finalizer.
    const running = {
      ...pod('db'),
      spec: { nodeName: 'node-1', containers: [{ name: 'db', image: 'postgres' }] },
    };
    create(e, running, NS);
    create(
      e,
      { ...replicaSet('held'), metadata: { name: 'held', finalizers: ['example.com/hold'] } },
      NS,
    );
    e.runFor(1_000);
    remove(e, 'namespaces', NS);
    const refused = e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      namespace: NS,
      body: pod('late'),
    });
    expect(refused.error?.message).toBe(
      'pods "late" is forbidden: unable to create new content in namespace shop because it is being terminated',
    );

    e.runFor(10_000);
    expect(names(e, 'deployments', NS)).toEqual([]);
    expect(names(e, 'pods', NS)).toEqual(['db']);
    expect(get(e, 'pods', 'db', NS)?.metadata.deletionTimestamp).toBeDefined();
    expect(condition(e, NAMESPACE_CONTENT_REMAINING)).toBe(
      'True SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances, replicasets.apps has 1 resource instances',
    );
    expect(condition(e, NAMESPACE_FINALIZERS_REMAINING)).toBe(
      'True SomeFinalizersRemain: Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    );
    expect(condition(e, NAMESPACE_DELETION_CONTENT_FAILURE)).toBe(
      'False ContentDeleted: All content successfully deleted, may be waiting on finalization',
    );
    expect(namespace(e)?.status?.conditions?.map((c) => c.type)).toEqual([
      'NamespaceDeletionDiscoveryFailure',
      'NamespaceDeletionGroupVersionParsingFailure',
      'NamespaceDeletionContentFailure',
      'NamespaceContentRemaining',
      'NamespaceFinalizersRemaining',
    ]);

    // Past the pod's 30 s grace period nothing explains why it is still there.
    e.runFor(40_000);
    expect(condition(e, NAMESPACE_DELETION_CONTENT_FAILURE)).toBe(
      'True ContentDeletionFailed: Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: shop for gvr: /v1, Resource=pods',
    );

    // The kubelet finishes the pod; the finalizer's owner lets the ReplicaSet go.
    e.request('kubelet/node-1', {
      verb: 'delete',
      resource: 'pods',
      namespace: NS,
      name: 'db',
      gracePeriodSeconds: 0,
    });
    setFinalizers(e, 'replicasets', 'held', null, NS);
    const seen = watchNamespace(e);
    e.runFor(60_000);
    expect(namespace(e)).toBeUndefined();
    // The last pass clears every condition, then finalize lets the apiserver remove the namespace.
    expect(seen.at(-1)).toBe('DELETED');
    expect(seen.at(-2)).toBe(
      'MODIFIED ResourcesDiscovered, ParsedGroupVersions, ContentDeleted, ContentRemoved, ContentHasNoFinalizers',
    );
  });

  it.each(['default', 'kube-system', 'kube-public'])('refuses to delete %s', (name) => {
    const e = cluster([createNamespaceController]);
    const res = e.request('kubectl', { verb: 'delete', resource: 'namespaces', name });
    expect(res.code).toBe(403);
    expect(res.error?.message).toBe(
      `namespaces "${name}" is forbidden: this namespace may not be deleted`,
    );
    e.runFor(60_000);
    expect(get(e, 'namespaces', name)?.status).toEqual({ phase: 'Active' });
  });
});
