import type { QueueSortPlugin, QueuedPodInfo } from '../../framework/interface';
import { PrioritySort } from '../names';

// queuesort.PrioritySort: higher spec.priority first, then the pod queued earlier.

/** Reports whether a should be scheduled before b. */
export function lessByPriority(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  const pa = a.podInfo.priority;
  const pb = b.podInfo.priority;
  if (pa !== pb) return pa > pb;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  // Upstream leaves equal timestamps to the heap; the simulator keeps queue order to replay exactly.
  return a.seq < b.seq;
}

/** Builds the PrioritySort plugin. */
export function newPrioritySort(): QueueSortPlugin {
  return { name: PrioritySort, less: lessByPriority };
}
