import equal from 'fast-deep-equal';
import type { KubeObject } from '../api/object';
import type { Node, Pod } from '../api/types';
import type { InformerHandlers } from '../client/informer';
import type { ClusterEvent } from './framework/interface';
import { ActionType } from './framework/interface';
import { newPodInfo } from './framework/podInfo';
import type { SchedulerParts, StoredPod } from './parts';
import { namespaceLabels } from './plugins/interpodaffinity/terms';
import { preCheckForNode } from './preCheck';

// eventhandlers.go: informer events feed the cache (assigned pods, nodes) and the queue
// (pending pods), and node or pod changes move unschedulable pods back.
//   [EH1] Succeeded/Failed pods never reach the handlers: the pod informer's field selector
//         drops them, so a pod that finishes arrives as a delete and frees its node.
//   [EH2] it queues only pods with no spec.nodeName, its schedulerName and no deletionTimestamp.
//   [EH3] a pod that gains a node leaves the queue and enters the cache (confirming an assumed pod).
//   [EH4] an assigned pod's update raises PodLabelChange when its labels changed, else
//         AssignedPodUpdate, which no in-tree plugin registers for (PodSchedulingPropertiesChange).

/** The cluster events the scheduler raises (framework/events.go labels). */
export const EVENTS = {
  NodeAdd: { resource: 'Node', actionType: ActionType.Add, label: 'NodeAdd' },
  AssignedPodAdd: { resource: 'Pod', actionType: ActionType.Add, label: 'AssignedPodAdd' },
  PodLabelChange: {
    resource: 'Pod',
    actionType: ActionType.UpdatePodLabel,
    label: 'PodLabelChange',
  },
  AssignedPodUpdate: {
    resource: 'Pod',
    actionType: ActionType.UpdatePodOther,
    label: 'AssignedPodUpdate',
  },
  AssignedPodDelete: { resource: 'Pod', actionType: ActionType.Delete, label: 'AssignedPodDelete' },
} as const satisfies Record<string, ClusterEvent>;

type Place = 'none' | 'assigned' | 'pending';

function placeOf(pod: Pod, schedulerName: string): Place {
  if (pod.spec?.nodeName) return 'assigned';
  // The apiserver defaults schedulerName; an object without one is treated as defaulted.
  const mine = (pod.spec?.schedulerName || schedulerName) === schedulerName;
  return mine && !pod.metadata?.deletionTimestamp ? 'pending' : 'none';
}

/** Returns the events an assigned pod's update raises. [EH4] */
export function podChangeEvents(old: Pod, pod: Pod): ClusterEvent[] {
  const labelsChanged = !equal(old.metadata?.labels ?? {}, pod.metadata?.labels ?? {});
  return [labelsChanged ? EVENTS.PodLabelChange : EVENTS.AssignedPodUpdate];
}

/** Returns the pod informer's handlers. [EH1][EH2][EH3][EH4] */
export function podHandlers(parts: SchedulerParts): InformerHandlers<StoredPod> {
  const name = parts.config.profile.schedulerName;
  const { cache, queue } = parts;
  const placed = (event: ClusterEvent, pod: Pod): void =>
    queue.moveForAssignedPod(
      event,
      pod,
      namespaceLabels(parts.fwk.listers, pod.metadata?.namespace ?? ''),
    );
  const enter = (pod: StoredPod, place: Place): void => {
    const pi = newPodInfo(pod);
    if (place === 'assigned') {
      queue.delete(pi.key);
      cache.addPod(pi);
      placed(EVENTS.AssignedPodAdd, pod);
    } else if (place === 'pending') queue.add(pi);
  };
  const leave = (pod: StoredPod, place: Place): void => {
    const key = newPodInfo(pod).key;
    if (place === 'assigned') {
      cache.removePod(key);
      queue.moveAllToActiveOrBackoff(EVENTS.AssignedPodDelete);
    } else if (place === 'pending') queue.delete(key);
  };
  return {
    add: (pod) => enter(pod, placeOf(pod, name)),
    update(old, pod) {
      const from = placeOf(old, name);
      const to = placeOf(pod, name);
      if (from === 'assigned' && to === 'assigned') {
        cache.addPod(newPodInfo(pod));
        for (const e of podChangeEvents(old, pod)) placed(e, pod);
        return;
      }
      if (from === 'pending' && to === 'pending') {
        if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
        const pi = newPodInfo(pod);
        if (!cache.isAssumed(pi.key)) queue.update(old, pi);
        return;
      }
      if (from !== to) {
        leave(old, from);
        enter(pod, to);
      }
    },
    delete: (pod) => leave(pod, placeOf(pod, name)),
  };
}

/** Returns the events a node update raises (nodeSchedulingPropertiesChange). */
export function nodeChangeEvents(old: Node, node: Node): ClusterEvent[] {
  const out: ClusterEvent[] = [];
  const update = (actionType: number, label: string): number =>
    out.push({ resource: 'Node', actionType, label });
  // Only uncordoning can help a pod; it counts as a taint change.
  if (
    Boolean(old.spec?.unschedulable) !== Boolean(node.spec?.unschedulable) &&
    !node.spec?.unschedulable
  )
    update(ActionType.UpdateNodeTaint, 'NodeSpecUnschedulableChange');
  if (!equal(old.status?.allocatable, node.status?.allocatable))
    update(ActionType.UpdateNodeAllocatable, 'NodeAllocatableChange');
  if (!equal(old.metadata?.labels ?? {}, node.metadata?.labels ?? {}))
    update(ActionType.UpdateNodeLabel, 'NodeLabelChange');
  if (!equal(old.spec?.taints ?? [], node.spec?.taints ?? []))
    update(ActionType.UpdateNodeTaint, 'NodeTaintChange');
  const conditions = (n: Node): Record<string, string> =>
    Object.fromEntries((n.status?.conditions ?? []).map((c) => [c.type, c.status]));
  if (!equal(conditions(old), conditions(node)))
    update(ActionType.UpdateNodeCondition, 'NodeConditionChange');
  return out;
}

/** Returns the node informer's handlers. */
export function nodeHandlers(
  parts: SchedulerParts,
): InformerHandlers<KubeObject & { metadata: { name: string } }> {
  const { cache, queue } = parts;
  return {
    add(obj) {
      const ni = cache.setNode(obj as Node);
      queue.moveAllToActiveOrBackoff(EVENTS.NodeAdd, preCheckForNode(ni));
    },
    update(old, obj) {
      const ni = cache.setNode(obj as Node);
      for (const e of nodeChangeEvents(old as Node, obj as Node))
        queue.moveAllToActiveOrBackoff(e, preCheckForNode(ni));
    },
    delete: (obj) => cache.removeNode(obj.metadata.name),
  };
}
