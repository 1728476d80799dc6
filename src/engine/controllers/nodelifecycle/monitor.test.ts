import { describe, expect, it } from 'vitest';
import type { Event, Lease, Node, NodeCondition, Pod } from '../../api/types';
import { rfc3339, rfc3339Micro } from '../../clock/time';
import { Engine } from '../../engine';
import { eventsFor } from '../../kubelet/testing';
import { createNodeLifecycleController } from './nodeLifecycleController';

// The controller alone, with the test playing the kubelets: it writes Node status and renews
// Leases itself, so each heartbeat is exactly where the test puts it.

const S = 1000;

function cluster(): Engine {
  return new Engine({ nodes: [] }, [createNodeLifecycleController]);
}

function send<T>(e: Engine, req: Parameters<Engine['request']>[1]): T {
  const res = e.request('kubelet', req);
  if (res.error) throw new Error(res.error.message);
  return res.body as T;
}

const readyConditions = (at: number): NodeCondition[] =>
  ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
    type,
    status: type === 'Ready' ? 'True' : 'False',
    reason: `Kubelet${type}`,
    message: `kubelet reports ${type}`,
    lastHeartbeatTime: rfc3339(at),
    lastTransitionTime: rfc3339(at),
  }));

/** Registers a node, with a Ready status unless silent. */
function register(e: Engine, name: string, silent = false): Node {
  const status = silent ? undefined : { conditions: readyConditions(e.loop.now()) };
  return send<Node>(e, {
    verb: 'create',
    resource: 'nodes',
    body: { apiVersion: 'v1', kind: 'Node', metadata: { name }, status },
  });
}

/** Creates or renews the node's Lease at the current virtual time. */
function renew(e: Engine, name: string): void {
  const res = e.request('kubelet', {
    verb: 'get',
    resource: 'leases',
    namespace: 'kube-node-lease',
    name,
  });
  const spec = {
    holderIdentity: name,
    leaseDurationSeconds: 40,
    renewTime: rfc3339Micro(e.loop.now()),
  };
  if (res.error) {
    send(e, {
      verb: 'create',
      resource: 'leases',
      namespace: 'kube-node-lease',
      body: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name }, spec },
    });
    return;
  }
  send(e, {
    verb: 'update',
    resource: 'leases',
    namespace: 'kube-node-lease',
    name,
    body: { ...(res.body as Lease), spec },
  });
}

function conditions(e: Engine, name: string): string[] {
  const node = send<Node>(e, { verb: 'get', resource: 'nodes', name });
  return (node.status?.conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason ?? ''}`);
}

describe('monitorNodeHealth', () => {
  it('[MON1] records RegisteredNode for a new node, from node-controller, about its uid', () => {
    const e = cluster();
    const node = register(e, 'node-1');
    e.runFor(5 * S);
    expect(eventsFor(e, 'node-1')).toEqual([
      'RegisteredNode: Node node-1 event: Registered Node node-1 in Controller',
    ]);
    const posted = e.trace.all().find((m) => m.resource === 'events' && m.verb === 'POST');
    const ev = (posted?.body as { body: Event }).body;
    expect(ev.source?.component).toBe('node-controller');
    expect(ev.involvedObject.uid).toBe(node.metadata?.uid);
  });

  it('[MON1] records RemovingNode when a node is deleted', () => {
    const e = cluster();
    register(e, 'node-1');
    e.runFor(5 * S);
    send(e, { verb: 'delete', resource: 'nodes', name: 'node-1' });
    e.runFor(5 * S);
    expect(eventsFor(e, 'node-1')).toContain(
      'RemovingNode: Node node-1 event: Removing Node node-1 from Controller',
    );
  });

  it('counts Lease renewals as heartbeats', () => {
    const e = cluster();
    register(e, 'node-1');
    for (let i = 0; i < 12; i++) {
      renew(e, 'node-1');
      e.runFor(10 * S);
    }
    expect(conditions(e, 'node-1')).toContain('Ready=True KubeletReady');
    e.runFor(60 * S);
    expect(conditions(e, 'node-1')).toEqual([
      'MemoryPressure=Unknown NodeStatusUnknown',
      'DiskPressure=Unknown NodeStatusUnknown',
      'PIDPressure=Unknown NodeStatusUnknown',
      'Ready=Unknown NodeStatusUnknown',
    ]);
  });

  it('gives a node that never posted status 60 s, then marks it NodeStatusNeverUpdated', () => {
    const e = cluster();
    register(e, 'node-1', true);
    e.runFor(55 * S);
    expect(conditions(e, 'node-1')).toEqual([]);
    e.runFor(10 * S);
    expect(conditions(e, 'node-1')).toEqual([
      'Ready=Unknown NodeStatusNeverUpdated',
      'MemoryPressure=Unknown NodeStatusNeverUpdated',
      'DiskPressure=Unknown NodeStatusNeverUpdated',
      'PIDPressure=Unknown NodeStatusNeverUpdated',
    ]);
  });

  it('marks a pod bound to a node that is not Ready as not Ready (processPod)', () => {
    const e = cluster();
    register(e, 'node-1');
    register(e, 'node-2');
    e.runFor(60 * S);
    const pod = send<Pod>(e, {
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'late' },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    });
    // Ready before it is bound, so the binding is the change the controller reacts to.
    send(e, {
      verb: 'update',
      resource: 'pods',
      subresource: 'status',
      namespace: 'default',
      name: 'late',
      body: { ...pod, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    });
    send(e, {
      verb: 'create',
      resource: 'pods',
      subresource: 'binding',
      namespace: 'default',
      name: 'late',
      body: {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: 'late' },
        target: { apiVersion: 'v1', kind: 'Node', name: 'node-1' },
      },
    });
    e.runFor(S);
    const after = send<Pod>(e, {
      verb: 'get',
      resource: 'pods',
      namespace: 'default',
      name: 'late',
    });
    expect(after.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(eventsFor(e, 'late')).toEqual(['NodeNotReady: Node is not ready']);
  });
});
