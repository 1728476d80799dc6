import type { Node, Taint } from '../../api/types';

// The node conditions that become NoSchedule taints (nodelifecycle's nodeConditionToTaintKeyStatusMap
// and the TaintNodesByCondition feature): the scheduler reads taints, not conditions.

/** Taint keys the node lifecycle controller owns. */
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

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

/** Returns the NoSchedule taint keys a node's conditions and spec.unschedulable call for. */
export function desiredNoScheduleKeys(node: Node): string[] {
  const keys: string[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) keys.push(key);
  }
  if (node.spec?.unschedulable) keys.push(TAINT_UNSCHEDULABLE);
  return keys;
}

/**
 * Returns the node's taints with the controller-owned NoSchedule taints made to match its
 * conditions, or undefined when nothing needs to change. Other taints are left alone.
 */
export function reconcileNoScheduleTaints(node: Node): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  const want = new Set(desiredNoScheduleKeys(node));
  const keep = current.filter(
    (t) => !(t.effect === 'NoSchedule' && OWNED.has(t.key) && !want.has(t.key)),
  );
  const have = new Set(keep.filter((t) => t.effect === 'NoSchedule').map((t) => t.key));
  const added: Taint[] = [...want]
    .filter((k) => !have.has(k))
    .map((key) => ({ key, effect: 'NoSchedule' }));
  if (added.length === 0 && keep.length === current.length) return undefined;
  return [...keep, ...added];
}
