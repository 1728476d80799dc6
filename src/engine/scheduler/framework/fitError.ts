import { NodeToStatus } from './nodeToStatus';

// framework.FitError (v1.31): why no node fits, in the words of FailedScheduling:
//   "0/3 nodes are available: 1 node(s) had untolerated taint {k: v}, 2 Insufficient cpu.
//    preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."
//   [FIT1] each reason is counted over nodes, "<count> <reason>", and the strings are sorted as
//          Go's sort.Strings sorts them (byte order, so "10 …" sorts before "2 …").
//   [FIT2] a PreFilter rejection replaces the per-node histogram with its own message.
//   [FIT3] the PostFilter (preemption) message is appended after a space, without another period.

/** Formats "0/N nodes are available". */
export const NO_NODE_AVAILABLE_MSG = (n: number): string => `0/${n} nodes are available`;

/** The record of a failed attempt (framework.Diagnosis). */
export interface Diagnosis {
  nodeToStatus: NodeToStatus;
  /** Plugins that rejected at least one node; only their cluster events requeue the pod. */
  unschedulablePlugins: Set<string>;
  /** The PreFilter rejection message, if PreFilter rejected the pod. */
  preFilterMsg: string;
  /** The PostFilter (preemption) message. */
  postFilterMsg: string;
}

/** Returns an empty diagnosis. */
export function newDiagnosis(): Diagnosis {
  return {
    nodeToStatus: new NodeToStatus(),
    unschedulablePlugins: new Set(),
    preFilterMsg: '',
    postFilterMsg: '',
  };
}

/** Formats a FitError exactly as FitError.Error() does. [FIT1][FIT2][FIT3] */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `${NO_NODE_AVAILABLE_MSG(numAllNodes)}:`;
  if (d.preFilterMsg !== '') {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const histogram = reasonHistogram(numAllNodes, d.nodeToStatus);
    if (histogram.length > 0) msg += ` ${histogram.join(', ')}.`;
  }
  if (d.postFilterMsg !== '') msg += ` ${d.postFilterMsg}`;
  return msg;
}

function reasonHistogram(numAllNodes: number, statuses: NodeToStatus): string[] {
  const counts = new Map<string, number>();
  statuses.forEachExplicit((_, s) => {
    for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  });
  const absent = numAllNodes - statuses.size();
  if (absent > 0) {
    for (const r of statuses.absentNodesStatus().reasons)
      counts.set(r, (counts.get(r) ?? 0) + absent);
  }
  const out = [...counts].map(([reason, n]) => `${n} ${reason}`);
  // Go's sort.Strings compares bytes; for these ASCII strings that is UTF-16 code-unit order.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
