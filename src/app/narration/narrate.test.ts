import { describe, expect, it } from 'vitest';
import type { Hop } from '../worker/protocol';
import { narrate } from './narrate';

const hop = (h: Partial<Hop>): Hop => ({
  id: 1,
  t: 0,
  arrive: 1,
  from: 'kubectl',
  to: 'kube-apiserver',
  type: 'request',
  verb: 'POST',
  cause: null,
  ...h,
});

describe('narrate', () => {
  it.each<[Partial<Hop>, string]>([
    [
      { resource: 'deployments', kind: 'Deployment', name: 'web' },
      'kubectl asks the API server to create Deployment web.',
    ],
    [
      { from: 'kube-apiserver', to: 'etcd', verb: 'Txn', kind: 'Deployment', name: 'web' },
      'The API server writes Deployment web to etcd.',
    ],
    [
      {
        from: 'etcd',
        to: 'kube-apiserver',
        type: 'response',
        verb: 'Txn',
        kind: 'Pod',
        name: 'p',
        code: 200,
        rv: '42',
      },
      'etcd commits Pod p at revision 42.',
    ],
    [
      {
        from: 'kube-apiserver',
        to: 'deployment-controller',
        type: 'watch',
        verb: 'ADDED',
        kind: 'Deployment',
        name: 'web',
      },
      'The deployment controller sees Deployment web ADDED through its watch.',
    ],
    [
      { from: 'replicaset-controller', resource: 'pods', kind: 'Pod', name: 'web-7d4b9c6f5-' },
      'The replicaset controller asks the API server to create a new Pod web-7d4b9c6f5-….',
    ],
    [
      { from: 'kube-scheduler', resource: 'pods/binding', kind: 'Pod', name: 'web-1' },
      'The scheduler binds Pod web-1 to a node.',
    ],
    [
      {
        from: 'kubelet/node-2',
        verb: 'PATCH',
        resource: 'pods/status',
        kind: 'Pod',
        name: 'web-1',
      },
      'The kubelet on node-2 reports the status of Pod web-1.',
    ],
    [
      {
        from: 'kubelet/node-1',
        to: 'containerd/node-1',
        type: 'cri',
        verb: 'RunPodSandbox',
        kind: 'Pod',
        name: 'web-1',
      },
      'The kubelet on node-1 asks containerd on node-1 to RunPodSandbox for Pod web-1.',
    ],
    [
      {
        from: 'kube-apiserver',
        to: 'deployment-controller',
        type: 'response',
        verb: 'PUT',
        kind: 'Deployment',
        name: 'web',
        code: 409,
      },
      'The API server answers the deployment controller: 409 Conflict, Deployment web changed since it was read, so it will retry.',
    ],
    [
      {
        from: 'deployment-controller',
        resource: 'events',
        kind: 'Event',
        name: 'web.18166885be25eb00',
      },
      'The deployment controller records an Event about web.',
    ],
  ])('%o', (h, text) => expect(narrate(hop(h))).toBe(text));

  it('says what a component reacted to when its request was caused by a watch event', () => {
    const watch = hop({
      id: 3,
      from: 'kube-apiserver',
      to: 'deployment-controller',
      type: 'watch',
      verb: 'ADDED',
      kind: 'Deployment',
      name: 'web',
    });
    const create = hop({
      id: 4,
      from: 'deployment-controller',
      resource: 'replicasets',
      kind: 'ReplicaSet',
      name: 'web-7d4b9c6f5',
      cause: 3,
    });
    expect(narrate(create, watch)).toBe(
      'The deployment controller sees Deployment web ADDED through its watch and asks the API server to create ReplicaSet web-7d4b9c6f5.',
    );
    expect(narrate(create, hop({ id: 2 }))).toBe(
      'The deployment controller asks the API server to create ReplicaSet web-7d4b9c6f5.',
    );
  });
});
