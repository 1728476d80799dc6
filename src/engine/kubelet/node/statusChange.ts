import equal from 'fast-deep-equal';
import type { NodeCondition } from '../../api/types';
import type { NodeStatus } from './nodeObject';
import { CONDITION_EVENTS } from './nodeObject';

// How the kubelet compares the Node it read with the status it computed from it
// (kubelet_node_status.go nodeStatusHasChanged, nodestatus/setters.go).
//   [NSTAT6] the status changed when a condition of some type differs in anything but
//            lastHeartbeatTime, or any field other than the conditions differs.
//   [NSTAT7] each condition setter records "Node x status is now: <event>" when the status it
//            sets differs from the Node's: a pressure setter also when the Node has no such
//            condition yet (a new Node object), the Ready setter only when it has one.

/** Reports whether the computed status differs from the Node's, heartbeats aside. [NSTAT6] */
export function nodeStatusChanged(original: NodeStatus | undefined, next: NodeStatus): boolean {
  const { conditions: a, ...restA } = original ?? {};
  const { conditions: b, ...restB } = next;
  return !equal(comparable(a), comparable(b)) || !equal(restA, restB);
}

function comparable(conditions: readonly NodeCondition[] | undefined): unknown[] {
  return [...(conditions ?? [])]
    .sort((x, y) => (x.type < y.type ? -1 : x.type > y.type ? 1 : 0))
    .map(({ lastHeartbeatTime: _h, ...c }: NodeCondition) => c);
}

/** Returns the events the condition setters record, in setter order. [NSTAT7] */
export function conditionEvents(
  original: readonly NodeCondition[] | undefined,
  next: readonly NodeCondition[],
): string[] {
  const events: string[] = [];
  for (const c of next) {
    const old = original?.find((o) => o.type === c.type);
    const event = CONDITION_EVENTS[c.type];
    if (!event || old?.status === c.status) continue;
    if (c.type === 'Ready' && !old) continue;
    events.push(event);
  }
  return events;
}
