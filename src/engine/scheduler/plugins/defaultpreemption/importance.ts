import type { Pod } from '../../../api/types';
import { parseTime } from '../../../clock/time';
import type { PodInfo } from '../../framework/podInfo';

// The pod ordering preemption uses (pkg/scheduler/util/utils.go): priority first, then age.

/** Returns when a pod started (GetPodStartTime): status.startTime, or now if it has not. */
export function podStartTime(pod: Pod, now: number): number {
  const t = parseTime(pod.status?.startTime);
  return Number.isNaN(t) ? now : t;
}

/** Reports whether a is more important than b (MoreImportantPod): higher priority, then older. */
export function moreImportantPod(a: PodInfo, b: PodInfo, now: number): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return podStartTime(a.pod, now) < podStartTime(b.pod, now);
}

/** Returns the earliest start among the highest-priority victims (GetEarliestPodStartTime). */
export function earliestPodStartTime(victims: readonly PodInfo[], now: number): number {
  let maxPriority = -Infinity;
  let earliest = Infinity;
  for (const v of victims) {
    const start = podStartTime(v.pod, now);
    if (v.priority > maxPriority) {
      maxPriority = v.priority;
      earliest = start;
    } else if (v.priority === maxPriority && start < earliest) earliest = start;
  }
  return earliest;
}
