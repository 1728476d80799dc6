import type { Pod } from '../../api/types';
import type { Resource } from './resource';
import { podRequests } from './resource';

// framework.PodInfo: a pod plus what the plugins need of it, computed once per pod version so a
// scheduling cycle over thousands of nodes does not re-parse quantities per node.

/** A pod and its precomputed scheduling facts. */
export interface PodInfo {
  /** The cache key: the pod's UID (framework.GetPodKey), or namespace/name before it has one. */
  readonly key: string;
  readonly pod: Pod;
  /** Effective requests, as Filter uses them. */
  readonly requests: Resource;
  /** Requests with 100m / 200Mi for absent CPU/memory, as LeastAllocated scoring uses them. */
  readonly nonZeroRequests: Resource;
  /** spec.priority; pods without a PriorityClass have 0. */
  readonly priority: number;
}

/** Returns a pod's cache key. */
export function podKey(pod: Pod): string {
  const meta = pod.metadata ?? {};
  return meta.uid ?? `${meta.namespace ?? 'default'}/${meta.name ?? ''}`;
}

/** Returns "namespace/name", how events and the UI name a pod. */
export function podName(pod: Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}

/** Builds the PodInfo of a pod version. */
export function newPodInfo(pod: Pod): PodInfo {
  return {
    key: podKey(pod),
    pod,
    requests: podRequests(pod.spec),
    nonZeroRequests: podRequests(pod.spec, true),
    priority: pod.spec?.priority ?? 0,
  };
}
