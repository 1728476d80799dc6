import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { Pod } from '../../api/types';
import { Engine } from '../../engine';

// The registry through the real Engine: requests go kubectl → apiserver → etcd and back.

const podBody = (name: string, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec },
});

function create(e: Engine, resource: string, body: KubeObject, namespace = 'default') {
  return e.request('kubectl', { verb: 'create', resource, namespace, body });
}

describe('registry through the Engine', () => {
  it('stores a new pod with defaults, the token volume, tolerations and priority', () => {
    const e = new Engine({ nodes: [] });
    const res = create(e, 'pods', podBody('web'));
    expect(res.code).toBe(201);
    const pod = res.body as Pod;
    const volume = pod.spec?.volumes?.[0]?.name ?? '';
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      securityContext: {},
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    });
    expect(pod.spec?.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      volumeMounts: [
        {
          name: volume,
          readOnly: true,
          mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        },
      ],
    });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('refuses an invalid pod with the real message', () => {
    const e = new Engine({ nodes: [] });
    const res = create(e, 'pods', {
      metadata: { name: 'x' },
      spec: { containers: [{ name: 'web' }] },
    });
    expect(res.code).toBe(422);
    expect(res.error?.message).toBe('Pod "x" is invalid: spec.containers[0].image: Required value');
  });

  it('refuses a Deployment whose selector does not match its template', () => {
    const e = new Engine({ nodes: [] });
    const res = create(e, 'deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'other' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
        },
      },
    });
    expect(res.code).toBe(422);
    // The apiserver qualifies the kind ("Deployment.apps"); errors.ts decides that prefix.
    expect(res.error?.message).toMatch(
      /^Deployment(\.apps)? "web" is invalid: spec\.template\.metadata\.labels: Invalid value: map\[string\]string\{"app":"other"\}: `selector` does not match template `labels`$/,
    );
  });

  it('answers 404 for a pod in a missing namespace, before validating it', () => {
    const e = new Engine({ nodes: [] });
    const res = create(e, 'pods', { metadata: { name: 'x' }, spec: { containers: [] } }, 'nope');
    expect(res.code).toBe(404);
    expect(res.error?.message).toBe('namespaces "nope" not found');
  });

  it('refuses pod spec changes but accepts a new image', () => {
    const e = new Engine({ nodes: [] });
    const stored = create(e, 'pods', podBody('web')).body as Pod;
    const put = (mutate: (p: Pod) => void) => {
      const body = structuredClone(stored);
      delete body.metadata!.resourceVersion; // an unconditional update, as pods allow
      mutate(body);
      return e.request('kubectl', {
        verb: 'update',
        resource: 'pods',
        namespace: 'default',
        name: 'web',
        body,
      });
    };
    expect(put((p) => (p.spec!.containers[0]!.image = 'nginx:1.27')).code).toBe(200);
    const res = put((p) => (p.spec!.dnsPolicy = 'Default'));
    expect(res.code).toBe(422);
    expect(res.error?.message).toMatch(
      /^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`/,
    );
  });

  it('taints new nodes not-ready:NoSchedule', () => {
    const e = new Engine({ nodes: [] });
    const res = create(e, 'nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-9' },
    });
    expect((res.body as KubeObject).spec).toEqual({
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    });
  });

  it('filters pods by spec.nodeName and rejects unknown field selectors', () => {
    const e = new Engine({ nodes: [] });
    create(e, 'pods', podBody('a'));
    create(e, 'pods', podBody('b', { nodeName: 'node-1' }));
    const list = (fieldSelector: string) =>
      e.request('kubectl', { verb: 'list', resource: 'pods', namespace: 'default', fieldSelector });
    const names = (fieldSelector: string) =>
      (list(fieldSelector).body as { items: KubeObject[] }).items.map((p) => p.metadata?.name);
    expect(names('spec.nodeName=node-1')).toEqual(['b']);
    expect(names('spec.nodeName=')).toEqual(['a']);
    expect(names('status.phase=Pending,spec.schedulerName=default-scheduler')).toEqual(['a', 'b']);
    expect(list('spec.image=nginx').code).toBe(400);
  });

  it('deletes an unscheduled pod at once and a scheduled one gracefully', () => {
    const e = new Engine({ nodes: [] });
    create(e, 'pods', podBody('a'));
    create(e, 'pods', podBody('b', { nodeName: 'node-1' }));
    const del = (name: string) =>
      e.request('kubectl', { verb: 'delete', resource: 'pods', namespace: 'default', name });
    expect(del('a').code).toBe(200);
    const b = del('b');
    expect(b.code).toBe(202);
    expect((b.body as KubeObject).metadata).toMatchObject({
      deletionTimestamp: '2025-01-01T00:00:30Z',
      deletionGracePeriodSeconds: 30,
    });
  });
  it('shares the stored spec with a status patch and keeps the patch to status [DEF1]', () => {
    const e = new Engine({ nodes: [] });
    const limits = { cpu: '100m', memory: '64Mi' };
    const spec = {
      containers: [{ name: 'web', image: 'nginx', resources: { limits } }],
      serviceAccount: 'default',
    };
    const stored = create(e, 'pods', podBody('web', spec)).body as Pod;
    const res = e.request('kubelet/node-1', {
      verb: 'patch',
      resource: 'pods',
      subresource: 'status',
      namespace: 'default',
      name: 'web',
      patchType: 'strategic',
      body: { metadata: { uid: stored.metadata?.uid }, status: { phase: 'Running' } },
    });
    expect(res.code).toBe(200);
    const patchedPod = res.body as Pod;
    expect(patchedPod.status?.phase).toBe('Running');
    expect(patchedPod.spec).toBe(stored.spec);
    expect(Object.isFrozen(stored.spec)).toBe(true);
  });
});
