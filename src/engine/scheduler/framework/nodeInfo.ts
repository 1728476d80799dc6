import type { Node } from '../../api/types';
import type { PodInfo } from './podInfo';
import type { Allocatable, Resource } from './resource';
import { add, nodeAllocatable, subtract, zeroResource } from './resource';

// framework.NodeInfo: one node plus the sums of what its pods request, kept incrementally so a
// pod event costs O(1) and a scheduling cycle reads a node in O(1).

/** A node and the pods the scheduler believes run on it (bound or assumed). */
export class NodeInfo {
  /** Undefined for a node the cache has pods for but has not seen (or has seen deleted). */
  node: Node | undefined;
  readonly pods = new Map<string, PodInfo>();
  /** Σ requests of the pods here (filtering). */
  readonly requested: Resource = zeroResource();
  /** Σ requests with 100m / 200Mi defaults (scoring). */
  readonly nonZeroRequested: Resource = zeroResource();
  allocatable: Allocatable = { milliCPU: 0, memory: 0, pods: 0 };
  /** Bumped on every change, as NodeInfo.Generation. */
  generation = 0;
  /** Pod count per priority, so preemption asks "any lower-priority pod?" without a scan. */
  private readonly priorities = new Map<number, number>();

  constructor(readonly name: string) {}

  /** Sets or replaces the node object. */
  setNode(node: Node): void {
    this.node = node;
    this.allocatable = nodeAllocatable(node);
    this.generation++;
  }

  /** Forgets the node object, keeping its pods (a node deleted before its pods). */
  removeNode(): void {
    this.node = undefined;
    this.generation++;
  }

  /** Adds a pod's requests. */
  addPod(pi: PodInfo): void {
    this.pods.set(pi.key, pi);
    this.priorities.set(pi.priority, (this.priorities.get(pi.priority) ?? 0) + 1);
    add(this.requested, pi.requests);
    add(this.nonZeroRequested, pi.nonZeroRequests);
    this.generation++;
  }

  /** Removes a pod's requests; returns whether it was here. */
  removePod(key: string): boolean {
    const pi = this.pods.get(key);
    if (!pi) return false;
    this.pods.delete(key);
    const n = (this.priorities.get(pi.priority) ?? 1) - 1;
    if (n === 0) this.priorities.delete(pi.priority);
    else this.priorities.set(pi.priority, n);
    subtract(this.requested, pi.requests);
    subtract(this.nonZeroRequested, pi.nonZeroRequests);
    this.generation++;
    return true;
  }

  /** Reports whether any pod here has a priority below p. */
  hasPodBelowPriority(p: number): boolean {
    for (const q of this.priorities.keys()) if (q < p) return true;
    return false;
  }

  /** Returns a copy without the pods drop() selects, for preemption's what-if evaluation. */
  without(drop: (pi: PodInfo) => boolean): NodeInfo {
    const copy = new NodeInfo(this.name);
    copy.node = this.node;
    copy.allocatable = this.allocatable;
    for (const pi of this.pods.values()) if (!drop(pi)) copy.addPod(pi);
    return copy;
  }
}

/** What a scheduling cycle reads: the nodes in evaluation order, and lookup by name. */
export interface NodeInfoLister {
  /** Returns every node with a Node object, zones interleaved (the cache's node tree order). */
  list(): readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
}
