import { describe, expect, it } from 'vitest';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import type { Node } from '../../api/types';
import { at, event, pod } from '../printers/testdata';
import { node, nodeLease } from '../printers/testdataCluster';
import { describe as describeObject } from './index';
import { crashLoopingPod } from './scenarios';

// Golden pages, checked line by line against describe.go describeNode, describeNodeLease and
// describeNodeResource (v1.31).

const NOW = 600_000;
const NODE = resourceForKind('Node') as ResourceInfo;
const page = (lines: string[]) => `${lines.join('\n')}\n`;

const nodeReady = [
  'Name:               node-1',
  'Roles:              <none>',
  'Labels:             beta.kubernetes.io/arch=amd64',
  '                    beta.kubernetes.io/os=linux',
  '                    kubernetes.io/arch=amd64',
  '                    kubernetes.io/hostname=node-1',
  '                    kubernetes.io/os=linux',
  'Annotations:        node.alpha.kubernetes.io/ttl: 0',
  '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
  'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
  'Taints:             <none>',
  'Unschedulable:      false',
  'Lease:',
  '  HolderIdentity:  node-1',
  '  AcquireTime:     <unset>',
  '  RenewTime:       Wed, 01 Jan 2025 00:10:00 +0000',
  'Conditions:',
  '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
  '  ----             ------  -----------------                 ------------------                ------                       -------',
  '  MemoryPressure   False   Wed, 01 Jan 2025 00:10:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
  '  DiskPressure     False   Wed, 01 Jan 2025 00:10:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
  '  PIDPressure      False   Wed, 01 Jan 2025 00:10:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
  '  Ready            True    Wed, 01 Jan 2025 00:10:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletReady                 kubelet is posting ready status',
  'Addresses:',
  '  InternalIP:  10.0.0.11',
  '  Hostname:    node-1',
  'Capacity:',
  '  cpu:                2',
  '  ephemeral-storage:  20134592Ki',
  '  memory:             4004236Ki',
  '  pods:               110',
  'Allocatable:',
  '  cpu:                2',
  '  ephemeral-storage:  19586931083',
  '  memory:             3901836Ki',
  '  pods:               110',
  'System Info:',
  '  Machine ID:                 3f1e2d4c5b6a47988796a5b4c3d2e1f0',
  '  System UUID:                3f1e2d4c-5b6a-4798-8796-a5b4c3d2e1f0',
  '  Boot ID:                    7c9d6b0e-2f4a-4b8c-9e1d-3a5f7b9c1d2e',
  '  Kernel Version:             6.8.0-45-generic',
  '  OS Image:                   Ubuntu 24.04.1 LTS',
  '  Operating System:           linux',
  '  Architecture:               amd64',
  '  Container Runtime Version:  containerd://1.7.18',
  '  Kubelet Version:            v1.31.0',
  '  Kube-Proxy Version:         v1.31.0',
  'PodCIDR:                      10.244.1.0/24',
  'PodCIDRs:                     10.244.1.0/24',
  'Non-terminated Pods:          (1 in total)',
  '  Namespace                   Name                   CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
  '  ---------                   ----                   ------------  ----------  ---------------  -------------  ---',
  '  default                     web-7d4b9c6f5-x2x7k    0 (0%)        0 (0%)      0 (0%)           0 (0%)         10m',
  'Allocated resources:',
  '  (Total limits may be over 100 percent, i.e., overcommitted.)',
  '  Resource           Requests  Limits',
  '  --------           --------  ------',
  '  cpu                0 (0%)    0 (0%)',
  '  memory             0 (0%)    0 (0%)',
  '  ephemeral-storage  0 (0%)    0 (0%)',
  'Events:              <none>',
];

