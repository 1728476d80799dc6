import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { Rng } from '../../rng/rng';
import { strategyFor } from '.';

// Status and generation handling per resource (each pkg/registry/.../strategy.go).

const deployment = (): KubeObject => ({
  metadata: {
    name: 'web',
    namespace: 'default',
    generation: 1,
    annotations: { a: '1' },
    labels: { app: 'web' },
  },
  spec: { replicas: 1 },
  status: { replicas: 1 },
});

describe('registry strategies', () => {
  it('gives Deployments and ReplicaSets generation 1 and an empty status on create', () => {
    const d = deployment();
    strategyFor('deployments').prepareForCreate(d);
    expect(d.metadata?.generation).toBe(1);
    expect(d.status).toEqual({});
    const rs: KubeObject = { metadata: {}, spec: {}, status: { replicas: 3 } };
    strategyFor('replicasets').prepareForCreate(rs);
    expect(rs).toMatchObject({ metadata: { generation: 1 }, status: { replicas: 0 } });
  });

  it.each<[string, (d: KubeObject) => void, number]>([
    ['a spec change', (d) => ((d.spec as { replicas: number }).replicas = 3), 2],
    ['an annotation change', (d) => (d.metadata!.annotations = { a: '2' }), 2],
    ['a label change', (d) => (d.metadata!.labels = { app: 'other' }), 1],
  ])('bumps a Deployment generation on %s → %d', (_what, mutate, generation) => {
    const old = deployment();
    const next = wireCopy(old);
    mutate(next);
    strategyFor('deployments').prepareForUpdate(next, old);
    expect(next.metadata?.generation).toBe(generation);
  });

  it('keeps status out of main writes and spec out of status writes', () => {
    const s = strategyFor('deployments');
    const old = deployment();
    const main = { ...wireCopy(old), status: { replicas: 9 } };
    s.prepareForUpdate(main, old);
    expect(main.status).toEqual({ replicas: 1 });
    const status = { ...wireCopy(old), spec: { replicas: 9 }, status: { replicas: 2 } };
    status.metadata!.labels = { app: 'changed' };
    status.metadata!.annotations = { 'deployment.kubernetes.io/revision': '1' };
    s.prepareForStatusUpdate(status, old);
    // The controller records the revision annotation through the status subresource.
    expect(status).toMatchObject({
      spec: { replicas: 1 },
      status: { replicas: 2 },
      metadata: {
        labels: { app: 'web' },
        annotations: { 'deployment.kubernetes.io/revision': '1' },
      },
    });
  });

  it('stamps pods Pending with their QoS class, without a generation (v1.31)', () => {
    const pod: KubeObject = {
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
      status: { phase: 'Running' },
    };
    strategyFor('pods').prepareForCreate(pod);
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(pod.metadata?.generation).toBeUndefined();
  });

  it('creates a gated pod with PodScheduled=False, reason SchedulingGated', () => {
    const pod: KubeObject = {
      metadata: { name: 'web' },
      spec: {
        schedulingGates: [{ name: 'example.com/quota' }],
        containers: [{ name: 'web', image: 'nginx' }],
      },
    };
    strategyFor('pods').prepareForCreate(pod);
    expect(pod.status).toEqual({
      phase: 'Pending',
      qosClass: 'BestEffort',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: null,
          reason: 'SchedulingGated',
          message: 'Scheduling is blocked due to non-empty scheduling gates',
        },
      ],
    });
  });

  it('keeps a pod status write from changing spec or owners, and backfills the QoS class', () => {
    const old: KubeObject = {
      metadata: {
        name: 'web',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: '1' }],
      },
      spec: { nodeName: 'node-1' },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    };
    const next: KubeObject = {
      metadata: { name: 'web' },
      spec: { nodeName: 'node-2' },
      status: { phase: 'Running' },
    };
    strategyFor('pods').prepareForStatusUpdate(next, old);
    expect(next).toEqual({ ...old, status: { phase: 'Running', qosClass: 'BestEffort' } });
  });

  it('creates namespaces Active with the kubernetes finalizer, which updates cannot remove', () => {
    const s = strategyFor('namespaces');
    const ns: KubeObject = {
      metadata: { name: 'team-a' },
      spec: { finalizers: ['example.com/x'] },
    };
    s.prepareForCreate(ns);
    expect(ns).toMatchObject({
      spec: { finalizers: ['example.com/x', 'kubernetes'] },
      status: { phase: 'Active' },
    });
    const next = { ...wireCopy(ns), spec: { finalizers: [] } };
    s.prepareForUpdate(next, ns);
    expect(next.spec).toEqual({ finalizers: ['example.com/x', 'kubernetes'] });
  });

  it('refuses to delete the system namespaces', () => {
    const s = strategyFor('namespaces');
    const ctx = { rng: new Rng(1), now: 0, lookup: () => undefined, list: () => [] };
    expect(() => s.admitDelete?.({ metadata: { name: 'kube-system' } }, ctx)).toThrow(
      'namespaces "kube-system" is forbidden: this namespace may not be deleted',
    );
  });

  it('lets a node be created with its status, as kubelets register', () => {
    const node: KubeObject = { metadata: { name: 'node-1' }, status: { capacity: { cpu: '4' } } };
    strategyFor('nodes').prepareForCreate(node);
    expect(node.status).toEqual({ capacity: { cpu: '4' } });
    expect(node.metadata?.generation).toBeUndefined();
  });

  it.each([
    ['nodes', { 'metadata.name': '', 'spec.unschedulable': 'false' }],
    ['namespaces', { 'metadata.name': '', 'status.phase': '' }],
    ['replicasets', { 'metadata.name': '', 'metadata.namespace': '', 'status.replicas': '0' }],
    ['deployments', { 'metadata.name': '', 'metadata.namespace': '' }],
    ['leases', { 'metadata.name': '', 'metadata.namespace': '' }],
  ])('lists the selectable fields of %s', (resource, fields) => {
    expect(strategyFor(resource).selectableFields({ metadata: {} })).toEqual(fields);
  });

  it('lists the selectable fields of events, with source falling back to the reporter', () => {
    const fields = strategyFor('events').selectableFields({
      metadata: {},
      reportingComponent: 'kubelet',
    });
    expect(Object.keys(fields)).toEqual([
      'metadata.name',
      'metadata.namespace',
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ]);
    expect(fields.source).toBe('kubelet');
  });
});
