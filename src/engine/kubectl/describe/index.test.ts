import { describe, expect, it } from 'vitest';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import { deployment, pod, replicaSet } from '../printers/testdata';
import { namespace, node, nodeLease } from '../printers/testdataCluster';
import { describeQueries } from './index';

const res = (kind: string) => resourceForKind(kind) as ResourceInfo;

describe('describeQueries', () => {
  it("searches a pod's events by name, namespace and uid (PodDescriber drops the kind)", () => {
    expect(describeQueries(res('Pod'), pod())).toEqual({
      events: {
        verb: 'list',
        resource: 'events',
        namespace: 'default',
        fieldSelector:
          'involvedObject.name=web-7d4b9c6f5-x2x7k,involvedObject.namespace=default,involvedObject.uid=0b6b4a8e-7f0e-4d7c-a2f7-2d1c9e5b6a01',
      },
    });
  });

  it("lists a node's non-terminated pods, its lease, and events by uid and by name", () => {
    const q = describeQueries(res('Node'), node());
    expect(q.pods).toEqual({
      verb: 'list',
      resource: 'pods',
      fieldSelector: 'spec.nodeName=node-1,status.phase!=Succeeded,status.phase!=Failed',
    });
    expect(q.lease).toEqual({
      verb: 'list',
      resource: 'leases',
      namespace: 'kube-node-lease',
      fieldSelector: 'metadata.name=node-1',
    });
    expect(q.events?.fieldSelector).toBe(
      'involvedObject.name=node-1,involvedObject.namespace=,involvedObject.kind=Node,involvedObject.uid=5c2e8f1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
    );
    expect(q.eventsByName?.fieldSelector).toBe(
      'involvedObject.name=node-1,involvedObject.namespace=,involvedObject.kind=Node,involvedObject.uid=node-1',
    );
    expect(q.events?.namespace).toBeUndefined();
  });

  it("lists a replicaset's pods and a deployment's replicasets by selector", () => {
    expect(describeQueries(res('ReplicaSet'), replicaSet()).pods).toEqual({
      verb: 'list',
      resource: 'pods',
      namespace: 'default',
      labelSelector: 'app=web,pod-template-hash=7d4b9c6f5',
    });
    const q = describeQueries(res('Deployment'), deployment());
    expect(q.replicaSets).toEqual({
      verb: 'list',
      resource: 'replicasets',
      namespace: 'default',
      labelSelector: 'app=web',
    });
    expect(q.events?.fieldSelector).toBe(
      'involvedObject.name=web,involvedObject.namespace=default,involvedObject.kind=Deployment,involvedObject.uid=a3b9e6f0-4c1d-4e7a-8f2b-9d0c1e2f3a4b',
    );
  });

  it('needs nothing for a namespace, and only events for generic kinds', () => {
    expect(describeQueries(res('Namespace'), namespace('default'))).toEqual({});
    expect(Object.keys(describeQueries(res('Lease'), nodeLease()))).toEqual(['events']);
  });
});
