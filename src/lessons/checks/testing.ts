import type { KubeObject } from '../../engine/api/object';
import type { TraceMessage } from '../../engine/trace/message';
import type { ClusterView } from './check';

// Hand-made objects and a view over them, for the check tables: each case states the cluster it
// judges in a few lines instead of running an engine.

/** Returns a Running pod with labels on a node. */
export function runningPod(name: string, node: string, labels = { app: 'web' }): KubeObject {
  return {
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { nodeName: node, containers: [{ name: 'nginx', image: 'nginx' }] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: { running: {} } }],
    },
  };
}

/** Returns a Pending pod the scheduler could not place, with its PodScheduled message. */
export function unschedulablePod(name: string, message: string, labels = { app: 'web' }): KubeObject {
  return {
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }],
    },
  };
}

/** Returns a pod whose container waits with a reason and message (ImagePullBackOff …). */
export function waitingPod(name: string, node: string, reason: string, message: string): KubeObject {
  return {
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { nodeName: node, containers: [{ name: 'nginx', image: 'nginx:1.99' }] },
    status: {
      phase: 'Pending',
      containerStatuses: [
        { name: 'nginx', ready: false, restartCount: 0, state: { waiting: { reason, message } } },
      ],
    },
  };
}

/** Returns a node, Ready or with the Ready condition Unknown and the node controller's message. */
export function node(name: string, ready: boolean): KubeObject {
  return {
    kind: 'Node',
    metadata: { name, labels: {} },
    spec: {},
    status: {
      conditions: [
        ready
          ? { type: 'Ready', status: 'True', reason: 'KubeletReady' }
          : {
              type: 'Ready',
              status: 'Unknown',
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
            },
      ],
    },
  };
}

/** Returns a view over fixed objects; `states` holds the history for measure max/min. */
export function fakeView(
  objects: KubeObject[],
  opts: { hops?: Partial<TraceMessage>[]; states?: KubeObject[][] } = {},
): ClusterView {
  const ofKind = (list: readonly KubeObject[], kind: string) => list.filter((o) => o.kind === kind);
  return {
    now: 60_000,
    list: (kind) => ofKind(objects, kind),
    changed: (kind) => ofKind(objects, kind),
    states: (kind) => (opts.states ?? [objects]).map((s) => ofKind(s, kind)),
    hops: () => (opts.hops ?? []) as TraceMessage[],
  };
}
