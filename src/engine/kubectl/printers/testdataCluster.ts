import type { Lease, Namespace, Node } from '../../api/types';
import { rfc3339Micro } from '../../clock/time';
import { at } from './testdata';

// Test fixtures for cluster-scoped and system objects: nodes as the kubelet reports them, their
// heartbeat Leases, namespaces.

/** Returns a Ready worker node created at second 0. */
export function node(name = 'node-1', over: Partial<Node['spec']> = {}, ready = 'True'): Node {
  const heartbeat = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: at(600),
    lastTransitionTime: at(0),
    reason,
    message,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: '5c2e8f1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
      resourceVersion: '980',
      creationTimestamp: at(0),
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], ...over },
    status: {
      addresses: [
        { type: 'InternalIP', address: '10.0.0.11' },
        { type: 'Hostname', address: name },
      ],
      allocatable: {
        cpu: '2',
        'ephemeral-storage': '19586931083',
        memory: '3901836Ki',
        pods: '110',
      },
      capacity: { cpu: '2', 'ephemeral-storage': '20134592Ki', memory: '4004236Ki', pods: '110' },
      conditions: [
        heartbeat(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        heartbeat(
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
        ),
        heartbeat(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ),
        heartbeat(
          'Ready',
          ready,
          ready === 'True' ? 'KubeletReady' : 'NodeStatusUnknown',
          ready === 'True'
            ? 'kubelet is posting ready status'
            : 'Kubelet stopped posting node status.',
        ),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '7c9d6b0e-2f4a-4b8c-9e1d-3a5f7b9c1d2e',
        containerRuntimeVersion: 'containerd://1.7.18',
        kernelVersion: '6.8.0-45-generic',
        kubeProxyVersion: 'v1.31.0',
        kubeletVersion: 'v1.31.0',
        machineID: '3f1e2d4c5b6a47988796a5b4c3d2e1f0',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
        systemUUID: '3f1e2d4c-5b6a-4798-8796-a5b4c3d2e1f0',
      },
    },
  };
}

/** Returns a namespace as the apiserver creates it. */
export function namespace(name: string, phase = 'Active'): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: `ns-${name}`,
      resourceVersion: '4',
      creationTimestamp: at(0),
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase },
  };
}

/** Returns node-1's heartbeat Lease in kube-node-lease, renewed at second 600. */
export function nodeLease(name = 'node-1'): Lease {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: 'kube-node-lease',
      uid: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
      resourceVersion: '1500',
      creationTimestamp: at(0),
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Node', name, uid: '5c2e8f1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b' },
      ],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: rfc3339Micro(600_000) },
  };
}
