import type { Code } from './status';
import { Status } from './status';
import type { NodeInfo } from './nodeInfo';

// framework.NodeToStatus (v1.31): the status each rejected node got, plus one status for nodes
// with no explicit entry (those a PreFilter result excluded, or all of them when PreFilter
// rejected the pod).

/** Per-node statuses of a failed scheduling attempt. */
export class NodeToStatus {
  private readonly statuses = new Map<string, Status>();

  /** NewDefaultNodeToStatus: absent nodes are UnschedulableAndUnresolvable with no reason. */
  constructor(private absent: Status = new Status('UnschedulableAndUnresolvable')) {}

  /** Records a node's status. */
  set(node: string, s: Status): void {
    this.statuses.set(node, s);
  }

  /** Returns a node's status, falling back to the absent-nodes status. */
  get(node: string): Status {
    return this.statuses.get(node) ?? this.absent;
  }

  /** Sets the status of nodes without an explicit entry. */
  setAbsentNodesStatus(s: Status): void {
    this.absent = s;
  }

  /** Returns the status of nodes without an explicit entry. */
  absentNodesStatus(): Status {
    return this.absent;
  }

  /** Returns the number of explicit entries. */
  size(): number {
    return this.statuses.size;
  }

  /** Visits the explicit entries in insertion order. */
  forEachExplicit(fn: (node: string, s: Status) => void): void {
    for (const [node, s] of this.statuses) fn(node, s);
  }

  /** Returns the nodes whose status (explicit or absent) has the code, in list order. */
  nodesForCode(nodes: readonly NodeInfo[], code: Code): NodeInfo[] {
    return nodes.filter((n) => this.get(n.name).code === code);
  }
}
