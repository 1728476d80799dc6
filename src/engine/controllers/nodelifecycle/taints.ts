import equal from 'fast-deep-equal';
import type { Node, Taint } from '../../api/types';

// The taints the node lifecycle controller owns (node_lifecycle_controller.go
// nodeConditionToTaintKeyStatusMap, UnreachableTaintTemplate, NotReadyTaintTemplate; taint
// helpers from pkg/util/taints). The scheduler reads taints, not conditions.

/** Taint keys the node lifecycle controller owns. */
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** The taint that evicts pods from a node whose Ready condition is Unknown. */
export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
/** The taint that evicts pods from a node whose Ready condition is False. */
export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };

const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
};

const OWNED = new Set([
  TAINT_NOT_READY,
  TAINT_UNREACHABLE,
  TAINT_UNSCHEDULABLE,
  TAINT_MEMORY_PRESSURE,
  TAINT_DISK_PRESSURE,
  TAINT_PID_PRESSURE,
  TAINT_NETWORK_UNAVAILABLE,
]);

/** Reports whether two taints have the same key and effect (Taint.MatchTaint). */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** Reports whether a taint with the template's key and effect is present (TaintExists). */
export function taintExists(taints: readonly Taint[] | undefined, template: Taint): boolean {
  return (taints ?? []).some((t) => matchTaint(t, template));
}

/** Returns the NoSchedule taints a node's conditions and spec.unschedulable call for. */
export function desiredNoScheduleTaints(node: Node): Taint[] {
  const keys: string[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) keys.push(key);
  }
  if (node.spec?.unschedulable) keys.push(TAINT_UNSCHEDULABLE);
  return keys.map((key) => ({ key, effect: 'NoSchedule' }));
}

/**
 * Returns the controller-owned NoSchedule taints to add and to remove so they match the node's
 * conditions (doNoScheduleTaintingPass's TaintSetDiff), or undefined when they already do.
 */
export function noScheduleTaintDiff(node: Node): { add: Taint[]; remove: Taint[] } | undefined {
  const want = desiredNoScheduleTaints(node);
  const have = (node.spec?.taints ?? []).filter(
    (t) => t.effect === 'NoSchedule' && OWNED.has(t.key),
  );
  const add = want.filter((w) => !taintExists(have, w));
  const remove = have.filter((h) => !taintExists(want, h));
  if (add.length === 0 && remove.length === 0) return undefined;
  return { add, remove };
}

/**
 * Returns the taints after adding (AddOrUpdateTaint: a taint with the same key and effect is
 * replaced in place, others are appended) and then removing by key and effect (RemoveTaint), or
 * undefined when nothing changes.
 */
export function swapTaints(
  current: readonly Taint[],
  add: readonly Taint[],
  remove: readonly Taint[],
): Taint[] | undefined {
  let out = [...current];
  let changed = false;
  for (const t of add) {
    const at = out.findIndex((c) => matchTaint(c, t));
    if (at < 0) out.push(t);
    else if (!equal(out[at], t)) out[at] = t;
    else continue;
    changed = true;
  }
  for (const t of remove) {
    const kept = out.filter((c) => !matchTaint(c, t));
    changed ||= kept.length !== out.length;
    out = kept;
  }
  return changed ? out : undefined;
}
