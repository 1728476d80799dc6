import type { Binding } from '../../../api/types';
import type { Task } from '../../../client/task';
import { request } from '../../../client/task';
import type { BindPlugin } from '../../framework/interface';
import type { PodInfo } from '../../framework/podInfo';
import { SUCCESS, Status } from '../../framework/status';
import { DefaultBinder } from '../names';

// defaultbinder: POST pods/<name>/binding with a Binding naming the node; the apiserver sets
// spec.nodeName and PodScheduled=True in one write.

/** Returns the Binding the scheduler posts for a pod. */
export function bindingFor(pod: PodInfo, nodeName: string): Binding {
  const meta = pod.pod.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { namespace: meta.namespace, name: meta.name, uid: meta.uid },
    target: { kind: 'Node', name: nodeName },
  };
}

/** Posts the binding; an API error becomes an Error status carrying the apiserver's message. */
export function* bind(pod: PodInfo, nodeName: string): Task<Status> {
  const meta = pod.pod.metadata ?? {};
  const res = yield* request({
    verb: 'create',
    resource: 'pods',
    subresource: 'binding',
    namespace: meta.namespace,
    name: meta.name,
    body: bindingFor(pod, nodeName),
  });
  return res.error ? new Status('Error', [res.error.message]) : SUCCESS;
}

/** Builds the DefaultBinder plugin. */
export function newDefaultBinder(): BindPlugin {
  return { name: DefaultBinder, bind: (_state, pod, nodeName) => bind(pod, nodeName) };
}
