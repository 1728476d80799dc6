import type { ContainerStatus, Pod, PodCondition } from '../../api/types';
import { rfc3339 } from '../../clock/time';
import { ConditionReason } from '../events';

// The kubelet-owned pod conditions (pkg/kubelet/status/generate.go), in the order
// generateAPIPodStatus appends them: PodReadyToStartContainers, Initialized, Ready,
// ContainersReady, PodScheduled. Conditions the kubelet does not own (DisruptionTarget…) stay in
// front.
//   [COND1] messages list container names Go-style: "containers with unready status: [web db]".
//   [COND2] a condition keeps its lastTransitionTime while its status does not change.

/** Condition types the kubelet owns (kubetypes.PodConditionsByKubelet plus v1.29's sandbox one). */
export const KUBELET_CONDITIONS = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
];

type Draft = Omit<PodCondition, 'lastProbeTime' | 'lastTransitionTime'>;

const list = (names: string[]): string => `[${names.join(' ')}]`;

/** Returns the ContainersReady condition. */
export function containersReady(pod: Pod, statuses: ContainerStatus[], phase: string): Draft {
  if (phase === 'Succeeded' || phase === 'Failed')
    return {
      type: 'ContainersReady',
      status: 'False',
      reason: phase === 'Succeeded' ? ConditionReason.PodCompleted : ConditionReason.PodFailed,
    };
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of pod.spec?.containers ?? []) {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${list(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${list(unready)}`);
  if (messages.length === 0) return { type: 'ContainersReady', status: 'True' };
  return {
    type: 'ContainersReady',
    status: 'False',
    reason: ConditionReason.ContainersNotReady,
    message: messages.join(', '),
  };
}

/** Returns the Ready condition: ContainersReady plus the readiness gates. */
export function podReady(pod: Pod, statuses: ContainerStatus[], phase: string): Draft {
  const cr = containersReady(pod, statuses, phase);
  if (cr.status !== 'True') return { ...cr, type: 'Ready' };
  const unready: string[] = [];
  for (const gate of pod.spec?.readinessGates ?? []) {
    const c = pod.status?.conditions?.find((x) => x.type === gate.conditionType);
    if (!c)
      unready.push(
        `corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`,
      );
    else if (c.status !== 'True')
      unready.push(
        `the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`,
      );
  }
  if (unready.length === 0) return { type: 'Ready', status: 'True' };
  return {
    type: 'Ready',
    status: 'False',
    reason: ConditionReason.ReadinessGatesNotReady,
    message: unready.join(', '),
  };
}

/** Returns the Initialized condition. */
export function initialized(
  pod: Pod,
  initStatuses: ContainerStatus[],
  regularStarted: boolean,
  phase: string,
): Draft {
  const inits = pod.spec?.initContainers ?? [];
  if (inits.length === 0) return { type: 'Initialized', status: 'True' };
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = initStatuses.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name);
    else if (!(s.state?.terminated?.exitCode === 0)) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0)
    return { type: 'Initialized', status: 'True', reason: ConditionReason.PodCompleted };
  if (regularStarted) return { type: 'Initialized', status: 'True' };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${list(unknown)}`);
  if (incomplete.length > 0)
    messages.push(`containers with incomplete status: ${list(incomplete)}`);
  if (messages.length === 0) return { type: 'Initialized', status: 'True' };
  return {
    type: 'Initialized',
    status: 'False',
    reason: ConditionReason.ContainersNotInitialized,
    message: messages.join(', '),
  };
}

/** Stamps drafts with times: lastTransitionTime carries over while the status holds. [COND2] */
export function stampConditions(
  drafts: Draft[],
  previous: readonly PodCondition[] | undefined,
  now: number,
): PodCondition[] {
  return drafts.map((d) => {
    const old = previous?.find((p) => p.type === d.type);
    const since =
      old && old.status === d.status && old.lastTransitionTime
        ? old.lastTransitionTime
        : rfc3339(now);
    const out: PodCondition = {
      type: d.type,
      status: d.status,
      lastProbeTime: null as unknown as string,
      lastTransitionTime: since,
    };
    if (d.reason) out.reason = d.reason;
    if (d.message) out.message = d.message;
    return out;
  });
}
