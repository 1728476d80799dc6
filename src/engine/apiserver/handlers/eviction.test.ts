import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { Engine } from '../../engine';
import type { ApiResponse } from '../types';
import { EVICTION_API_MESSAGE, EVICTION_BY_EVICTION_API } from './eviction';

// The eviction subresource through the real Engine (kubectl → apiserver → etcd and back).

function podIn(e: Engine, name: string, phase: string | undefined, nodeName?: string): Pod {
  const created = e.request('t', {
    verb: 'create',
    resource: 'pods',
    namespace: 'default',
    body: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { nodeName, containers: [{ name: 'web', image: 'nginx' }] },
    },
  }).body as Pod;
  if (!phase) return created;
  return e.request('t', {
    verb: 'update',
    resource: 'pods',
    subresource: 'status',
    namespace: 'default',
    name,
    body: { ...created, status: { phase } },
  }).body as Pod;
}

function evict(e: Engine, name: string, extra: Record<string, unknown> = {}): ApiResponse {
  return e.request('kubectl', {
    verb: 'create',
    resource: 'pods',
    subresource: 'eviction',
    namespace: 'default',
    name,
    body: {
      apiVersion: 'policy/v1',
      kind: 'Eviction',
      metadata: { name, namespace: 'default' },
      deleteOptions: {},
      ...extra,
    },
  });
}

function get(e: Engine, name: string): ApiResponse {
  return e.request('t', { verb: 'get', resource: 'pods', namespace: 'default', name });
}

const SUCCESS = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };

describe('pods/eviction', () => {
  it('[EVICT1][EVICT2] marks a running pod DisruptionTarget and deletes it gracefully', () => {
    const e = new Engine({ nodes: [] });
    podIn(e, 'web', 'Running', 'node-1');
    const res = evict(e, 'web');
    expect(res).toMatchObject({ code: 201, body: SUCCESS });
    const pod = get(e, 'web').body as Pod;
    expect(pod.metadata?.deletionGracePeriodSeconds).toBe(30);
    expect(pod.status?.conditions).toContainEqual({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: expect.any(String),
      reason: EVICTION_BY_EVICTION_API,
      message: EVICTION_API_MESSAGE,
    });
  });

  it('[EVICT1] honours the grace period of deleteOptions', () => {
    const e = new Engine({ nodes: [] });
    podIn(e, 'web', 'Running', 'node-1');
    evict(e, 'web', { deleteOptions: { gracePeriodSeconds: 5 } });
    expect((get(e, 'web').body as Pod).metadata?.deletionGracePeriodSeconds).toBe(5);
    evict(e, 'web', { deleteOptions: { gracePeriodSeconds: 0 } });
    expect(get(e, 'web').code).toBe(404);
  });

  it.each([
    ['an unscheduled pod', undefined, undefined],
    ['a succeeded pod', 'Succeeded', 'node-1'],
    ['a failed pod', 'Failed', 'node-1'],
  ])('[EVICT1] removes %s at once', (_what, phase, node) => {
    const e = new Engine({ nodes: [] });
    podIn(e, 'web', phase, node);
    expect(evict(e, 'web').code).toBe(201);
    expect(get(e, 'web').code).toBe(404);
  });

  it('[EVICT3] answers 404 for a missing pod', () => {
    const res = evict(new Engine({ nodes: [] }), 'nope');
    expect(res.code).toBe(404);
    expect(res.error?.message).toBe('pods "nope" not found');
  });

  it('[EVICT4] writes nothing on a dry run', () => {
    const e = new Engine({ nodes: [] });
    const before = podIn(e, 'web', 'Running', 'node-1');
    expect(evict(e, 'web', { deleteOptions: { dryRun: ['All'] } })).toMatchObject({ code: 201 });
    expect(get(e, 'web').body).toEqual(before);
  });

  it("[EVICT5] refuses at once against the client's own stale resourceVersion", () => {
    const e = new Engine({ nodes: [] });
    podIn(e, 'web', 'Running', 'node-1');
    const res = evict(e, 'web', { deleteOptions: { preconditions: { resourceVersion: '1' } } });
    expect(res.code).toBe(409);
    expect(res.error?.message).toMatch(
      /^Operation cannot be fulfilled on Pod "web": the ResourceVersion in the precondition \(1\) does not match the ResourceVersion in record \(\d+\)\. The object might have been modified$/,
    );
  });

  it('[EVICT5] retries a conflicting Pending pod every 500 ms, 20 times, then gives up', () => {
    const e = new Engine({ nodes: [] });
    podIn(e, 'web', 'Pending', 'node-1');
    const start = e.loop.now();
    const res = evict(e, 'web', { deleteOptions: { preconditions: { uid: 'other' } } });
    expect(res.code).toBe(409);
    expect(res.error?.message).toContain('the UID in the precondition (other) does not match');
    const waited = e.loop.now() - start;
    expect(waited).toBeGreaterThanOrEqual(19 * 500);
    expect(waited).toBeLessThan(19 * 550 + 1000);
  });

  it('[EVICT6] refuses evictions in a terminating namespace, naming the cause', () => {
    const e = new Engine({ nodes: [] });
    e.request('t', {
      verb: 'create',
      resource: 'namespaces',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } },
    });
    e.request('t', {
      verb: 'create',
      resource: 'pods',
      namespace: 'team',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web' },
        spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'nginx' }] },
      },
    });
    e.request('t', { verb: 'delete', resource: 'namespaces', name: 'team' });
    const res = e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      subresource: 'eviction',
      namespace: 'team',
      name: 'web',
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web' } },
    });
    expect(res.code).toBe(403);
    expect(res.error?.message).toBe(
      'pods "web" is forbidden: unable to create new content in namespace team because it is being terminated',
    );
    expect(res.error?.details?.causes?.[0]?.reason).toBe('NamespaceTerminating');
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a name that is not the URL',
      { metadata: { name: 'other' } },
      'name in URL does not match name in Eviction object',
    ],
    [
      'another namespace',
      { metadata: { name: 'web', namespace: 'kube-system' } },
      'the namespace of the provided object does not match the namespace sent on the request',
    ],
  ])('refuses %s with 400', (_what, extra, message) => {
    const e = new Engine({ nodes: [] });
    podIn(e, 'web', 'Running', 'node-1');
    const res = evict(e, 'web', extra);
    expect(res.code).toBe(400);
    expect(res.error?.message).toBe(message);
  });
});
