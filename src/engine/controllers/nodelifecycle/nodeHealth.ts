import equal from 'fast-deep-equal';
import { wireCopy } from '../../api/object';
import type { Lease, Node, NodeCondition } from '../../api/types';
import { parseTime, rfc3339 } from '../../clock/time';

// What the controller knows of each node's heartbeats (tryUpdateNodeHealth, nodeHealthData).
//   [HEALTH1] probeTimestamp is the controller's own clock reading when it last saw a heartbeat:
//             the Ready condition's lastHeartbeatTime changing, or the Lease's renewTime moving
//             forward. Timestamps written by the kubelet are compared, never trusted as "now".
//   [HEALTH2] a node whose Ready condition was ever posted gets node-monitor-grace-period (50 s);
//             one that never posted gets node-startup-grace-period (60 s) from its creation.
//   [HEALTH3] past the grace period, Ready, MemoryPressure, DiskPressure and PIDPressure become
//             Unknown (NodeStatusUnknown, "Kubelet stopped posting node status.", a new
//             lastTransitionTime, lastHeartbeatTime kept); a missing one is added as
//             NodeStatusNeverUpdated with the creation time as lastHeartbeatTime.
//             NetworkUnavailable is left alone: the network plugin owns it.
//   [HEALTH4] the status is written only when the Ready condition changed.

/** How long a node may go without a heartbeat (--node-monitor-grace-period). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** How long a new node may take to post its first status (--node-startup-grace-period). */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;

/** Reason and message of a condition the kubelet stopped reporting. */
export const NODE_STATUS_UNKNOWN = 'NodeStatusUnknown';
export const NODE_STATUS_UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';
/** Reason and message of a condition the kubelet never reported. */
export const NODE_STATUS_NEVER_UPDATED = 'NodeStatusNeverUpdated';
export const NODE_STATUS_NEVER_UPDATED_MESSAGE = 'Kubelet never posted node status.';

const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

type NodeStatus = NonNullable<Node['status']>;

/** The last observed health of one node, in the controller's clock (virtual ms). [HEALTH1] */
export interface NodeHealth {
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  status: NodeStatus;
  lease: Lease | undefined;
}

/** The outcome of checking one node. */
export interface HealthCheck {
  /** What to remember about the node. */
  health: NodeHealth;
  /** The node; a copy with its conditions set to Unknown when the grace period ran out. */
  node: Node;
  /** The Ready condition as the node had it (a stand-in when it never posted one). */
  observedReady: NodeCondition;
  /** The Ready condition after this check. */
  currentReady: NodeCondition | undefined;
  /** Whether node's status must be written (UpdateStatus). [HEALTH4] */
  updateStatus: boolean;
}

/** Returns the condition of a type from a node status (GetNodeCondition). */
export function nodeCondition(
  status: NodeStatus | undefined,
  type: string,
): NodeCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** Checks a node against its last observed health and Lease at virtual time now. */
export function checkNodeHealth(
  saved: NodeHealth | undefined,
  cached: Node,
  lease: Lease | undefined,
  now: number,
): HealthCheck {
  // The cached node is shared and frozen; it is copied only when its conditions must change.
  const status = cached.status ?? {};
  const created = cached.metadata?.creationTimestamp as string;
  let health = saved && { ...saved };
  const currentReady = nodeCondition(status, 'Ready');
  let observedReady: NodeCondition;
  let grace: number;
  if (!currentReady) {
    observedReady = {
      type: 'Ready',
      status: 'Unknown',
      lastHeartbeatTime: created,
      lastTransitionTime: created,
    };
    grace = NODE_STARTUP_GRACE_PERIOD_MS;
    if (health) health.status = status;
    else health = fresh(status, parseTime(created));
  } else {
    observedReady = { ...currentReady };
    grace = NODE_MONITOR_GRACE_PERIOD_MS;
  }
  const savedReady = health && nodeCondition(health.status, 'Ready');
  const savedLease = health?.lease;
  if (!health || !savedReady !== !currentReady) {
    health = fresh(status, now);
  } else if (
    savedReady &&
    currentReady &&
    savedReady.lastHeartbeatTime !== currentReady.lastHeartbeatTime
  ) {
    const transitioned = savedReady.lastTransitionTime !== currentReady.lastTransitionTime;
    health = {
      ...fresh(status, now),
      readyTransitionTimestamp: transitioned ? now : health.readyTransitionTimestamp,
    };
  }
  if (lease && (!savedLease || renewTime(savedLease) < renewTime(lease))) {
    health.lease = lease;
    health.probeTimestamp = now;
  }
  // Upstream asks for now strictly after probe + grace, and passes run a period after the last
  // one finished, so each is a little late and the pass exactly one grace period on catches it.
  // Virtual passes take no time, so "at or after" is what makes the same pass act.
  if (now < health.probeTimestamp + grace)
    return { health, node: cached, observedReady, currentReady, updateStatus: false };
  const node = wireCopy(cached);
  const marked = (node.status ??= {});
  markUnknown(marked, created, now);
  // Upstream's health record points at the node it marks: keep it so when it was just taken.
  if (health.status === status) health.status = marked;
  const markedReady = nodeCondition(marked, 'Ready');
  const updateStatus = !equal(markedReady, observedReady);
  return { health, node, observedReady, currentReady: markedReady, updateStatus };
}

/** Sets the monitored conditions to Unknown. [HEALTH3] */
function markUnknown(status: NodeStatus, created: string, now: number): void {
  const conditions = (status.conditions ??= []);
  for (const type of MONITORED_CONDITIONS) {
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: NODE_STATUS_NEVER_UPDATED,
        message: NODE_STATUS_NEVER_UPDATED_MESSAGE,
        lastHeartbeatTime: created,
        lastTransitionTime: rfc3339(now),
      });
    } else if (c.status !== 'Unknown') {
      c.status = 'Unknown';
      c.reason = NODE_STATUS_UNKNOWN;
      c.message = NODE_STATUS_UNKNOWN_MESSAGE;
      c.lastTransitionTime = rfc3339(now);
    }
  }
}

function fresh(status: NodeStatus, at: number): NodeHealth {
  return { status, probeTimestamp: at, readyTransitionTimestamp: at, lease: undefined };
}

function renewTime(lease: Lease): number {
  return parseTime(lease.spec?.renewTime);
}
