import { formatBytes, intValue, milliValue } from '../../api/quantity';
import type { Node, NodeCondition } from '../../api/types';
import type { NodeSpec } from '../../cluster';
import { rfc3339 } from '../../clock/time';
import type { Allocatable } from '../core';
import type { StoredImage } from '../runtime/containerd';
import { nodeIP, podCIDR } from './network';

// The Node object a kubelet registers and the status it keeps posting (pkg/kubelet/nodestatus/
// setters.go, kubelet_node_status.go).
//   [NODE1] the NodeSpec's cpu and memory are allocatable; capacity adds the default hard
//           eviction threshold memory.available 100Mi. Disk is 100Gi with nodefs.available 10%.
//           Real nodes print Ki because their memory is not a round number; these are.
//   [NODE2] labels: kubernetes.io/hostname, kubernetes.io/os=linux, kubernetes.io/arch=amd64 and
//           their beta.kubernetes.io twins, plus the NodeSpec's own.
//   [NODE3] conditions in setter order: MemoryPressure, DiskPressure, PIDPressure (False) and
//           Ready (True), with the kubelet's reasons and messages.
//   [NODE4] images: the node's images, largest first, at most 50 (nodeStatusMaxImages).

/** A Node's status. */
export type NodeStatus = NonNullable<Node['status']>;

const Ki = 1024;
const EVICTION_MEMORY = 100 * 1024 * Ki;
const DISK = 100 * 1024 * 1024 * Ki;
const MAX_IMAGES = 50;

/** The containerd version nodes report. */
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.22';
/** The OS image nodes report. */
export const OS_IMAGE = 'Ubuntu 24.04.1 LTS';
/** The kernel nodes report. */
export const KERNEL_VERSION = '6.8.0-48-generic';
/** The kubelet's port, in daemonEndpoints. */
export const KUBELET_PORT = 10250;

/** The facts a node's object is built from. */
export interface NodeFacts {
  spec: NodeSpec;
  index: number;
  kubeletVersion: string;
  machineID: string;
  systemUUID: string;
  bootID: string;
}

/** Returns the resources pods are admitted against. [NODE1] */
export function allocatableOf(spec: NodeSpec): Allocatable {
  return { milliCpu: milliValue(spec.cpu), memoryBytes: intValue(spec.memory), pods: spec.pods };
}

// Quantities are written in canonical form, as the apiserver serializes them.
const kib = (bytes: number): string => formatBytes(bytes);

/** Returns capacity and allocatable as the kubelet reports them. [NODE1] */
export function resources(spec: NodeSpec): Pick<NodeStatus, 'capacity' | 'allocatable'> {
  const memory = intValue(spec.memory);
  const common = { 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', pods: String(spec.pods) };
  return {
    capacity: {
      cpu: spec.cpu,
      'ephemeral-storage': kib(DISK),
      ...common,
      memory: kib(memory + EVICTION_MEMORY),
    },
    allocatable: {
      cpu: spec.cpu,
      'ephemeral-storage': String(Math.floor(DISK * 0.9)),
      ...common,
      memory: kib(memory),
    },
  };
}

/** Returns the node's labels. [NODE2] */
export function nodeLabels(spec: NodeSpec): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
    ...spec.labels,
  };
}

const CONDITIONS: readonly [string, string, string, string][] = [
  [
    'MemoryPressure',
    'False',
    'KubeletHasSufficientMemory',
    'kubelet has sufficient memory available',
  ],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** The event each condition records when it becomes what it is. */
export const CONDITION_EVENTS: Readonly<Record<string, string>> = {
  MemoryPressure: 'NodeHasSufficientMemory',
  DiskPressure: 'NodeHasNoDiskPressure',
  PIDPressure: 'NodeHasSufficientPID',
  Ready: 'NodeReady',
};

/** Returns the conditions, keeping each one's lastTransitionTime while its status holds. [NODE3] */
export function nodeConditions(
  previous: readonly NodeCondition[] | undefined,
  now: number,
): NodeCondition[] {
  return CONDITIONS.map(([type, status, reason, message]) => {
    const old = previous?.find((c) => c.type === type);
    const since =
      old?.status === status && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(now);
    return {
      type,
      status,
      lastHeartbeatTime: rfc3339(now),
      lastTransitionTime: since,
      reason,
      message,
    };
  });
}

/** Returns node.status.images from the runtime's images. [NODE4] */
export function nodeImages(images: Iterable<StoredImage>): NonNullable<NodeStatus['images']> {
  return [...images]
    .sort(
      (a, b) => b.info.sizeBytes - a.info.sizeBytes || (a.info.imageID < b.info.imageID ? -1 : 1),
    )
    .slice(0, MAX_IMAGES)
    .map((img) => ({
      names: [img.info.imageID, ...[...img.names].sort()],
      sizeBytes: img.info.sizeBytes,
    }));
}

/** Returns the node status the kubelet posts. */
export function nodeStatus(
  f: NodeFacts,
  conditions: NodeCondition[],
  images: Iterable<StoredImage>,
): NodeStatus {
  return {
    ...resources(f.spec),
    conditions,
    addresses: [
      { type: 'InternalIP', address: nodeIP(f.index) },
      { type: 'Hostname', address: f.spec.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: KUBELET_PORT } },
    nodeInfo: {
      machineID: f.machineID,
      systemUUID: f.systemUUID,
      bootID: f.bootID,
      kernelVersion: KERNEL_VERSION,
      osImage: OS_IMAGE,
      containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
      kubeletVersion: f.kubeletVersion,
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    images: nodeImages(images),
  };
}

/** Returns the Node object a kubelet POSTs to register itself. */
export function nodeObject(f: NodeFacts, status: NodeStatus): Node {
  const cidr = podCIDR(f.index);
  const spec: NonNullable<Node['spec']> = { podCIDR: cidr, podCIDRs: [cidr] };
  if (f.spec.taints && f.spec.taints.length > 0) spec.taints = f.spec.taints;
  if (f.spec.unschedulable) spec.unschedulable = true;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: f.spec.name,
      labels: nodeLabels(f.spec),
      annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec,
    status,
  };
}
