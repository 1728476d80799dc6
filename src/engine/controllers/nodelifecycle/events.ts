import type { Node } from '../../api/types';
import type { EventRecorder } from '../../client/eventRecorder';

// The node lifecycle controller's node events (pkg/controller/util/node RecordNodeEvent,
// RecordNodeStatusChange), as describe node shows them under From "node-controller".

/** The source component of the controller's events (not its trace name). */
export const NODE_CONTROLLER_SOURCE = 'node-controller';

/** Node event reasons. */
export const REGISTERED_NODE = 'RegisteredNode';
export const REMOVING_NODE = 'RemovingNode';
export const NODE_NOT_READY_STATUS = 'NodeNotReady';

/** Returns `Registered Node <node> in Controller`. */
export const registeredNode = (name: string): string => `Registered Node ${name} in Controller`;
/** Returns `Removing Node <node> from Controller`. */
export const removingNode = (name: string): string => `Removing Node ${name} from Controller`;

function nodeRef(node: Node): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.metadata?.name, uid: node.metadata?.uid },
  };
}

/** Records `Node <node> event: <what>` (RecordNodeEvent). */
export function recordNodeEvent(
  recorder: EventRecorder,
  node: Node,
  reason: string,
  what: string,
): void {
  recorder.event(nodeRef(node), 'Normal', reason, `Node ${node.metadata?.name} event: ${what}`);
}

/** Records `Node <node> status is now: <status>` (RecordNodeStatusChange). */
export function recordNodeStatusChange(recorder: EventRecorder, node: Node, status: string): void {
  recorder.event(
    nodeRef(node),
    'Normal',
    status,
    `Node ${node.metadata?.name} status is now: ${status}`,
  );
}
