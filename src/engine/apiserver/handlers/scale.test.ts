import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { Engine } from '../../engine';
import type { ApiRequest } from '../types';

// The scale subresource: a Scale view of spec.replicas, written through the object.

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web', tier: 'fe' } },
    template: {
      metadata: { labels: { app: 'web', tier: 'fe' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    },
  },
};

function cluster(): Engine {
  const e = new Engine({ nodes: [] });
  e.request('t', {
    verb: 'create',
    resource: 'deployments',
    namespace: 'default',
    body: deployment,
  });
  return e;
}

const scale = (verb: ApiRequest['verb'], extra: Partial<ApiRequest> = {}): ApiRequest => ({
  verb,
  resource: 'deployments',
  subresource: 'scale',
  namespace: 'default',
  name: 'web',
  ...extra,
});

describe('scale subresource', () => {
  it('reads spec.replicas, status.replicas and the selector as an autoscaling/v1 Scale', () => {
    const e = cluster();
    const res = e.request('t', scale('get'));
    const body = res.body as KubeObject & Record<string, unknown>;
    expect(body.apiVersion).toBe('autoscaling/v1');
    expect(body.kind).toBe('Scale');
    expect(body.metadata?.name).toBe('web');
    expect(body.spec).toEqual({ replicas: 1 });
    expect(body.status).toEqual({ replicas: 0, selector: 'app=web,tier=fe' });
  });

  it('writes replicas through the Deployment, bumping its generation', () => {
    const e = cluster();
    const res = e.request(
      't',
      scale('patch', { body: { spec: { replicas: 4 } }, patchType: 'merge' }),
    );
    expect((res.body as { spec: unknown }).spec).toEqual({ replicas: 4 });
    const d = e.request('t', {
      verb: 'get',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
    }).body as KubeObject & { spec: { replicas: number } };
    expect([d.spec.replicas, d.metadata?.generation]).toEqual([4, 2]);
  });

  it('treats a stale resourceVersion in a PUT as a conflict', () => {
    const e = cluster();
    const read = e.request('t', scale('get')).body as KubeObject;
    e.request('t', scale('patch', { body: { spec: { replicas: 2 } }, patchType: 'merge' }));
    const res = e.request('t', scale('update', { body: { ...read, spec: { replicas: 3 } } }));
    expect(res.error?.reason).toBe('Conflict');
  });

  it('is not found on resources without it, and for missing objects', () => {
    const e = cluster();
    expect(e.request('t', scale('get', { resource: 'pods' })).error?.message).toBe(
      'the server could not find the requested resource',
    );
    expect(e.request('t', scale('get', { name: 'nope' })).error?.message).toBe(
      'deployments.apps "nope" not found',
    );
  });
});
