import { wireCopy } from '../../api/object';
import type { Deployment, LabelSelector, OwnerReference, ReplicaSet } from '../../api/types';
import { notFound, StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import type { SyncContext } from './context';
import { tryUpdateDeploymentStatus, updateDeploymentStatus, updateReplicaSet } from './context';
import {
  maxRevision,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
} from './util/annotations';
import {
  createdNewRSMessage,
  FAILED_RS_CREATE_REASON,
  failedRSCreateMessage,
  FOUND_NEW_RS_REASON,
  foundNewRSMessage,
  NEW_REPLICA_SET_REASON,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  SCALING_REPLICA_SET,
  scaledMessage,
} from './util/constants';
import { getCondition, newCondition, setCondition } from './util/conditions';
import { computeHash } from './util/hash';
import { hasProgressDeadline } from './util/progress';
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets } from './util/replicaSets';
import { newRSNewReplicas } from './util/replicas';

// Finding or creating the new ReplicaSet and keeping revisions in step (sync.go:
// getAllReplicaSetsAndSyncRevision, getNewReplicaSet). Like upstream, the Deployment copy d is
// changed in place and written with UpdateStatus without refreshing its resourceVersion, so a later
// status write in the same sync answers 409 and the key is retried: the "object has been modified"
// error every kube-controller-manager log shows when a Deployment is created.

const NAMESPACE_TERMINATING = 'NamespaceTerminating';

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function controllerRef(d: Deployment): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: d.metadata?.name ?? '',
    uid: d.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

function selectorWithHash(selector: LabelSelector | undefined, hash: string): LabelSelector {
  const out = wireCopy(selector ?? {});
  out.matchLabels = sorted({ ...out.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash });
  return out;
}

