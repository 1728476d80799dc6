import type { Node, NodeCondition } from '../../api/types';
import { RateLimitedTimedQueue, TokenBucket } from './rateLimitedQueue';

// Zones and their disruption states (node_lifecycle_controller.go handleDisruption,
// ComputeZoneState, setLimiterInZone; component-helpers node/topology GetZoneKey).
//   [ZONE1] a zone is the region and zone labels; nodes without them share the zone "".
//   [ZONE2] a zone with no Ready node is FullDisruption; with more than 2 and at least 55% not
//           Ready, PartialDisruption; otherwise Normal.
//   [ZONE3] Normal and FullDisruption taint at --node-eviction-rate (0.1 nodes/s);
//           PartialDisruption at --secondary-node-eviction-rate (0.01) in zones larger than
//           --large-cluster-size-threshold (50) and not at all in smaller ones.
//   [ZONE4] when every zone is fully disrupted the controller blames itself, not the nodes: it
//           stops tainting and removes the NoExecute taints everywhere. When a zone recovers it
//           restarts every node's grace period.

/** Disruption state of a zone. */
export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** kube-controller-manager's eviction flags, at their defaults. */
export const NODE_EVICTION_RATE = 0.1;
export const SECONDARY_NODE_EVICTION_RATE = 0.01;
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;

/** The label that keeps a node out of the disruption count. */
export const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

const ZONE_LABELS = ['failure-domain.beta.kubernetes.io/zone', 'topology.kubernetes.io/zone'];
const REGION_LABELS = ['failure-domain.beta.kubernetes.io/region', 'topology.kubernetes.io/region'];

function firstLabel(labels: Record<string, string>, keys: readonly string[]): string {
  for (const k of keys) if (k in labels) return labels[k] ?? '';
  return '';
}

/** Returns the node's zone key (GetZoneKey). [ZONE1] */
export function zoneKey(node: Node): string {
  const labels = node.metadata?.labels ?? {};
  const zone = firstLabel(labels, ZONE_LABELS);
  const region = firstLabel(labels, REGION_LABELS);
  if (region === '' && zone === '') return '';
  // The NUL guards against colons in the values, as upstream does.
  return `${region}:\u0000:${zone}`;
}

/** Returns how many nodes are not Ready and the zone's state (ComputeZoneState). [ZONE2] */
export function computeZoneState(
  readyConditions: readonly (NodeCondition | undefined)[],
): [number, ZoneState] {
  const ready = readyConditions.filter((c) => c?.status === 'True').length;
  const notReady = readyConditions.length - ready;
  if (ready === 0 && notReady > 0) return [notReady, 'FullDisruption'];
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD)
    return [notReady, 'PartialDisruption'];
  return [notReady, 'Normal'];
}

/** What handleDisruption asks the controller to do besides changing rates. [ZONE4] */
export type DisruptionAction = 'none' | 'markAllReachable' | 'resetProbes';

/** Every zone's state and its queue of nodes waiting to be tainted. */
export class Zones {
  readonly states = new Map<string, ZoneState>();
  readonly tainters = new Map<string, RateLimitedTimedQueue>();

  /** Starts tracking a zone (addPodEvictorForNewZone); reports whether it was new. */
  add(zone: string): boolean {
    if (this.states.has(zone)) return false;
    this.states.set(zone, 'Initial');
    this.tainters.set(zone, new RateLimitedTimedQueue(new TokenBucket(NODE_EVICTION_RATE)));
    return true;
  }

  /** Reports whether any zone has nodes waiting to be tainted. */
  pending(): boolean {
    for (const q of this.tainters.values()) if (q.pending()) return true;
    return false;
  }

  /** Updates zone states and tainting rates from this pass's Ready conditions. [ZONE3][ZONE4] */
  handleDisruption(
    zoneConditions: ReadonlyMap<string, readonly (NodeCondition | undefined)[]>,
    now: number,
  ): DisruptionAction {
    const next = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, conditions] of zoneConditions) {
      const [, state] = computeZoneState(conditions);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      next.set(zone, state);
      if (!this.states.has(zone)) this.states.set(zone, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of this.states) {
      if (!zoneConditions.has(zone)) {
        this.states.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') {
        allWasFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return 'none';
    // The caller removes the taints first, then calls stopTainting.
    if (allAreFullyDisrupted) return 'markAllReachable';
    for (const [zone, state] of this.states) {
      const want = next.get(zone);
      if (!want || (state === want && !allWasFullyDisrupted)) continue;
      this.setLimiter(zone, zoneConditions.get(zone)?.length ?? 0, want, now);
      this.states.set(zone, want);
    }
    return allWasFullyDisrupted ? 'resetProbes' : 'none';
  }

  /** Stops tainting in every zone: all are fully disrupted. [ZONE4] */
  stopTainting(now: number): void {
    for (const zone of this.states.keys()) {
      this.tainters.get(zone)?.swapLimiter(0, now);
      this.states.set(zone, 'FullDisruption');
    }
  }

  private setLimiter(zone: string, size: number, state: ZoneState, now: number): void {
    const queue = this.tainters.get(zone);
    if (state === 'PartialDisruption')
      queue?.swapLimiter(
        size > LARGE_CLUSTER_SIZE_THRESHOLD ? SECONDARY_NODE_EVICTION_RATE : 0,
        now,
      );
    else if (state !== 'Initial') queue?.swapLimiter(NODE_EVICTION_RATE, now);
  }
}
