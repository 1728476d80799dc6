import type { Pod, ReplicaSet } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { allSettled } from '../../client/task';
import { BURST_REPLICAS, SLOW_START_INITIAL_BATCH_SIZE } from './constants';
import type { SyncContext } from './context';
import { createPod, deletePod, isNamespaceTerminating } from './podControl';
import { podKey } from './podutil';
import { getPodsToDelete } from './ranking';

// manageReplicas (replica_set.go): create or delete pods until the active pods match
// spec.replicas, at most BURST_REPLICAS (500) per sync.
//   [RS1] creates go in slow-start batches 1, 2, 4, 8, …, each batch in parallel; after the first
//         batch with a failure the rest are skipped, and every create not made lowers expectations.
//   [RS2] deletes choose victims by ranking.ts and all go in parallel; a failed delete lowers
//         expectations, and a 404 is not an error.

/** How a slow-start run ended: calls that succeeded and the first error, if any. */
export interface SlowStartResult {
  successes: number;
  error?: unknown;
}

/**
 * Calls fn count times in batches that start at initialBatchSize and double while every call of
 * a batch succeeds (slowStartBatch). [RS1]
 */
export function* slowStartBatch(
  count: number,
  initialBatchSize: number,
  fn: () => Task<void>,
): Task<SlowStartResult> {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0;) {
    const results = yield* allSettled(Array.from({ length: batch }, fn));
    const failed = results.find((r) => !r.ok);
    successes += results.filter((r) => r.ok).length;
    if (failed && !failed.ok) return { successes, error: failed.error };
    remaining -= batch;
    batch = Math.min(2 * batch, remaining);
  }
  return { successes };
}

function* createReplicas(ctx: SyncContext, rs: ReplicaSet, want: number): Task<unknown> {
  const diff = Math.min(want, BURST_REPLICAS);
  ctx.expectations.expectCreations(ctx.key, diff);
  const { successes, error } = yield* slowStartBatch(
    diff,
    SLOW_START_INITIAL_BATCH_SIZE,
    function* () {
      try {
        yield* createPod(rs, ctx.event);
      } catch (e) {
        // A terminating namespace refuses every create; not worth an error (upstream returns nil).
        if (!isNamespaceTerminating(e)) throw e;
      }
    },
  );
  // Creates never attempted, or failed, will never be observed. [RS1]
  for (let i = successes; i < diff; i++) ctx.expectations.creationObserved(ctx.key);
  return error;
}

function* deleteReplicas(
  ctx: SyncContext,
  rs: ReplicaSet,
  pods: Pod[],
  extra: number,
): Task<unknown> {
  const diff = Math.min(extra, BURST_REPLICAS);
  const victims = getPodsToDelete(pods, ctx.relatedPods(rs), diff, ctx.now());
  ctx.expectations.expectDeletions(ctx.key, victims.map(podKey));
  const results = yield* allSettled(victims.map((pod) => deletePod(rs, pod, ctx.event)));
  let first: unknown;
  results.forEach((r, i) => {
    if (r.ok) return;
    ctx.expectations.deletionObserved(ctx.key, podKey(victims[i] as Pod));
    const gone = r.error instanceof StatusError && r.error.code === 404;
    if (!gone && first === undefined) first = r.error;
  });
  return first;
}

/**
 * Creates or deletes pods so the active pods number spec.replicas; returns the error to report
 * (manageReplicasErr), if any.
 */
export function* manageReplicas(ctx: SyncContext, pods: Pod[], rs: ReplicaSet): Task<unknown> {
  const diff = pods.length - (rs.spec?.replicas ?? 1);
  if (diff < 0) return yield* createReplicas(ctx, rs, -diff);
  if (diff > 0) return yield* deleteReplicas(ctx, rs, pods, diff);
  return undefined;
}