const nodeDown = [
  'Name:               node-2',
  'Roles:              worker',
  'Labels:             beta.kubernetes.io/arch=amd64',
  '                    beta.kubernetes.io/os=linux',
  '                    kubernetes.io/arch=amd64',
  '                    kubernetes.io/hostname=node-2',
  '                    kubernetes.io/os=linux',
  '                    node-role.kubernetes.io/worker=',
  'Annotations:        node.alpha.kubernetes.io/ttl: 0',
  '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
  'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
  'Taints:             node.kubernetes.io/unreachable:NoExecute',
  '                    node.kubernetes.io/unreachable:NoSchedule',
  '                    node.kubernetes.io/unschedulable:NoSchedule',
  'Unschedulable:      true',
  'Lease:              Failed to get lease: leases.coordination.k8s.io "node-2" not found',
  'Conditions:',
  '  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
  '  ----             ------    -----------------                 ------------------                ------                       -------',
  '  MemoryPressure   False     Wed, 01 Jan 2025 00:10:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
  '  DiskPressure     False     Wed, 01 Jan 2025 00:10:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
  '  PIDPressure      False     Wed, 01 Jan 2025 00:10:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
  '  Ready            Unknown   Wed, 01 Jan 2025 00:10:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   NodeStatusUnknown            Kubelet stopped posting node status.',
  'Addresses:',
  '  InternalIP:  10.0.0.11',
  '  Hostname:    node-2',
  'Capacity:',
  '  cpu:                2',
  '  ephemeral-storage:  20134592Ki',
  '  memory:             4004236Ki',
  '  pods:               110',
  'Allocatable:',
  '  cpu:                2',
  '  ephemeral-storage:  19586931083',
  '  memory:             3901836Ki',
  '  pods:               110',
  'System Info:',
  '  Machine ID:                 3f1e2d4c5b6a47988796a5b4c3d2e1f0',
  '  System UUID:                3f1e2d4c-5b6a-4798-8796-a5b4c3d2e1f0',
  '  Boot ID:                    7c9d6b0e-2f4a-4b8c-9e1d-3a5f7b9c1d2e',
  '  Kernel Version:             6.8.0-45-generic',
  '  OS Image:                   Ubuntu 24.04.1 LTS',
  '  Operating System:           linux',
  '  Architecture:               amd64',
  '  Container Runtime Version:  containerd://1.7.18',
  '  Kubelet Version:            v1.31.0',
  '  Kube-Proxy Version:         v1.31.0',
  'PodCIDR:                      10.244.1.0/24',
  'PodCIDRs:                     10.244.1.0/24',
  'Non-terminated Pods:          (2 in total)',
  '  Namespace                   Name                     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
  '  ---------                   ----                     ------------  ----------  ---------------  -------------  ---',
  '  kube-system                 kube-proxy-7xk2p         100m (5%)     500m (25%)  64Mi (1%)        128Mi (3%)     3d',
  '  default                     crash-5d8f9c7b6-kq4zt    250m (12%)    0 (0%)      128Mi (3%)       256Mi (6%)     10m',
  'Allocated resources:',
  '  (Total limits may be over 100 percent, i.e., overcommitted.)',
  '  Resource           Requests    Limits',
  '  --------           --------    ------',
  '  cpu                350m (17%)  500m (25%)',
  '  memory             192Mi (5%)  384Mi (10%)',
  '  ephemeral-storage  0 (0%)      0 (0%)',
  'Events:',
  '  Type    Reason        Age   From             Message',
  '  ----    ------        ----  ----             -------',
  '  Normal  NodeNotReady  60s   node-controller  Node node-2 status is now: NodeNotReady',
];

function unreachableNode(): Node {
  const n = node(
    'node-2',
    {
      unschedulable: true,
      taints: [
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: at(500) },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: at(550) },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: at(545) },
      ],
    },
    'Unknown',
  );
  (n.metadata?.labels as Record<string, string>)['node-role.kubernetes.io/worker'] = '';
  return n;
}

describe('describe node', () => {
  it('prints a ready node with its lease, system info and non-terminated pods', () => {
    const related = { pods: [pod()], lease: [nodeLease()], events: [], eventsByName: [] };
    expect(describeObject(NODE, node(), related, NOW)).toBe(page(nodeReady));
  });

  it('prints taints sorted by effect, a missing lease, allocated totals and merged events', () => {
    const kubeProxy = pod('kube-proxy-7xk2p');
    kubeProxy.metadata = {
      ...kubeProxy.metadata,
      namespace: 'kube-system',
      creationTimestamp: at(-3 * 86400),
    };
    (kubeProxy.spec?.containers[0] as { resources?: object }).resources = {
      requests: { cpu: '100m', memory: '64Mi' },
      limits: { cpu: '500m', memory: '128Mi' },
    };
    const notReady = event(
      { kind: 'Node', name: 'node-2', uid: 'node-2', namespace: '' },
      'NodeNotReady',
      'Node node-2 status is now: NodeNotReady',
      { component: 'node-controller' },
      { first: 540, last: 540 },
    );
    const related = {
      pods: [kubeProxy, crashLoopingPod().pod],
      lease: [],
      eventsByName: [notReady],
    };
    expect(describeObject(NODE, unreachableNode(), related, NOW)).toBe(page(nodeDown));
  });
});
