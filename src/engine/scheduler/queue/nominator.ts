import type { Pod } from '../../api/types';
import type { PodInfo } from '../framework/podInfo';
import { podKey } from '../framework/podInfo';

// nominator (internal/queue/nominator.go, v1.31): which pending pods have a node set aside for
// them, so later cycles count those pods there.
//   [NOM1] a pod is nominated where preemption put it (an override), else where its
//          status.nominatedNodeName says (noop); an override to "" drops the nomination.
//   [NOM2] an update with no nominatedNodeName on either side keeps the nomination the
//          scheduler made in memory, since its status patch may not have been seen yet.
//   [NOM3] a pod is forgotten when it is deleted, bound, or assumed.

/** What plugins may ask about nominations (framework.PodNominator). */
export interface PodNominator {
  /** Returns the pods nominated to a node, in nomination order. */
  nominatedPodsForNode(node: string): readonly PodInfo[];
}

const NONE: readonly PodInfo[] = [];

/** The nominated pods, by node. */
export class Nominator implements PodNominator {
  private readonly byNode = new Map<string, PodInfo[]>();
  private readonly nodeOf = new Map<string, string>();

  /** Nominates a pod to node, or to its status.nominatedNodeName when node is undefined. [NOM1] */
  add(pi: PodInfo, node?: string): void {
    this.delete(pi.key);
    const name = node ?? pi.pod.status?.nominatedNodeName ?? '';
    if (name === '') return;
    this.nodeOf.set(pi.key, name);
    const pods = this.byNode.get(name);
    if (pods) pods.push(pi);
    else this.byNode.set(name, [pi]);
  }

  /** Follows a pod update, keeping an in-memory nomination the update does not mention. [NOM2] */
  update(old: Pod, pi: PodInfo): void {
    const keep =
      !old.status?.nominatedNodeName && !pi.pod.status?.nominatedNodeName
        ? this.nodeOf.get(podKey(old))
        : undefined;
    this.delete(podKey(old));
    this.add(pi, keep);
  }

  /** Forgets a pod's nomination. [NOM3] */
  delete(key: string): void {
    const node = this.nodeOf.get(key);
    if (node === undefined) return;
    const rest = (this.byNode.get(node) ?? []).filter((p) => p.key !== key);
    if (rest.length > 0) this.byNode.set(node, rest);
    else this.byNode.delete(node);
    this.nodeOf.delete(key);
  }

  nominatedPodsForNode(node: string): readonly PodInfo[] {
    // Filter asks this for every node it visits; usually nothing is nominated anywhere.
    if (this.byNode.size === 0) return NONE;
    return this.byNode.get(node) ?? NONE;
  }

  /** Forgets every nomination, as a restarted process does. */
  clear(): void {
    this.byNode.clear();
    this.nodeOf.clear();
  }
}
