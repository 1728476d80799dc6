import { matches, type Labels, type Requirement } from '../../api/labels';
import type { Node, Pod, Taint } from '../../api/types';
import { HostPortInfo, hostPorts } from './hostPorts';
import type { PodInfo } from './podInfo';
import { PodLabelIndex } from './podLabelIndex';
import { nodeAllocatable } from './resource';
import {
  ALLOCATABLE_MEMORY,
  ALLOCATABLE_MILLI_CPU,
  ALLOWED_POD_NUMBER,
  AmountSlab,
  NON_ZERO_MEMORY,
  NON_ZERO_MILLI_CPU,
  NUM_PODS,
  REQUESTED_MEMORY,
  REQUESTED_MILLI_CPU,
  ROW,
} from './amountSlab';

// framework.NodeInfo: one node plus the sums of what its pods request, kept incrementally so a
// pod event costs O(1) and a scheduling cycle reads a node in O(1).

/** An image's size and how many nodes hold it (framework.ImageStateSummary). */
export interface ImageStateSummary {
  size: number;
  numNodes: number;
}

/** Reports whether a pod has pod affinity or anti-affinity of any kind (podWithAffinity). */
export function podWithAffinity(pod: Pod): boolean {
  const a = pod.spec?.affinity;
  return Boolean(a && (a.podAffinity || a.podAntiAffinity));
}

/** Reports whether a pod has required pod anti-affinity (podWithRequiredAntiAffinity). */
export function podWithRequiredAntiAffinity(pod: Pod): boolean {
  const terms = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return (terms ?? []).length > 0;
}

// Label keys as small numbers, so that a node keeps each key's value at an array index. Keys come
// from topology keys, a handful per cluster.
const labelKeyIds = new Map<string, number>();
const labelKeys: string[] = [];

/** Returns the number standing for a label key in NodeInfo.labelValueOf. */
export function labelKeyId(key: string): number {
  let id = labelKeyIds.get(key);
  if (id === undefined) {
    id = labelKeys.push(key) - 1;
    labelKeyIds.set(key, id);
  }
  return id;
}

/** A node and the pods the scheduler believes run on it (bound or assumed). */
export class NodeInfo {
  #node: Node | undefined;
  // What Filter and Score read of the node on every node of every cycle, copied out of the Node
  // object when it is set: one object fetched from memory instead of three or four.
  #labels: Labels;
  #taints: readonly Taint[] | undefined;
  #unschedulable = false;
  readonly pods = new Map<string, PodInfo>();
  // Allocatable, Requested and NonZeroRequested, and the pod count: a row of the cache's slab,
  // or of one of its own (amountSlab.ts).
  #slab: AmountSlab;
  #row: number;
  /** Bumped on every change, as NodeInfo.Generation. */
  generation = 0;
  /** Pod count per priority, so preemption asks "any lower-priority pod?" without a scan. */
  private readonly priorities = new Map<number, number>();
  /** Host ports the pods here hold (UsedPorts). */
  readonly usedPorts = new HostPortInfo();
  /** node.status.images by name with their cluster-wide spread; the cache sets it (ImageStates). */
  imageStates: ReadonlyMap<string, ImageStateSummary> = new Map();
  /** Pods here with pod affinity or anti-affinity, by key (PodsWithAffinity). */
  readonly podsWithAffinity = new Map<string, PodInfo>();
  /** Pods here with required pod anti-affinity, by key (PodsWithRequiredAntiAffinity). */
  readonly podsWithRequiredAntiAffinity = new Map<string, PodInfo>();
  private readonly byLabel = new PodLabelIndex();
  // countMatching's memo: the last two keys counted here and their counts, valid for one
  // generation. Plain fields rather than a map: they are read on every feasible node of every
  // cycle, and a map would be one more object to fetch from memory each time.
  private memoGeneration = -1;
  private memoKey0: string | undefined;
  private memoCount0 = 0;
  private memoKey1: string | undefined;
  private memoCount1 = 0;
  // Label values by labelKeyId, filled in as they are asked for (null: the node lacks the key).
  #labelValues: (string | null | undefined)[] = [];

  /** Makes a node's record; the cache passes its slab so that its nodes' numbers sit together. */
  constructor(
    readonly name: string,
    slab: AmountSlab = new AmountSlab(1),
  ) {
    this.#slab = slab;
    this.#row = slab.alloc();
  }

  /** Undefined for a node the cache has pods for but has not seen (or has seen deleted). */
  get node(): Node | undefined {
    return this.#node;
  }

  /** Returns node.metadata.labels. */
  get labels(): Labels {
    return this.#labels;
  }

