import type { Taint, Toleration } from '../../api/types';
import { toleratesTaint } from '../../scheduler/plugins/helper/taints';

// Which NoExecute taints a pod tolerates, and for how long (taint_eviction.go getNoExecuteTaints,
// getMinTolerationTime; pkg/apis/core/v1/helper GetMatchingTolerations).

/** Returns the NoExecute taints among a node's taints. */
export function noExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * Returns whether every taint is tolerated and, if so, the first toleration matching each one
 * (GetMatchingTolerations: later matches for the same taint are not considered).
 */
export function matchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = (tolerations ?? []).find((t) => toleratesTaint(t, taint));
    if (!match) return { allTolerated: false, used: [] };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/**
 * Returns how long the used tolerations allow, in ms: the smallest tolerationSeconds, 0 when one
 * is zero or negative (or none were used), or -1 when all tolerate forever.
 */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds == null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}