// The ReplicaSet a Deployment's template gives: name <deployment>-<hash>, hash label everywhere.
function buildReplicaSet(d: Deployment): ReplicaSet {
  const template = wireCopy(d.spec?.template ?? {});
  const hash = computeHash(template, d.status?.collisionCount);
  const meta = (template.metadata ??= {});
  meta.labels = sorted({ ...meta.labels, [POD_TEMPLATE_HASH_LABEL]: hash });
  const spec: NonNullable<ReplicaSet['spec']> = {
    replicas: 0,
    selector: selectorWithHash(d.spec?.selector, hash),
  };
  if (d.spec?.minReadySeconds) spec.minReadySeconds = d.spec.minReadySeconds;
  spec.template = template;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata?.name}-${hash}`,
      namespace: d.metadata?.namespace,
      labels: { ...meta.labels },
      ownerReferences: [controllerRef(d)],
    },
    spec,
  };
}

// The new ReplicaSet exists: sync its annotations and minReadySeconds, else the revision and a
// first Progressing condition onto the Deployment.
function* syncExisting(ctx: SyncContext, d: Deployment, existing: ReplicaSet, newRevision: string) {
  const rs = wireCopy(existing);
  const annotationsUpdated = setNewReplicaSetAnnotations(d, rs, newRevision, true);
  const spec = rs.spec as NonNullable<ReplicaSet['spec']>;
  if (annotationsUpdated || (spec.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)) {
    spec.minReadySeconds = d.spec?.minReadySeconds;
    return yield* updateReplicaSet(rs);
  }
  let needsUpdate = setDeploymentRevision(d, rs.metadata?.annotations?.[REVISION_ANNOTATION] ?? '');
  if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
    markProgressing(
      ctx,
      d,
      'True',
      FOUND_NEW_RS_REASON,
      foundNewRSMessage(rs.metadata?.name ?? ''),
    );
    needsUpdate = true;
  }
  if (needsUpdate) yield* updateDeploymentStatus(d);
  return rs;
}

// AlreadyExists: either our own ReplicaSet seen late by the cache, or a hash collision, which
// bumps status.collisionCount so the next sync hashes to a different name.
function* onAlreadyExists(ctx: SyncContext, d: Deployment, rs: ReplicaSet, err: StatusError) {
  const namespace = rs.metadata?.namespace ?? 'default';
  const name = rs.metadata?.name ?? '';
  const cached = ctx.cachedReplicaSet(namespace, name);
  // The lister's NotFound names the resource in the singular.
  if (!cached) throw notFound('replicaset.apps', name);
  const ref = cached.metadata?.ownerReferences?.find((r) => r.controller);
  if (ref?.uid === d.metadata?.uid && equalIgnoreHash(d.spec?.template, cached.spec?.template))
    return cached;
  (d.status ??= {}).collisionCount = (d.status.collisionCount ?? 0) + 1;
  yield* tryUpdateDeploymentStatus(d);
  throw err;
}

// Sets the Deployment's Progressing condition on the copy about to be written.
function markProgressing(
  ctx: SyncContext,
  d: Deployment,
  status: 'True' | 'False',
  reason: string,
  message: string,
): void {
  setCondition((d.status ??= {}), newCondition('Progressing', status, reason, message, ctx.now()));
}

// POSTs the ReplicaSet; returns it and whether it already existed (as ours).
function* postReplicaSet(
  ctx: SyncContext,
  d: Deployment,
  rs: ReplicaSet,
): Task<[ReplicaSet, boolean]> {
  const res = yield* request({
    verb: 'create',
    resource: 'replicasets',
    namespace: rs.metadata?.namespace,
    body: rs,
  });
  if (!res.error) return [res.body as ReplicaSet, false];
  const err = new StatusError(res.error);
  if (err.reason === 'AlreadyExists') return [yield* onAlreadyExists(ctx, d, rs, err), true];
  // In a terminating namespace every create fails; there is nothing worth reporting.
  if (res.error.details?.causes?.some((c) => c.reason === NAMESPACE_TERMINATING)) throw err;
  const msg = failedRSCreateMessage(rs.metadata?.name ?? '', err.message);
  if (hasProgressDeadline(d)) {
    markProgressing(ctx, d, 'False', FAILED_RS_CREATE_REASON, msg);
    yield* tryUpdateDeploymentStatus(d);
  }
  ctx.event(d, 'Warning', FAILED_RS_CREATE_REASON, msg);
  throw err;
}

function* createNewReplicaSet(
  ctx: SyncContext,
  d: Deployment,
  oldRSs: ReplicaSet[],
  newRevision: string,
): Task<ReplicaSet> {
  const rs = buildReplicaSet(d);
  const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  (rs.spec as NonNullable<ReplicaSet['spec']>).replicas = replicas;
  setNewReplicaSetAnnotations(d, rs, newRevision, false);
  (rs.metadata ??= {}).annotations = sorted(rs.metadata.annotations ?? {});
  const [created, alreadyExists] = yield* postReplicaSet(ctx, d, rs);
  const name = created.metadata?.name ?? '';
  if (!alreadyExists && replicas > 0)
    ctx.event(d, 'Normal', SCALING_REPLICA_SET, scaledMessage('up', name, 0, replicas));
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    markProgressing(ctx, d, 'True', NEW_REPLICA_SET_REASON, createdNewRSMessage(name));
    needsUpdate = true;
  }
  if (needsUpdate) yield* updateDeploymentStatus(d);
  return created;
}

/**
 * Returns the new ReplicaSet (creating it when asked and missing, with revision max(old) + 1) and
 * all old ones (getAllReplicaSetsAndSyncRevision). rsList comes back sorted oldest first.
 */
export function* getAllReplicaSetsAndSyncRevision(
  ctx: SyncContext,
  d: Deployment,
  rsList: ReplicaSet[],
  createIfNotExisted: boolean,
): Task<[ReplicaSet | undefined, ReplicaSet[]]> {
  const oldRSs = findOldReplicaSets(d, rsList);
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) return [yield* syncExisting(ctx, d, existing, newRevision), oldRSs];
  if (!createIfNotExisted) return [undefined, oldRSs];
  return [yield* createNewReplicaSet(ctx, d, oldRSs, newRevision), oldRSs];
}
