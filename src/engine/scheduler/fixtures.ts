import type { Node, Pod, Taint, Toleration } from '../api/types';
import { NodeInfo } from './framework/nodeInfo';
import type { PodInfo } from './framework/podInfo';
import { newPodInfo } from './framework/podInfo';

// Builders for the scheduler's table tests (st.MakePod / st.MakeNode in upstream's testing
// package): small objects with only the fields a case needs.

/** What a test pod may set. */
export interface PodOptions {
  name?: string;
  cpu?: string;
  memory?: string;
  priority?: number;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  affinity?: NonNullable<Pod['spec']>['affinity'];
  nodeName?: string;
  preemptionPolicy?: string;
}

/** Builds a pending pod's PodInfo. */
export function makePod(o: PodOptions = {}): PodInfo {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  const name = o.name ?? 'p';
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: {
      containers: [{ name: 'app', image: 'nginx', resources: { requests } }],
      priority: o.priority,
      tolerations: o.tolerations,
      nodeSelector: o.nodeSelector,
      affinity: o.affinity,
      nodeName: o.nodeName,
      preemptionPolicy: o.preemptionPolicy,
    },
  };
  return newPodInfo(pod);
}

/** What a test node may set. */
export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

/** Builds a Node object. */
export function makeNode(name: string, o: NodeOptions = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: o.labels },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: {
      allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110' },
    },
  };
}

/** Builds a NodeInfo holding the given pods. */
export function makeNodeInfo(name: string, o: NodeOptions = {}, pods: PodInfo[] = []): NodeInfo {
  const ni = new NodeInfo(name);
  ni.setNode(makeNode(name, o));
  for (const p of pods) ni.addPod(p);
  return ni;
}
