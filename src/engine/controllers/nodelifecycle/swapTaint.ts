import type { Node, Taint } from '../../api/types';
import { request, sleep, type Task } from '../../client/task';
import { rfc3339 } from '../../clock/time';
import type { Rng } from '../../rng/rng';
import { swapTaints } from './taints';

// SwapNodeControllerTaint (pkg/controller/util/node) with the taint helpers of
// pkg/controller/controller_utils.go.
//   [SWAP1] added taints are stamped with timeAdded = now.
//   [SWAP2] the new taint list is PATCHed with the resourceVersion it was computed from, so a
//           concurrent change answers 409 instead of being overwritten.
//   [SWAP3] a conflict re-reads the node and retries (RetryOnConflict with UpdateTaintBackoff:
//           5 attempts, 100 ms apart with jitter up to 100%).
//   [SWAP4] nothing to change sends nothing; removing the last taint removes spec.taints.
// Upstream adds, then removes, in two PATCHes; here both land in one, so the node never carries
// not-ready and unreachable NoExecute taints at once.

const ATTEMPTS = 5;
const BACKOFF_MS = 100;

/** Adds and removes controller taints on a node; returns whether the node now has them. */
export function* swapNodeControllerTaint(
  node: Node,
  add: readonly Taint[],
  remove: readonly Taint[],
  now: number,
  rng: Rng,
): Task<boolean> {
  const stamped = add.map((t) => ({ ...t, timeAdded: rfc3339(now) }));
  const name = node.metadata?.name ?? '';
  let current = node;
  for (let attempt = 1; ; attempt++) {
    const taints = swapTaints(current.spec?.taints ?? [], stamped, remove);
    if (!taints) return true;
    const res = yield* request({
      verb: 'patch',
      resource: 'nodes',
      name,
      patchType: 'strategic',
      body: {
        metadata: { resourceVersion: current.metadata?.resourceVersion },
        // An empty list is omitted in Go's JSON, so the two-way merge patch deletes the field.
        spec: { taints: taints.length > 0 ? taints : null },
      },
    });
    if (!res.error) return true;
    if (res.code !== 409 || attempt === ATTEMPTS) return false;
    yield* sleep(BACKOFF_MS * (1 + rng.float()));
    const fresh = yield* request({ verb: 'get', resource: 'nodes', name });
    if (fresh.error) return false;
    current = fresh.body as Node;
  }
}
