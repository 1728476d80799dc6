import { fromLabelSelector } from '../../api/labels';
import type { Pod, ReplicaSet } from '../../api/types';
import type { Task } from '../../client/task';
import { claimPods } from './claim';
import type { SyncContext } from './context';
import { manageReplicas } from './manage';
import { isPodActive } from './podutil';
import { calculateStatus, updateReplicaSetStatus } from './status';

// One sync of one ReplicaSet (replica_set.go syncReplicaSet):
//   1. note whether expectations are satisfied (expectations.ts) — read before anything else, as
//      upstream does, so events arriving during this sync count for the next one;
//   2. keep the active candidate pods and claim them (claim.ts);
//   3. unless expectations are unmet or the ReplicaSet is being deleted, create or delete pods
//      (manage.ts);
//   4. write status if it changed (status.ts);
//   5. if every replica is ready but not all are available, look again after minReadySeconds;
//   6. report the manageReplicas error last, so the key is retried with backoff.

/**
 * Syncs a cached ReplicaSet; candidates are the pods it controls plus the namespace's orphans
 * (upstream lists the whole namespace; pods of other controllers are ignored by the claim anyway).
 */
export function* syncReplicaSet(
  ctx: SyncContext,
  rs: ReplicaSet,
  candidates: readonly Pod[],
): Task<void> {
  const needsSync = ctx.expectations.satisfied(ctx.key);
  // A nil selector selects nothing (LabelSelectorAsSelector); validation never lets one in.
  const selector = fromLabelSelector(rs.spec?.selector);
  const active = candidates.filter(isPodActive);
  const pods = yield* claimPods(rs, selector, active);
  let manageErr: unknown;
  if (needsSync && !rs.metadata?.deletionTimestamp)
    manageErr = yield* manageReplicas(ctx, pods, rs);
  const status = calculateStatus(rs, pods, manageErr, ctx.now());
  const updated = yield* updateReplicaSetStatus(rs, status);
  const replicas = updated.spec?.replicas ?? 1;
  const minReady = updated.spec?.minReadySeconds ?? 0;
  // A last line of defence against clock skew: available replicas are counted again later.
  if (
    manageErr === undefined &&
    minReady > 0 &&
    (updated.status?.readyReplicas ?? 0) === replicas &&
    (updated.status?.availableReplicas ?? 0) !== replicas
  )
    ctx.enqueueAfter(minReady * 1000);
  if (manageErr !== undefined) throw manageErr;
}
