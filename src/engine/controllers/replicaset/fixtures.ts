import type { KubeObject } from '../../api/object';
import type { Event, Pod, ReplicaSet } from '../../api/types';
import type { ApiRequest, ApiResponse, ObjectList } from '../../apiserver/types';
import { rfc3339 } from '../../clock/time';
import { Engine } from '../../engine';
import type { TraceMessage } from '../../trace/message';
import { REPLICASET_CONTROLLER, createReplicaSetController } from './replicaSetController';

// Test helpers: a cluster with only the ReplicaSet controller, driven through the apiserver as
// kubectl and the kubelet would drive it. Only tests import this file.

/** The namespace every fixture uses. */
export const NS = 'default';

/** Returns a fresh cluster running the ReplicaSet controller. */
export function cluster(seed = 1): Engine {
  return new Engine({ nodes: [], seed }, [createReplicaSetController]);
}

/** Sends a request as a test client and returns the body; throws the apiserver's error. */
export function ok(e: Engine, req: ApiRequest): KubeObject {
  const res: ApiResponse = e.request('test', { namespace: NS, ...req });
  if (res.error) throw new Error(res.error.message);
  return res.body as KubeObject;
}

/** Returns a ReplicaSet manifest selecting app=<name>. */
export function replicaSet(
  name: string,
  replicas: number,
  extra: Partial<ReplicaSet['spec']> = {},
): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      },
      ...extra,
    },
  };
}

/** Creates a ReplicaSet and runs the cluster until it settles. */
export function createRS(e: Engine, rs: ReplicaSet): void {
  ok(e, { verb: 'create', resource: 'replicasets', body: rs });
  e.runUntilIdle();
}

/** Returns a ReplicaSet as stored. */
export function getRS(e: Engine, name: string): ReplicaSet {
  return ok(e, { verb: 'get', resource: 'replicasets', name }) as ReplicaSet;
}

/** Changes spec.replicas and runs until the cluster settles. */
export function scale(e: Engine, name: string, replicas: number): void {
  ok(e, {
    verb: 'patch',
    resource: 'replicasets',
    name,
    patchType: 'merge',
    body: { spec: { replicas } },
  });
  e.runUntilIdle();
}

/** Returns the namespace's pods, by name. */
export function pods(e: Engine): Pod[] {
  const list = ok(e, { verb: 'list', resource: 'pods' }) as unknown as ObjectList;
  return (list.items as Pod[]).sort((a, b) =>
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  );
}

/** Returns the namespace's events. */
export function events(e: Engine): Event[] {
  const list = ok(e, { verb: 'list', resource: 'events' }) as unknown as ObjectList;
  return list.items as Event[];
}

/** Binds a pod to a node, as the scheduler's binding does. */
export function bind(e: Engine, pod: string, node: string): void {
  ok(e, {
    verb: 'create',
    resource: 'pods',
    subresource: 'binding',
    name: pod,
    body: {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: pod },
      target: { apiVersion: 'v1', kind: 'Node', name: node },
    },
  });
}

/**
 * Marks a pod Running and Ready (or not) as of virtual time readyAtMs, as the kubelet's status
 * manager would, and optionally sets its containers' restart count.
 */
export function setPodStatus(
  e: Engine,
  pod: string,
  opts: { ready: boolean; readyAtMs?: number; phase?: string; restarts?: number },
): void {
  const at = rfc3339(opts.readyAtMs ?? e.loop.now());
  ok(e, {
    verb: 'patch',
    resource: 'pods',
    subresource: 'status',
    name: pod,
    patchType: 'merge',
    body: {
      status: {
        phase: opts.phase ?? 'Running',
        conditions: [
          { type: 'Ready', status: opts.ready ? 'True' : 'False', lastTransitionTime: at },
        ],
        containerStatuses: [
          {
            name: 'nginx',
            image: 'nginx:1.25',
            imageID: '',
            ready: opts.ready,
            restartCount: opts.restarts ?? 0,
            started: true,
            state: { running: { startedAt: at } },
          },
        ],
      },
    },
  });
}

/** Returns the requests the controller sent, e.g. every POST pods. */
export function sent(e: Engine, verb: string, resource: string): TraceMessage[] {
  return e.trace
    .all()
    .filter(
      (m) =>
        m.from === REPLICASET_CONTROLLER &&
        m.type === 'request' &&
        m.verb === verb &&
        m.resource === resource,
    );
}

/** Returns the events the controller recorded (the Event bodies it POSTed). */
export function recorded(e: Engine, reason: string): Event[] {
  return sent(e, 'POST', 'events')
    .map((m) => (m.body as ApiRequest).body as Event)
    .filter((ev) => ev.reason === reason);
}

/** Returns the slow-start batch sizes: creates sent at the same virtual instant form one batch. */
export function batches(e: Engine): number[] {
  const sizes = new Map<number, number>();
  for (const m of sent(e, 'POST', 'pods')) sizes.set(m.t, (sizes.get(m.t) ?? 0) + 1);
  return [...sizes.values()];
}

/** Returns the pods not being deleted. */
export const active = (e: Engine): Pod[] => pods(e).filter((p) => !p.metadata?.deletionTimestamp);
/** Returns pod names. */
export const names = (list: Pod[]): string[] => list.map((p) => p.metadata?.name ?? '');
