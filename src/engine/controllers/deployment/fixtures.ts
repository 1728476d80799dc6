import type { KubeObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import type { Deployment, Event, ReplicaSet } from '../../api/types';
import type { ApiResponse, ObjectList } from '../../apiserver/types';
import { Engine } from '../../engine';
import { createDeploymentController } from './deploymentController';

// Test harness for the deployment controller: a real Engine running only this controller, with
// the ReplicaSet controller's part (pods, status) played by the test through replicasets/status.

const NS = 'default';

/** Starts an engine whose only component is the deployment controller. */
export function cluster(): Engine {
  return new Engine({ nodes: [] }, [createDeploymentController]);
}

function ok(res: ApiResponse): KubeObject {
  if (res.error) throw new Error(res.error.message);
  return res.body as KubeObject;
}

/** Returns a Deployment body like `kubectl create deployment <name> --image=<image>` sends. */
export function deploymentBody(name: string, spec: Record<string, unknown> = {}): Deployment {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      strategy: {},
      template: {
        metadata: { creationTimestamp: null as unknown as string, labels },
        spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] },
      },
      ...spec,
    },
  };
}

/** Creates a Deployment and lets the controller react. */
export function create(e: Engine, d: Deployment): Deployment {
  const out = ok(
    e.request('kubectl', { verb: 'create', resource: 'deployments', namespace: NS, body: d }),
  );
  e.runUntilIdle();
  return out as Deployment;
}

/** Reads a Deployment as stored. */
export function getDeployment(e: Engine, name: string): Deployment {
  return ok(
    e.request('kubectl', { verb: 'get', resource: 'deployments', namespace: NS, name }),
  ) as Deployment;
}

/** Applies a change to a Deployment (read, modify, PUT) and lets the controller react. */
export function edit(e: Engine, name: string, change: (d: Deployment) => void): void {
  const d = wireCopy(getDeployment(e, name));
  change(d);
  ok(
    e.request('kubectl', { verb: 'update', resource: 'deployments', namespace: NS, name, body: d }),
  );
  e.runUntilIdle();
}

/** Lists ReplicaSets oldest first (then by name). */
export function replicaSets(e: Engine): ReplicaSet[] {
  const list = ok(
    e.request('kubectl', { verb: 'list', resource: 'replicasets', namespace: NS }),
  ) as unknown as ObjectList;
  return (list.items as ReplicaSet[]).sort((a, b) =>
    `${a.metadata?.creationTimestamp}${a.metadata?.name}` <
    `${b.metadata?.creationTimestamp}${b.metadata?.name}`
      ? -1
      : 1,
  );
}

/** Pod counts a test reports for a ReplicaSet, as its controller would. */
export interface Pods {
  replicas: number;
  ready?: number;
  available?: number;
}

/** Writes a ReplicaSet's status as the ReplicaSet controller would, observing its generation. */
export function setStatus(e: Engine, name: string, pods: Pods): void {
  const rs = wireCopy(
    ok(e.request('kubectl', { verb: 'get', resource: 'replicasets', namespace: NS, name })),
  ) as ReplicaSet;
  const ready = pods.ready ?? pods.available ?? 0;
  rs.status = {
    replicas: pods.replicas,
    fullyLabeledReplicas: pods.replicas,
    readyReplicas: ready,
    availableReplicas: pods.available ?? 0,
    observedGeneration: rs.metadata?.generation,
  };
  ok(
    e.request('replicaset-controller', {
      verb: 'update',
      resource: 'replicasets',
      subresource: 'status',
      namespace: NS,
      name,
      body: rs,
    }),
  );
  e.runUntilIdle();
}

function unsettled(rs: ReplicaSet): boolean {
  const n = rs.spec?.replicas ?? 0;
  const s = rs.status;
  return (
    s?.replicas !== n ||
    (s.availableReplicas ?? 0) !== n ||
    s.observedGeneration !== rs.metadata?.generation
  );
}

/** Pods the ReplicaSets really have available: scaled-down pods are gone at once. */
export function availablePods(rss: readonly ReplicaSet[]): number {
  return rss.reduce(
    (n, rs) => n + Math.min(rs.spec?.replicas ?? 0, rs.status?.availableReplicas ?? 0),
    0,
  );
}

/**
 * Plays a healthy ReplicaSet controller one ReplicaSet at a time, oldest first: each step makes
 * one ReplicaSet's pods exist and be available, then lets the deployment controller react. Calls
 * check after each step and returns every distinct list of ReplicaSet sizes seen.
 */
export function rollout(
  e: Engine,
  check?: (rss: ReplicaSet[]) => void,
  maxSteps = 200,
): number[][] {
  const seen = [sizes(e)];
  for (let i = 0; i < maxSteps; i++) {
    const next = replicaSets(e).find(unsettled);
    if (!next) break;
    const n = next.spec?.replicas ?? 0;
    setStatus(e, next.metadata?.name ?? '', { replicas: n, available: n });
    check?.(replicaSets(e));
    const now = sizes(e);
    if (now.join() !== seen[seen.length - 1]?.join()) seen.push(now);
  }
  return seen;
}

/** Returns the deployment controller's events, oldest first, as "Reason: message". */
export function events(e: Engine): string[] {
  const list = ok(
    e.request('kubectl', { verb: 'list', resource: 'events', namespace: NS }),
  ) as unknown as ObjectList;
  return (list.items as Event[])
    .filter((ev) => ev.source?.component === 'deployment-controller')
    .map((ev) => `${ev.reason}: ${ev.message}`);
}

/** Returns spec.replicas of each ReplicaSet, oldest first. */
export function sizes(e: Engine): number[] {
  return replicaSets(e).map((rs) => rs.spec?.replicas ?? 0);
}
