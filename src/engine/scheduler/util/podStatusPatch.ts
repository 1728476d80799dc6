import type { Pod, PodCondition } from '../../api/types';
import type { ApiRequest } from '../../apiserver/types';
import { rfc3339 } from '../../clock/time';

// util.PatchPodStatus (pkg/scheduler/util/utils.go): the scheduler writes pod status as a
// strategic merge patch between the status it has and the status it wants
// (CreateTwoWayMergePatch), and sends nothing when they are equal.
//   [PATCH1] a condition is set as UpdatePodCondition sets it: lastTransitionTime moves only
//            when its status does; lastProbeTime is null; only changed fields are sent.
//   [PATCH2] nominatedNodeName is sent when it changes; clearing it sends null.

/** A condition the scheduler sets; its times are filled in as UpdatePodCondition does. */
export type ConditionDraft = Required<Pick<PodCondition, 'type' | 'status' | 'reason' | 'message'>>;

/** What a status write changes. */
export interface PodStatusChange {
  condition?: ConditionDraft;
  /** The node to nominate, '' to clear the nomination, undefined to leave it. */
  nominatedNodeName?: string;
}

/** Returns the status patch of a change, or undefined when nothing changes. [PATCH1][PATCH2] */
export function podStatusPatch(
  pod: Pod,
  change: PodStatusChange,
  now: number,
): Record<string, unknown> | undefined {
  const status: Record<string, unknown> = change.condition
    ? conditionPatch(pod, change.condition, now)
    : {};
  const nnn = change.nominatedNodeName;
  if (nnn !== undefined && nnn !== (pod.status?.nominatedNodeName ?? ''))
    status.nominatedNodeName = nnn === '' ? null : nnn;
  return Object.keys(status).length > 0 ? { status } : undefined;
}

/** Returns the request that sends a status patch: PATCH pods/<name>/status, strategic merge. */
export function podStatusRequest(pod: Pod, patch: Record<string, unknown>): ApiRequest {
  return {
    verb: 'patch',
    resource: 'pods',
    subresource: 'status',
    namespace: pod.metadata?.namespace,
    name: pod.metadata?.name,
    patchType: 'strategic',
    body: patch,
  };
}

function conditionPatch(pod: Pod, draft: ConditionDraft, now: number): Record<string, unknown> {
  const conditions = pod.status?.conditions ?? [];
  const old = conditions.find((c) => c.type === draft.type);
  const want: PodCondition = {
    ...draft,
    lastProbeTime: null as unknown as string,
    lastTransitionTime:
      old?.status === draft.status ? (old.lastTransitionTime as string) : rfc3339(now),
  };
  const changed: Record<string, unknown> = { type: draft.type };
  for (const f of ['lastProbeTime', 'lastTransitionTime', 'message', 'reason', 'status'] as const)
    if (!old || (old[f] ?? null) !== (want[f] ?? null)) changed[f] = want[f];
  if (Object.keys(changed).length === 1) return {};
  const order = conditions.map((c) => ({ type: c.type }));
  if (!old) order.push({ type: draft.type });
  return { '$setElementOrder/conditions': order, conditions: [changed] };
}
