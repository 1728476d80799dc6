import { wireCopy } from '../../api/object';
import type { Deployment, ReplicaSet } from '../../api/types';
import type { Task } from '../../client/task';
import type { SyncContext } from './context';
import { updateDeployment } from './context';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { lastRevision, revision, setDeploymentAnnotationsTo } from './util/annotations';
import {
  NO_LAST_REVISION_MESSAGE,
  NO_ROLLBACK_REVISION_MESSAGE,
  POD_TEMPLATE_HASH_LABEL,
  ROLLBACK_DONE,
  ROLLBACK_REVISION_NOT_FOUND,
  ROLLBACK_TEMPLATE_UNCHANGED,
  ROLLBACK_TO_ANNOTATION,
  rollbackUnchangedMessage,
  rolledBackMessage,
} from './util/constants';
import { equalIgnoreHash } from './util/replicaSets';

// Server-side rollback (rollback.go), requested through the deprecated.deployment.rollback.to
// annotation that the removed spec.rollbackTo field round-trips to. Today's `kubectl rollout undo`
// copies the old template itself instead; either way the old ReplicaSet becomes the new one again
// and getNewReplicaSet gives it the next revision, recording the old number in revision-history.

/** Returns the revision a Deployment asks to roll back to, if any (0 means the previous one). */
export function getRollbackTo(d: Deployment): number | undefined {
  const v = d.metadata?.annotations?.[ROLLBACK_TO_ANNOTATION];
  if (!v || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number.parseInt(v, 10);
}

// Drops the rollback request and writes the Deployment (updateDeploymentAndClearRollbackTo).
function* updateDeploymentAndClearRollbackTo(d: Deployment): Task<void> {
  delete d.metadata?.annotations?.[ROLLBACK_TO_ANNOTATION];
  yield* updateDeployment(d);
}

// Copies the ReplicaSet's template (minus the hash label) and annotations onto the Deployment.
function* rollbackToTemplate(ctx: SyncContext, d: Deployment, rs: ReplicaSet): Task<boolean> {
  let performed = false;
  if (!equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
    const template = wireCopy(rs.spec?.template ?? {});
    const labels = { ...template.metadata?.labels };
    delete labels[POD_TEMPLATE_HASH_LABEL];
    (template.metadata ??= {}).labels = labels;
    (d.spec as NonNullable<Deployment['spec']>).template = template;
    setDeploymentAnnotationsTo(d, rs);
    performed = true;
  } else {
    const msg = rollbackUnchangedMessage(d.metadata?.name ?? '');
    ctx.event(d, 'Warning', ROLLBACK_TEMPLATE_UNCHANGED, msg);
  }
  yield* updateDeploymentAndClearRollbackTo(d);
  return performed;
}

/** Rolls a Deployment back to a revision, then clears the request (rollback). */
export function* rollback(
  ctx: SyncContext,
  d: Deployment,
  rsList: ReplicaSet[],
  toRevision: number,
): Task<void> {
  const [newRS, oldRSs] = yield* getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  const allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
  let target = toRevision;
  if (target === 0) target = lastRevision(allRSs);
  if (target === 0) {
    ctx.event(d, 'Warning', ROLLBACK_REVISION_NOT_FOUND, NO_LAST_REVISION_MESSAGE);
    return yield* updateDeploymentAndClearRollbackTo(d);
  }
  const rs = allRSs.find((x) => revision(x) === target);
  if (rs) {
    if (yield* rollbackToTemplate(ctx, d, rs))
      ctx.event(d, 'Normal', ROLLBACK_DONE, rolledBackMessage(d.metadata?.name ?? '', target));
    return;
  }
  ctx.event(d, 'Warning', ROLLBACK_REVISION_NOT_FOUND, NO_ROLLBACK_REVISION_MESSAGE);
  yield* updateDeploymentAndClearRollbackTo(d);
}
