import type { Node, NodeCondition, Taint } from '../../api/types';
import type { Task } from '../../client/task';
import type { LifecycleContext } from './context';
import { nodeCondition } from './nodeHealth';
import type { TryResult } from './rateLimitedQueue';
import { swapNodeControllerTaint } from './swapTaint';
import { NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE, taintExists } from './taints';
import { zoneKey } from './zones';

// NoExecute taints for nodes that stopped being Ready (processTaintBaseEviction,
// markNodeForTainting, markNodeAsReachable, doNoExecuteTaintingPass). The taint eviction
// controller turns the taints into pod deletions; here only the taints are decided.
//   [NOEX1] decisions use the Ready condition as it was before this monitor pass: a node marked
//           Unknown now is queued for its taint on the next pass, 5 s later.
//   [NOEX2] Ready=False → not-ready, Ready=Unknown → unreachable; a node with the opposite
//           taint is swapped at once, without waiting for the rate limiter.
//   [NOEX3] a node without its taint is queued in its zone's rate-limited queue; the pass runs
//           every 100 ms while nodes wait, and re-reads the node before tainting it.
//   [NOEX4] a Ready node loses both NoExecute taints and leaves the queue.

/** How often the tainting pass runs while nodes wait (NodeEvictionPeriod), in ms. */
export const NODE_EVICTION_PERIOD_MS = 100;
// Retry delay for a queued node with no Ready condition yet.
const NO_CONDITION_RETRY_MS = 50;

/** Acts on one node's Ready condition as observed before this pass. [NOEX1][NOEX2][NOEX4] */
export function* processTaintBaseEviction(
  ctx: LifecycleContext,
  node: Node,
  observed: NodeCondition,
): Task<void> {
  const taints = node.spec?.taints;
  switch (observed.status) {
    case 'False':
      if (taintExists(taints, UNREACHABLE_NO_EXECUTE))
        yield* swap(ctx, node, NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE);
      else markNodeForTainting(ctx, node, NOT_READY_NO_EXECUTE);
      break;
    case 'Unknown':
      if (taintExists(taints, NOT_READY_NO_EXECUTE))
        yield* swap(ctx, node, UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE);
      else markNodeForTainting(ctx, node, UNREACHABLE_NO_EXECUTE);
      break;
    case 'True':
      yield* markNodeAsReachable(ctx, node);
      break;
  }
}

/** Removes both NoExecute taints and forgets the node in its zone's queue. [NOEX4] */
export function* markNodeAsReachable(ctx: LifecycleContext, node: Node): Task<boolean> {
  const removed = yield* swapNodeControllerTaint(
    node,
    [],
    [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE],
    ctx.now(),
    ctx.rng,
  );
  if (removed) ctx.zones.tainters.get(zoneKey(node))?.remove(node.metadata?.name ?? '');
  return removed;
}

/** Taints the queued nodes each zone's rate allows. [NOEX3] */
export function* doNoExecuteTaintingPass(ctx: LifecycleContext): Task<void> {
  for (const queue of [...ctx.zones.tainters.values()])
    if (ctx.alive())
      yield* queue.try(
        () => ctx.now(),
        (v) => taintNode(ctx, v.value),
      );
}

/** Queues a node for a NoExecute taint it does not have yet. [NOEX3] */
function markNodeForTainting(ctx: LifecycleContext, node: Node, taint: Taint): void {
  const queue = ctx.zones.tainters.get(zoneKey(node));
  const name = node.metadata?.name ?? '';
  if (!queue) return;
  // A node whose taint went (e.g. removed by hand) must be queued again.
  if (!taintExists(node.spec?.taints, taint)) queue.remove(name);
  if (queue.add(name, node.metadata?.uid ?? '', ctx.now())) ctx.wakeTainter();
}

function* taintNode(ctx: LifecycleContext, name: string): Task<TryResult> {
  const node = ctx.nodes.get(name) as unknown as Node | undefined;
  if (!node) return { done: true };
  const ready = nodeCondition(node.status, 'Ready');
  if (!ready) return { done: false, waitMs: NO_CONDITION_RETRY_MS };
  let ok: boolean;
  if (ready.status === 'False')
    ok = yield* swap(ctx, node, NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE);
  else if (ready.status === 'Unknown')
    ok = yield* swap(ctx, node, UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE);
  // Ready again while it waited: nothing to taint.
  else return { done: true };
  return ok ? { done: true } : { done: false, waitMs: 0 };
}

function swap(ctx: LifecycleContext, node: Node, add: Taint, remove: Taint): Task<boolean> {
  return swapNodeControllerTaint(node, [add], [remove], ctx.now(), ctx.rng);
}
