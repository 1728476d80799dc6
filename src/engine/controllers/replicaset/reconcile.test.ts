import { describe, expect, it } from 'vitest';
import { REPLICASET_CONTROLLER } from './replicaSetController';
import { updateReplicaSetStatus } from './status';
import {
  batches,
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

// Status and failure handling of a whole sync, through the real apiserver.

describe('ReplicaSet controller: status', () => {
  it('counts ready at once and available after minReadySeconds of virtual time', () => {
    const e = cluster();
    createRS(e, replicaSet('web', 2, { minReadySeconds: 10 }));
    for (const p of names(pods(e))) setPodStatus(e, p, { ready: true });
    e.runUntilIdle();
    expect(getRS(e, 'web').status).toEqual({
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      observedGeneration: 1,
    });
    e.runFor(9_000);
    expect(getRS(e, 'web').status?.availableReplicas).toBeUndefined();
    e.runFor(3_000);
    expect(getRS(e, 'web').status?.availableReplicas).toBe(2);
  });

  it('retries a conflicting status write once after a fresh GET', () => {
    const e = cluster();
    createRS(e, replicaSet('web', 1));
    const stale = getRS(e, 'web');
    scale(e, 'web', 2);
    const before = e.trace.size();
    // Drive one status write from a stale copy, as a sync racing a spec change would.
    const written = e.run(REPLICASET_CONTROLLER, updateReplicaSetStatus(stale, { replicas: 7 }));
    expect(written.status?.replicas).toBe(7);
    const hops = e.trace
      .all()
      .slice(before)
      .filter((m) => m.type === 'response' && m.to === REPLICASET_CONTROLLER);
    expect(hops.map((m) => `${m.verb} ${m.code}`)).toEqual(['PUT 409', 'GET 200', 'PUT 200']);
  });
});

describe('ReplicaSet controller: failures', () => {
  it('reports FailedCreate and ReplicaFailure, stops after the failing batch, then recovers', () => {
    const e = cluster();
    const containers = [{ name: 'nginx', image: 'nginx:1.25' }];
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers } };
    // Priority admission refuses pods naming a PriorityClass that does not exist.
    createRS(
      e,
      replicaSet('web', 3, {
        template: { ...template, spec: { containers, priorityClassName: 'gold' } },
      }),
    );
    // Each sync's first batch (one create) fails and the rest are skipped; the key is retried
    // with the work queue's backoff (5 ms, 10 ms, …), and the repeated event is aggregated.
    expect(batches(e).every((n) => n === 1)).toBe(true);
    const failed = recorded(e, 'FailedCreate');
    expect(failed).toHaveLength(1);
    expect(sent(e, 'PATCH', 'events')).toHaveLength(sent(e, 'POST', 'pods').length - 1);
    const error = (failed[0]?.message ?? '').replace(/^Error creating: /, '');
    expect(error).toContain('no PriorityClass with name gold was found');
    expect(failed[0]?.type).toBe('Warning');
    const cond = getRS(e, 'web').status?.conditions;
    expect(cond).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: error,
        lastTransitionTime: expect.any(String),
      },
    ]);
    e.runFor(1_000);
    expect(batches(e).every((n) => n === 1)).toBe(true);
    expect(batches(e).length).toBeGreaterThan(5);
    expect(pods(e)).toHaveLength(0);
    // The template is fixed: pods are created and the condition goes.
    ok(e, {
      verb: 'patch',
      resource: 'replicasets',
      name: 'web',
      patchType: 'merge',
      body: { spec: { template: { spec: { priorityClassName: null } } } },
    });
    e.runFor(120_000);
    expect(pods(e)).toHaveLength(3);
    expect(getRS(e, 'web').status?.conditions).toBeUndefined();
  });

  it('creates nothing and reports nothing while the namespace terminates', () => {
    const e = cluster();
    ok(e, {
      verb: 'create',
      resource: 'namespaces',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    });
    ok(e, {
      verb: 'create',
      resource: 'replicasets',
      namespace: 'shop',
      body: replicaSet('web', 1),
    });
    e.runUntilIdle();
    ok(e, { verb: 'delete', resource: 'namespaces', name: 'shop' });
    ok(e, {
      verb: 'patch',
      resource: 'replicasets',
      namespace: 'shop',
      name: 'web',
      patchType: 'merge',
      body: { spec: { replicas: 3 } },
    });
    e.runUntilIdle();
    const responses = e.trace
      .all()
      .filter((m) => m.to === REPLICASET_CONTROLLER && m.type === 'response' && m.code === 403);
    expect(responses.length).toBeGreaterThan(0);
    expect(recorded(e, 'FailedCreate')).toHaveLength(0);
    const rs = ok(e, { verb: 'get', resource: 'replicasets', namespace: 'shop', name: 'web' });
    expect((rs as { status?: { conditions?: unknown } }).status?.conditions).toBeUndefined();
  });
});
