import { wireCopy } from '../../api/object';
import type { Deployment, ReplicaSet } from '../../api/types';
import type { Task } from '../../client/task';
import type { SyncContext } from './context';
import { updateReplicaSet } from './context';
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './util/annotations';
import { SCALING_REPLICA_SET, scaledMessage } from './util/constants';
import {
  bySizeNewer,
  bySizeOlder,
  filterActive,
  findActiveOrLatest,
  isSaturated,
} from './util/replicaSets';
import {
  getProportion,
  isRollingUpdate,
  maxSurge,
  replicaCount,
  specReplicas,
} from './util/replicas';

// Scaling ReplicaSets (sync.go: scale, scaleReplicaSetAndRecordEvent, scaleReplicaSet). Every
// resize is a PUT of the whole ReplicaSet with fresh desired/max-replicas annotations, followed by
// a ScalingReplicaSet event on the Deployment.

/** Whether a ReplicaSet was resized, and the ReplicaSet as stored afterwards. */
type ScaleResult = [scaled: boolean, rs: ReplicaSet];

/**
 * Sets a ReplicaSet's size and replica annotations (scaleReplicaSet); records the event only when
 * the size changed. Throws the API error if the update fails.
 */
function* scaleReplicaSet(
  ctx: SyncContext,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
  direction: string,
): Task<ScaleResult> {
  const oldScale = specReplicas(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  const desired = specReplicas(d);
  const max = desired + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return [false, rs];
  const copy = wireCopy(rs);
  (copy.spec ??= {} as NonNullable<ReplicaSet['spec']>).replicas = newScale;
  setReplicasAnnotations(copy, desired, max);
  const updated = yield* updateReplicaSet(copy);
  if (!sizeNeedsUpdate) return [false, updated];
  const name = updated.metadata?.name ?? '';
  ctx.event(d, 'Normal', SCALING_REPLICA_SET, scaledMessage(direction, name, oldScale, newScale));
  return [true, updated];
}

/** Resizes a ReplicaSet if its size differs, naming the direction (scaleReplicaSetAndRecordEvent). */
export function* scaleReplicaSetAndRecordEvent(
  ctx: SyncContext,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): Task<ScaleResult> {
  if (specReplicas(rs) === newScale) return [false, rs];
  const direction = specReplicas(rs) < newScale ? 'up' : 'down';
  return yield* scaleReplicaSet(ctx, rs, newScale, d, direction);
}

/**
 * Spreads a change of replicas over every active ReplicaSet in proportion to its size
 * (the RollingUpdate half of scale): the largest ReplicaSet absorbs the rounding leftover, newer
 * ones go first when growing and older ones first when shrinking.
 */
function* scaleProportionally(
  ctx: SyncContext,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
): Task<void> {
  const allRSs = filterActive([...oldRSs, newRS]);
  const allowedSize = specReplicas(d) > 0 ? specReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - replicaCount(allRSs);
  let direction = '';
  if (toAdd > 0) {
    allRSs.sort(bySizeNewer);
    direction = 'up';
  } else if (toAdd < 0) {
    allRSs.sort(bySizeOlder);
    direction = 'down';
  }
  let added = 0;
  const sizes = allRSs.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const proportion = getProportion(rs, d, toAdd, added);
    added += proportion;
    return specReplicas(rs) + proportion;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, (sizes[0] as number) + toAdd - added);
  for (const [i, rs] of allRSs.entries())
    yield* scaleReplicaSet(ctx, rs, sizes[i] as number, d, direction);
}

/**
 * Handles a scaling event or a paused Deployment (scale): one active ReplicaSet simply takes the
 * new replicas; a saturated new ReplicaSet makes the old ones go to 0; otherwise a rolling
 * Deployment scales proportionally, so a bad template is not rolled out faster by scaling.
 */
export function* scale(
  ctx: SyncContext,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): Task<void> {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === specReplicas(d)) return;
    yield* scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, specReplicas(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) yield* scaleReplicaSetAndRecordEvent(ctx, old, 0, d);
    return;
  }
  if (isRollingUpdate(d)) yield* scaleProportionally(ctx, d, newRS, oldRSs);
}
