import type { KubeObject } from '../../api/object';
import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import type { EventType } from '../../client/eventRecorder';
import { call, request, type Task } from '../../client/task';

// What the reconcile pieces share: the controller's caches, clock and event recorder (SyncContext),
// and the writes they make, each one API call as client-go's typed client makes it.

/** The controller facilities a sync uses; implemented by DeploymentController. */
export interface SyncContext {
  /** Virtual time in ms (nowFn upstream). */
  now(): number;
  /** Records an event on the Deployment, from "deployment-controller". */
  event(d: Deployment, type: EventType, reason: string, message: string): void;
  /** Reads a ReplicaSet from the informer cache (rsLister). */
  cachedReplicaSet(namespace: string, name: string): ReplicaSet | undefined;
  /** Groups the Deployment's pods by owning ReplicaSet uid (getPodMapForDeployment). */
  podMap(d: Deployment, rsList: readonly ReplicaSet[]): Map<string, Pod[]>;
  /** Syncs this Deployment again after ms of virtual time (queue.AddAfter). */
  enqueueAfter(ms: number): void;
  /** Syncs this Deployment again after the rate limiter's delay (queue.AddRateLimited). */
  enqueueRateLimited(): void;
}

const ns = (o: KubeObject): string => o.metadata?.namespace ?? 'default';
const name = (o: KubeObject): string => o.metadata?.name ?? '';

/** PUTs a ReplicaSet (ReplicaSets().Update) and returns the stored object. */
export function* updateReplicaSet(rs: ReplicaSet): Task<ReplicaSet> {
  return yield* call<ReplicaSet>({
    verb: 'update',
    resource: 'replicasets',
    namespace: ns(rs),
    name: name(rs),
    body: rs,
  });
}

/** PUTs a Deployment's status (Deployments().UpdateStatus), the copy's resourceVersion included. */
export function* updateDeploymentStatus(d: Deployment): Task<Deployment> {
  return yield* call<Deployment>({
    verb: 'update',
    resource: 'deployments',
    subresource: 'status',
    namespace: ns(d),
    name: name(d),
    body: d,
  });
}

/** PUTs a Deployment's status when a bigger error is already being reported; ignores failure. */
export function* tryUpdateDeploymentStatus(d: Deployment): Task<void> {
  yield* request({
    verb: 'update',
    resource: 'deployments',
    subresource: 'status',
    namespace: ns(d),
    name: name(d),
    body: d,
  });
}

/** PUTs a Deployment (Deployments().Update), as rollback does. */
export function* updateDeployment(d: Deployment): Task<Deployment> {
  return yield* call<Deployment>({
    verb: 'update',
    resource: 'deployments',
    namespace: ns(d),
    name: name(d),
    body: d,
  });
}

/** PATCHes a ReplicaSet with a strategic merge patch (RSControl.PatchReplicaSet). */
export function* patchReplicaSet(rs: ReplicaSet, patch: unknown): Task<ReplicaSet> {
  return yield* call<ReplicaSet>({
    verb: 'patch',
    resource: 'replicasets',
    namespace: ns(rs),
    name: name(rs),
    patchType: 'strategic',
    body: patch,
  });
}
