import { wireCopy } from '../../api/object';
import type { Pod } from '../../api/types';
import type { EventRecorder } from '../../client/eventRecorder';
import { request, type Task } from '../../client/task';
import { updatePodCondition } from '../tainteviction/podCondition';

// MarkPodsNotReady (pkg/controller/util/node): the pods of a node that stopped being Ready stop
// counting as Ready too, so Services take them out of their endpoints.
//   [MPNR1] each pod's Ready condition becomes False (same reason and message, a new
//           lastTransitionTime) with a PUT of pods/status; container statuses are left alone, so
//           kubectl still prints 1/1 Running.
//   [MPNR2] a pod already Ready=False, or without a Ready condition, is not written.
//   [MPNR3] after each write, a Warning NodeNotReady "Node is not ready" event about the pod;
//           a pod already gone is skipped silently.

/** The pod event's reason and message. */
export const NODE_NOT_READY = 'NodeNotReady';
export const NODE_NOT_READY_MESSAGE = 'Node is not ready';

/** Marks the node's pods not Ready; returns whether every write succeeded. */
export function* markPodsNotReady(
  pods: readonly Pod[],
  nodeName: string,
  recorder: EventRecorder,
  now: () => number,
): Task<boolean> {
  let ok = true;
  for (const cached of pods) {
    if (cached.spec?.nodeName !== nodeName) continue;
    const pod = wireCopy(cached);
    const status = (pod.status ??= {});
    const ready = status.conditions?.find((c) => c.type === 'Ready');
    if (!ready || !updatePodCondition(status, { ...ready, status: 'False' }, now())) continue;
    const meta = pod.metadata ?? {};
    const res = yield* request({
      verb: 'update',
      resource: 'pods',
      subresource: 'status',
      namespace: meta.namespace,
      name: meta.name,
      body: pod,
    });
    if (res.code === 404) continue;
    if (res.error) ok = false;
    recorder.event(pod, 'Warning', NODE_NOT_READY, NODE_NOT_READY_MESSAGE);
  }
  return ok;
}
