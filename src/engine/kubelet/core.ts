import type { Pod } from '../api/types';
import type { Client } from '../client/client';
import type { EventRecorder, EventType } from '../client/eventRecorder';
import type { EventLoop } from '../clock/eventLoop';
import type { Backoff } from './backoff';
import type { ImageManager } from './imageManager';
import type { PodIpam } from './node/network';
import type { Pleg } from './pleg';
import type { StatusManager } from './pods/statusManager';
import type { PodWorkers } from './pods/worker';
import type { Prober } from './prober';
import type { Containerd } from './runtime/containerd';
import type { Cri } from './runtime/cri';
import type { SyncLoop } from './syncLoop';

// What the pod-lifecycle code needs from its kubelet: one object, so sync.ts, start.ts and
// terminate.ts read as functions of (kubelet, pod) rather than of a dozen parameters.

/** Node resources pods are admitted against. */
export interface Allocatable {
  milliCpu: number;
  memoryBytes: number;
  pods: number;
}

/** The shared parts of one kubelet. */
export interface KubeletCore {
  nodeName: string;
  hostIP: string;
  allocatable: Allocatable;
  loop: EventLoop;
  client: Client;
  recorder: EventRecorder;
  runtime: Containerd;
  cri: Cri;
  images: ImageManager;
  prober: Prober;
  /** Container restart back-off (kubelet.backOff). */
  restarts: Backoff;
  /** The relist, sync and housekeeping ticks of this run, and their jitter. */
  syncLoop: SyncLoop;
  /** Notices container starts and exits. */
  pleg: Pleg;
  ipam: PodIpam;
  status: StatusManager;
  workers: PodWorkers;
  /** Whether this run of the kubelet is still the current one. */
  alive(): boolean;
}

/** Returns the involvedObject.fieldPath of a container: spec.containers{web}. */
export function fieldPath(pod: Pod, name: string): string {
  const init = (pod.spec?.initContainers ?? []).some((c) => c.name === name);
  return init ? `spec.initContainers{${name}}` : `spec.containers{${name}}`;
}

/** Records an event about one of a pod's containers. */
export function containerEvent(
  k: KubeletCore,
  pod: Pod,
  name: string,
  type: EventType,
  reason: string,
  message: string,
): void {
  k.recorder.event(pod, type, reason, message, fieldPath(pod, name));
}
