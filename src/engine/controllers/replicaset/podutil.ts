import type { Pod, PodCondition } from '../../api/types';
import { parseTime } from '../../clock/time';

// The pod facts the controller decides on (pkg/api/v1/pod/util.go, controller_utils.go).

/** Returns the pod's Ready condition (GetPodReadyCondition). */
export function readyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** Reports whether the pod's Ready condition is True (podutil.IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/**
 * Reports whether a pod has been Ready for more than minReadySeconds at virtual time nowMs
 * (podutil.IsPodAvailable: lastTransitionTime + minReadySeconds strictly before now).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = parseTime(readyCondition(pod)?.lastTransitionTime);
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < nowMs;
}

/** Reports whether a pod still counts: not Succeeded, not Failed, not being deleted (IsPodActive). */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/** Returns "namespace/name", the key expectations track deletions by (controller.PodKey). */
export function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}
