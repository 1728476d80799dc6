import type { Node } from '../../api/types';
import type { ImageStateSummary, NodeInfoLister } from '../framework/nodeInfo';
import { AmountSlab } from '../framework/amountSlab';
import { NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';
import { NodeTree } from './nodeTree';

// internal/cache/cache.go: NodeInfo per node, kept from informer events plus the pods the
// scheduler has assumed (placed, binding in flight). Every operation is O(1) in the number of
// pods; the node list is rebuilt only when nodes come or go.
//   [CACHE1] an assumed pod counts on its node at once, so the next cycle sees its requests.
//   [CACHE2] the informer's add of a bound pod confirms the assumed one; a failed binding forgets it.
//   [CACHE3] assumed pods do not expire (durationToExpireAssumedPod is 0 since v1.25).
//   [CACHE4] each image name in node.status.images counts the nodes holding it; its size is the
//            one the first such node reported (addNodeImageStates).
//   [CACHE5] the nodes holding pods with pod (anti-)affinity are tracked as pods come and go, so
//            InterPodAffinity visits only them when the incoming pod has no terms of its own.
//   [CACHE6] each label key counts the nodes carrying it, so PodTopologySpread can tell at once
//            that no node has a topology key (a cluster without zones).

interface PodState {
  pod: PodInfo;
  nodeName: string;
}

interface ImageState {
  summary: ImageStateSummary;
  nodes: Set<string>;
}

/** The scheduler's view of nodes and the pods placed on them. */
export class SchedulerCache implements NodeInfoLister {
  private readonly nodes = new Map<string, NodeInfo>();
  private slab = new AmountSlab();
  private tree = new NodeTree();
  private readonly podStates = new Map<string, PodState>();
  private readonly assumed = new Set<string>();
  private listed: NodeInfo[] = [];
  private listedFrom: readonly string[] | undefined;
  private readonly imageStates = new Map<string, ImageState>();
  private readonly withAffinity = new Set<NodeInfo>();
  private readonly withRequiredAntiAffinity = new Set<NodeInfo>();
  private readonly labelKeyNodes = new Map<string, number>();

  /** Returns the nodes in scheduling order, rebuilt only when the set of nodes changed. */
  list(): readonly NodeInfo[] {
    const names = this.tree.list();
    if (names !== this.listedFrom) {
      this.listed = names.map((n) => this.nodes.get(n) as NodeInfo);
      this.listedFrom = names;
    }
    return this.listed;
  }

  /** Returns a known node. */
  get(name: string): NodeInfo | undefined {
    const ni = this.nodes.get(name);
    return ni?.node ? ni : undefined;
  }

  /** Returns an image's state, if some node holds it. [CACHE4] */
  imageState(name: string): ImageStateSummary | undefined {
    return this.imageStates.get(name)?.summary;
  }

  /** Returns the nodes holding a pod with pod (anti-)affinity. [CACHE5] */
  havePodsWithAffinityList(): readonly NodeInfo[] {
    return [...this.withAffinity].filter((ni) => ni.node);
  }

  /** Returns the nodes holding a pod with required pod anti-affinity. [CACHE5] */
  havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[] {
    return [...this.withRequiredAntiAffinity].filter((ni) => ni.node);
  }

  /** Returns how many nodes carry a label key. [CACHE6] */
  nodesWithLabel(key: string): number {
    return this.labelKeyNodes.get(key) ?? 0;
  }

  /** Returns the number of nodes that exist. */
  numNodes(): number {
    return this.tree.size();
  }

  /** Returns the number of pods placed (bound or assumed). */
  numPods(): number {
    return this.podStates.size;
  }

  /** Returns the number of assumed pods. */
  numAssumed(): number {
    return this.assumed.size;
  }

  /** Adds or updates a node; returns its NodeInfo. */
  setNode(node: Node): NodeInfo {
    const name = node.metadata?.name ?? '';
    const ni = this.nodeInfo(name);
    const isNew = !ni.node;
    if (ni.node) {
      this.removeImageStates(ni.node);
      this.countLabelKeys(ni.node, -1);
    }
    ni.setNode(node);
    this.addImageStates(node, ni);
    this.countLabelKeys(node, 1);
    if (isNew) this.tree.add(node);
    else this.tree.update(node);
    return ni;
  }

  /** Removes a node; its NodeInfo lingers while pods still reference it. */
  removeNode(name: string): void {
    const ni = this.nodes.get(name);
    if (!ni) return;
    if (ni.node) {
      this.removeImageStates(ni.node);
      this.countLabelKeys(ni.node, -1);
    }
    ni.removeNode();
    if (ni.pods.size === 0) this.forget(ni);
    this.tree.remove(name);
  }

  /** Places a pod on a node before its binding is confirmed. [CACHE1] */
  assumePod(pod: PodInfo, nodeName: string): void {
    this.place(pod, nodeName);
    this.assumed.add(pod.key);
  }

  /** Reports whether a pod is assumed and not yet confirmed. */
  isAssumed(key: string): boolean {
    return this.assumed.has(key);
  }

  /** Forgets an assumed pod whose binding failed. [CACHE2] */
  forgetPod(key: string): void {
    if (this.assumed.has(key)) this.removePod(key);
  }

  /** Adds (or confirms, or moves) a bound pod seen by the informer. [CACHE2] */
  addPod(pod: PodInfo): void {
    this.removePod(pod.key);
    this.place(pod, pod.pod.spec?.nodeName ?? '');
  }

  /** Removes a pod from its node. */
  removePod(key: string): void {
    const st = this.podStates.get(key);
    if (!st) return;
    const ni = this.nodes.get(st.nodeName);
    ni?.removePod(key);
    if (ni) this.trackAffinity(ni);
    if (ni && !ni.node && ni.pods.size === 0) this.forget(ni);
    this.podStates.delete(key);
    this.assumed.delete(key);
  }

  /** Forgets everything, as a restarted process does. */
  clear(): void {
    this.nodes.clear();
    this.podStates.clear();
    this.assumed.clear();
    this.imageStates.clear();
    this.labelKeyNodes.clear();
    this.withAffinity.clear();
    this.withRequiredAntiAffinity.clear();
    this.tree = new NodeTree();
    // The forgotten nodes keep the old slab; new ones start a fresh one.
    this.slab = new AmountSlab();
  }

  private forget(ni: NodeInfo): void {
    this.nodes.delete(ni.name);
    ni.detach();
  }

  private place(pod: PodInfo, nodeName: string): void {
    const ni = this.nodeInfo(nodeName);
    ni.addPod(pod);
    this.trackAffinity(ni);
    this.podStates.set(pod.key, { pod, nodeName });
  }

  private trackAffinity(ni: NodeInfo): void {
    if (ni.podsWithAffinity.size > 0) this.withAffinity.add(ni);
    else this.withAffinity.delete(ni);
    if (ni.podsWithRequiredAntiAffinity.size > 0) this.withRequiredAntiAffinity.add(ni);
    else this.withRequiredAntiAffinity.delete(ni);
  }

  /** Counts (delta 1) or uncounts (−1) the node under each of its label keys. [CACHE6] */
  private countLabelKeys(node: Node, delta: 1 | -1): void {
    for (const key of Object.keys(node.metadata?.labels ?? {})) {
      const n = (this.labelKeyNodes.get(key) ?? 0) + delta;
      if (n === 0) this.labelKeyNodes.delete(key);
      else this.labelKeyNodes.set(key, n);
    }
  }

  /** Counts the node in each of its images' states and gives it their summaries. [CACHE4] */
  private addImageStates(node: Node, ni: NodeInfo): void {
    const name = node.metadata?.name ?? '';
    const mine = new Map<string, ImageStateSummary>();
    for (const image of node.status?.images ?? []) {
      for (const imageName of image.names ?? []) {
        let state = this.imageStates.get(imageName);
        if (!state) {
          state = { summary: { size: image.sizeBytes ?? 0, numNodes: 0 }, nodes: new Set() };
          this.imageStates.set(imageName, state);
        }
        state.nodes.add(name);
        state.summary.numNodes = state.nodes.size;
        mine.set(imageName, state.summary);
      }
    }
    ni.imageStates = mine;
  }

  /** Uncounts the node from its images' states, dropping images no node holds. [CACHE4] */
  private removeImageStates(node: Node): void {
    const name = node.metadata?.name ?? '';
    for (const image of node.status?.images ?? []) {
      for (const imageName of image.names ?? []) {
        const state = this.imageStates.get(imageName);
        if (!state) continue;
        state.nodes.delete(name);
        state.summary.numNodes = state.nodes.size;
        if (state.nodes.size === 0) this.imageStates.delete(imageName);
      }
    }
  }

  private nodeInfo(name: string): NodeInfo {
    let ni = this.nodes.get(name);
    if (!ni) {
      ni = new NodeInfo(name, this.slab);
      this.nodes.set(name, ni);
    }
    return ni;
  }
}
