import type { KubeObject } from '../../engine/api/object';
import type { Node, Pod } from '../../engine/api/types';
import { nodeTable } from '../../engine/kubectl/printers/node';
import { podTable } from '../../engine/kubectl/printers/pod';

// kubectl's STATUS column, and the words that say why an object stands where it does. Both come
// from the objects themselves, so an explanation names what the student can see with kubectl.

const STATUS_COLUMN = 2;
const NODE_STATUS_COLUMN = 1;

/** Returns kubectl get's STATUS text for a Pod or Node, or undefined for other kinds. */
export function statusText(kind: string, obj: KubeObject, now: number): string | undefined {
  if (kind === 'Pod') return podTable.row(obj, now)[STATUS_COLUMN];
  if (kind === 'Node') return nodeTable.row(obj, now)[NODE_STATUS_COLUMN];
  return undefined;
}

/**
 * Returns why an object is where it is, in the cluster's own words: a pending pod's PodScheduled
 * message ("0/3 nodes are available: 3 Insufficient cpu."), a waiting container's reason and
 * message, a NotReady node's Ready message; '' when there is nothing to add.
 */
export function reasonText(kind: string, obj: KubeObject): string {
  if (kind === 'Pod') return podReason(obj as Pod);
  if (kind === 'Node') return nodeReason(obj as Node);
  return '';
}

function podReason(pod: Pod): string {
  if (pod.metadata?.deletionTimestamp) return 'it is being deleted';
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.message) return scheduled.message;
  if (!pod.spec?.nodeName) return 'the scheduler has not bound it to a node yet';
  for (const cs of pod.status?.containerStatuses ?? []) {
    const waiting = cs.state?.waiting;
    if (waiting?.reason && waiting.message) return `${waiting.reason}: ${waiting.message}`;
    const last = cs.lastState?.terminated;
    if (waiting?.reason === 'CrashLoopBackOff' && last) {
      return `container ${cs.name} exited with code ${last.exitCode}, restarted ${cs.restartCount} times`;
    }
  }
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status === 'False' && ready.message) return ready.message;
  return '';
}

function nodeReason(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready && ready.status !== 'True' && ready.message) return ready.message;
  if (node.spec?.unschedulable) return 'it is cordoned (spec.unschedulable)';
  return '';
}

/** Returns " is STATUS on NODE — reason" for an explanation, without repeating the status. */
export function standing(kind: string, obj: KubeObject, now: number): string {
  const status = statusText(kind, obj, now);
  const node = kind === 'Pod' ? (obj as Pod).spec?.nodeName : undefined;
  const where = status ? ` is ${status}${node ? ` on ${node}` : ''}` : ' does not match';
  let reason = reasonText(kind, obj).replace(/\.$/, '');
  if (status && reason.startsWith(`${status}: `)) reason = reason.slice(status.length + 2);
  return `${where}${reason ? ` — ${reason}` : ''}`;
}