  /** Returns the value of one of node.metadata.labels, undefined when absent. */
  labelValue(key: string): string | undefined {
    return this.labelValueOf(labelKeyId(key));
  }

  /**
   * Returns labelValue for the key a labelKeyId stands for. Spreading and pod affinity ask every
   * node they visit for the same few topology keys each cycle: the answers are remembered until
   * the node object changes, and looked up by number.
   */
  labelValueOf(id: number): string | undefined {
    const value = this.#labelValues[id];
    if (value !== undefined) return value ?? undefined;
    return this.#lookUpLabel(id);
  }

  #lookUpLabel(id: number): string | undefined {
    const key = labelKeys[id] as string;
    const labels = this.#labels;
    const value = labels && Object.hasOwn(labels, key) ? labels[key] : null;
    this.#labelValues[id] = value;
    return value ?? undefined;
  }

  /** Returns node.spec.taints. */
  get taints(): readonly Taint[] | undefined {
    return this.#taints;
  }

  /**
   * Returns the array holding the node's numbers, its row starting at amountsOffset (columns in
   * amountSlab.ts). Loops over hundreds of nodes index it directly, reading a node's numbers
   * for less than the getters below cost one by one.
   */
  get amounts(): Float64Array {
    return this.#slab.data;
  }

  /** Returns where the node's row starts in amounts. */
  get amountsOffset(): number {
    return this.#row;
  }

  /** Returns status.allocatable cpu in millicores. */
  get allocatableMilliCPU(): number {
    return this.#slab.data[this.#row + ALLOCATABLE_MILLI_CPU] as number;
  }

  /** Returns status.allocatable memory in bytes. */
  get allocatableMemory(): number {
    return this.#slab.data[this.#row + ALLOCATABLE_MEMORY] as number;
  }

  /** Returns status.allocatable pods (AllowedPodNumber). */
  get allowedPodNumber(): number {
    return this.#slab.data[this.#row + ALLOWED_POD_NUMBER] as number;
  }

  /** Returns Σ CPU requests of the pods here (filtering). */
  get requestedMilliCPU(): number {
    return this.#slab.data[this.#row + REQUESTED_MILLI_CPU] as number;
  }

  /** Returns Σ memory requests of the pods here (filtering). */
  get requestedMemory(): number {
    return this.#slab.data[this.#row + REQUESTED_MEMORY] as number;
  }

  /** Returns Σ CPU requests with 100m for absent ones (scoring). */
  get nonZeroRequestedMilliCPU(): number {
    return this.#slab.data[this.#row + NON_ZERO_MILLI_CPU] as number;
  }

  /** Returns Σ memory requests with 200Mi for absent ones (scoring). */
  get nonZeroRequestedMemory(): number {
    return this.#slab.data[this.#row + NON_ZERO_MEMORY] as number;
  }

  /** Returns the number of pods here (len(Pods)). */
  get numPods(): number {
    return this.#slab.data[this.#row + NUM_PODS] as number;
  }

  /** Returns node.spec.unschedulable (cordoned). */
  get unschedulable(): boolean {
    return this.#unschedulable;
  }

  /** Sets or replaces the node object. */
  setNode(node: Node): void {
    this.#setNode(node);
    const a = nodeAllocatable(node);
    const data = this.#slab.data;
    data[this.#row + ALLOCATABLE_MILLI_CPU] = a.milliCPU;
    data[this.#row + ALLOCATABLE_MEMORY] = a.memory;
    data[this.#row + ALLOWED_POD_NUMBER] = a.pods;
    this.generation++;
  }

  /** Forgets the node object, keeping its pods (a node deleted before its pods). */
  removeNode(): void {
    this.#setNode(undefined);
    this.generation++;
  }

  #setNode(node: Node | undefined): void {
    this.#node = node;
    this.#labels = node?.metadata?.labels;
    this.#labelValues = [];
    this.#taints = node?.spec?.taints;
    this.#unschedulable = node?.spec?.unschedulable === true;
  }

  /** Adds a pod's requests. */
  addPod(pi: PodInfo): void {
    this.pods.set(pi.key, pi);
    this.priorities.set(pi.priority, (this.priorities.get(pi.priority) ?? 0) + 1);
    this.#addRequests(pi, 1);
    for (const p of hostPorts(pi.pod)) this.usedPorts.add(p);
    if (podWithAffinity(pi.pod)) this.podsWithAffinity.set(pi.key, pi);
    if (podWithRequiredAntiAffinity(pi.pod)) this.podsWithRequiredAntiAffinity.set(pi.key, pi);
    this.byLabel.add(pi);
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
    this.#addRequests(pi, -1);
    for (const p of hostPorts(pi.pod)) this.usedPorts.remove(p);
    this.podsWithAffinity.delete(key);
    this.podsWithRequiredAntiAffinity.delete(key);
    this.byLabel.remove(pi);
    this.generation++;
    return true;
  }

  #addRequests(pi: PodInfo, sign: 1 | -1): void {
    const data = this.#slab.data;
    const add = (i: number, r: number): void => {
      data[this.#row + i] = (data[this.#row + i] as number) + sign * r;
    };
    add(REQUESTED_MILLI_CPU, pi.requests.milliCPU);
    add(REQUESTED_MEMORY, pi.requests.memory);
    add(NON_ZERO_MILLI_CPU, pi.nonZeroRequests.milliCPU);
    add(NON_ZERO_MEMORY, pi.nonZeroRequests.memory);
    add(NUM_PODS, 1);
  }

  /**
   * Returns the pods that may match a label selector: those carrying a value of its most
   * selective In/= requirement, or every pod when it has none. Callers still match each one.
   */
  podsMaybeMatching(requirements: readonly Requirement[]): Iterable<PodInfo> {
    return this.byLabel.candidates(requirements) ?? this.pods.values();
  }

  /**
   * Counts the pods of namespace ns, not being deleted, that the requirements select
   * (PodTopologySpread's countPodsMatchSelector). Scoring asks every feasible node this for each
   * pod, with the same selector for all the pods of a workload, while a cycle changes one node, so
   * the count is remembered until the node changes. key names the namespace and requirements;
   * comparing it is cheapest when callers pass the same string object every time. The lookup is
   * kept apart from the counting so that it is small enough to be inlined into callers' loops.
   */
  countMatching(requirements: readonly Requirement[], key: string, ns: string): number {
    if (this.memoGeneration === this.generation) {
      if (this.memoKey0 === key) return this.memoCount0;
      if (this.memoKey1 === key) return this.memoCount1;
    }
    return this.#countAndRemember(requirements, key, ns);
  }

  #countAndRemember(requirements: readonly Requirement[], key: string, ns: string): number {
    if (this.memoGeneration !== this.generation) {
      this.memoGeneration = this.generation;
      this.memoKey0 = this.memoKey1 = undefined;
    }
    let count = 0;
    for (const pi of this.podsMaybeMatching(requirements)) {
      const meta = pi.pod.metadata;
      if (meta?.deletionTimestamp || (meta?.namespace ?? '') !== ns) continue;
      if (matches(requirements, meta?.labels)) count++;
    }
    this.memoKey1 = this.memoKey0;
    this.memoCount1 = this.memoCount0;
    this.memoKey0 = key;
    this.memoCount0 = count;
    return count;
  }

  /** Reports whether any pod here has a priority below p. */
  hasPodBelowPriority(p: number): boolean {
    for (const q of this.priorities.keys()) if (q < p) return true;
    return false;
  }

  /**
   * Moves the numbers out of the cache's slab into one of the node's own, freeing the row: the
   * cache forgets the node, but a cycle or a preemption in flight may still read it.
   */
  detach(): void {
    const own = new AmountSlab(1);
    const row = own.alloc();
    own.data.set(this.#slab.data.subarray(this.#row, this.#row + ROW), row);
    this.#slab.release(this.#row);
    this.#slab = own;
    this.#row = row;
  }

  /** Returns a copy to change in a what-if evaluation (Snapshot): preemption, nominated pods. */
  snapshot(): NodeInfo {
    const copy = new NodeInfo(this.name);
    copy.#setNode(this.#node);
    const from = this.#slab.data.subarray(this.#row, this.#row + ALLOWED_POD_NUMBER + 1);
    copy.#slab.data.set(from, copy.#row);
    copy.imageStates = this.imageStates;
    for (const pi of this.pods.values()) copy.addPod(pi);
    return copy;
  }
}

/** What a scheduling cycle reads: the nodes in evaluation order, and lookup by name. */
export interface NodeInfoLister {
  /** Returns every node with a Node object, zones interleaved (the cache's node tree order). */
  list(): readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  /** Returns an image's size and how many nodes hold it, if any does (the cache's imageStates). */
  imageState?(name: string): ImageStateSummary | undefined;
  /** Returns the nodes holding a pod with pod (anti-)affinity (HavePodsWithAffinityList). */
  havePodsWithAffinityList?(): readonly NodeInfo[];
  /** Returns how many nodes carry a label key (the cache counts them as nodes come and go). */
  nodesWithLabel?(key: string): number;
  /** Returns the nodes holding a pod with required anti-affinity (HavePodsWithRequiredAntiAffinityList). */
  havePodsWithRequiredAntiAffinityList?(): readonly NodeInfo[];
}
