import type { Pod } from '../../api/types';
import { parseTime } from '../../clock/time';
import { POD_DELETION_COST_ANNOTATION } from './constants';
import { isPodActive, isPodReady, readyCondition } from './podutil';

// Which pods a scale-down deletes (replica_set.go getPodsToDelete and
// getPodsRankedByRelatedPodsOnSameNode; controller_utils.go ActivePodsWithRanks.Less), with the
// PodDeletionCost and LogarithmicScaleDown features on, as they are by default. Earlier rules win;
// each later rule only breaks ties:
//   1. unscheduled before scheduled      5. more sibling pods on the same node first
//   2. Pending < Unknown < Running       6. Ready for less time first (log₂ buckets, then uid)
//   3. not Ready before Ready            7. more container restarts first
//   4. lower pod-deletion-cost first     8. newer first (log₂ buckets, then uid)

// Go's map lookup answers 0 for any other phase, so an empty phase sorts with Pending.
const PHASE_ORDINAL: Readonly<Partial<Record<string, number>>> = {
  Pending: 0,
  Unknown: 1,
  Running: 2,
};

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Returns a pod's deletion cost; 0 when absent or not a valid int32 (GetDeletionCostFromPodAnnotations). */
export function deletionCost(pod: Pod): number {
  const value = pod.metadata?.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (value === undefined) return 0;
  // No "+10" and no leading zeros ("008"): validFirstDigit, then strconv.ParseInt(value, 10, 32).
  const validFirst = value.startsWith('-') || value === '0' || /^[1-9]/.test(value);
  if (!validFirst || !/^-?\d+$/.test(value)) return 0;
  const n = Number(value);
  return n < INT32_MIN || n > INT32_MAX ? 0 : n;
}

/** One pod with everything the comparison reads, computed once. */
interface Ranked {
  pod: Pod;
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  rank: number;
  /** Virtual ms; undefined is Go's zero time. */
  readySince?: number;
  restarts: number;
  created?: number;
  uid: string;
}

const time = (ts: string | undefined): number | undefined => {
  const ms = parseTime(ts);
  return Number.isNaN(ms) ? undefined : ms;
};

function ranked(pod: Pod, rank: number): Ranked {
  const ready = isPodReady(pod);
  return {
    pod,
    node: pod.spec?.nodeName ?? '',
    phase: PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0,
    ready,
    cost: deletionCost(pod),
    rank,
    readySince: ready ? time(readyCondition(pod)?.lastTransitionTime) : undefined,
    restarts: Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount)),
    created: time(pod.metadata?.creationTimestamp),
    uid: pod.metadata?.uid ?? '',
  };
}

// afterOrZero: a zero time counts as after any other.
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

// logarithmicRankDiff: floor(log2(age in nanoseconds)), -1 for no age, as Go's int64(math.Log2).
function logRank(t: number, nowMs: number): number {
  const ns = (nowMs - t) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

// Rules 6 and 8: the more recent time first, compared in log₂ buckets with the uid breaking ties.
function newerFirst(a: Ranked, b: Ranked, ta?: number, tb?: number, nowMs?: number): boolean {
  if (nowMs === undefined || ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = logRank(ta, nowMs) - logRank(tb, nowMs);
  return diff === 0 ? a.uid < b.uid : diff < 0;
}

/** Reports whether pod a should be deleted before pod b (ActivePodsWithRanks.Less). */
function less(a: Ranked, b: Ranked, nowMs?: number): boolean {
  if (a.node !== b.node && (a.node === '' || b.node === '')) return a.node === '';
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.ready !== b.ready) return !a.ready;
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.ready && b.ready && a.readySince !== b.readySince)
    return newerFirst(a, b, a.readySince, b.readySince, nowMs);
  if (a.restarts !== b.restarts) return a.restarts > b.restarts;
  if (a.created !== b.created) return newerFirst(a, b, a.created, b.created, nowMs);
  return false;
}

/**
 * Sorts pods by deletion preference; rank[i] is how many active related pods share pod i's
 * node. nowMs is the reference for logarithmic comparison (omit it to compare times exactly).
 */
export function sortForDeletion(
  pods: readonly Pod[],
  ranks: readonly number[],
  nowMs?: number,
): Pod[] {
  const items = pods.map((p, i) => ranked(p, ranks[i] ?? 0));
  items.sort((a, b) => (less(a, b, nowMs) ? -1 : less(b, a, nowMs) ? 1 : 0));
  return items.map((r) => r.pod);
}

/**
 * Chooses diff pods to delete (getPodsToDelete): all of them if diff covers every pod, else the
 * first diff by the ranking, where a pod's rank counts the active related pods (pods of
 * ReplicaSets with the same owner) on its node.
 */
export function getPodsToDelete(
  filtered: readonly Pod[],
  related: readonly Pod[],
  diff: number,
  nowMs: number,
): Pod[] {
  if (diff >= filtered.length) return filtered.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranks = filtered.map((p) => onNode.get(p.spec?.nodeName ?? '') ?? 0);
  return sortForDeletion(filtered, ranks, nowMs).slice(0, diff);
}
