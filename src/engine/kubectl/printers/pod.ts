import type { KubeObject } from '../../api/object';
import type { Container, ContainerStatus, Pod } from '../../api/types';
import { parseTime } from '../../clock/time';
import { AGE, NAME, age, col, wide, type TableDef } from './columns';
import { humanDuration } from './duration';
import { NONE } from './format';

// The pods table, as printPod in pkg/printers/internalversion/printers.go (v1.31) computes it.

/** Reason a pod evicted from an unreachable node carries (pkg/util/node NodeUnreachablePodReason). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

interface Tally {
  reason: string;
  restarts: number;
  ready: number;
  lastRestart: number;
}

/** Returns the STATUS, READY and RESTARTS cells exactly as kubectl derives them. */
function podStatusCells(pod: Pod, now: number): [string, string, string] {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  const t: Tally = { reason: status.reason || phase, restarts: 0, ready: 0, lastRestart: NaN };
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') t.reason = 'SchedulingGated';
  }
  const inits = spec.initContainers ?? [];
  const sidecars = new Set(inits.filter(isRestartable).map((c) => c.name));
  const total = spec.containers.length + sidecars.size;
  const { initializing, sidecarRestarts, sidecarLast } = tallyInit(pod, sidecars, t);
  if (!initializing || conditionTrue(pod, 'Initialized')) {
    t.restarts = sidecarRestarts;
    t.lastRestart = sidecarLast;
    tallyContainers(pod, t);
  }
  if (pod.metadata?.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) {
    t.reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    t.reason = 'Terminating';
  }
  let restarts = String(t.restarts);
  if (t.restarts !== 0 && !Number.isNaN(t.lastRestart)) {
    restarts = `${t.restarts} (${humanDuration(now - t.lastRestart)} ago)`;
  }
  return [`${t.ready}/${total}`, t.reason, restarts];
}

function isRestartable(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function conditionTrue(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

function finishedAt(cs: ContainerStatus): number {
  return parseTime(cs.lastState?.terminated?.finishedAt);
}

function later(a: number, b: number): number {
  return Number.isNaN(a) || b > a ? b : a;
}

// Init containers run in order: the first one not done explains the pod ("Init:1/2",
// "Init:CrashLoopBackOff"). Restartable (sidecar) init containers count as regular ones.
function tallyInit(pod: Pod, sidecars: Set<string>, t: Tally) {
  let initializing = false;
  let sidecarRestarts = 0;
  let sidecarLast = NaN;
  const statuses = pod.status?.initContainerStatuses ?? [];
  const count = pod.spec?.initContainers?.length ?? 0;
  for (const [i, cs] of statuses.entries()) {
    t.restarts += cs.restartCount ?? 0;
    t.lastRestart = later(t.lastRestart, finishedAt(cs));
    const sidecar = sidecars.has(cs.name);
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      sidecarLast = later(sidecarLast, finishedAt(cs));
    }
    const term = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) t.ready++;
      continue;
    }
    if (term) {
      t.reason = term.reason
        ? `Init:${term.reason}`
        : term.signal
          ? `Init:Signal:${term.signal}`
          : `Init:ExitCode:${term.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      t.reason = `Init:${waiting.reason}`;
    } else {
      t.reason = `Init:${i}/${count}`;
    }
    initializing = true;
    break;
  }
  return { initializing, sidecarRestarts, sidecarLast };
}

// Walked last to first, so the first container with a waiting or terminated reason wins.
function tallyContainers(pod: Pod, t: Tally): void {
  const statuses = pod.status?.containerStatuses ?? [];
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const cs = statuses[i] as ContainerStatus;
    t.restarts += cs.restartCount ?? 0;
    t.lastRestart = later(t.lastRestart, finishedAt(cs));
    const term = cs.state?.terminated;
    if (cs.state?.waiting?.reason) t.reason = cs.state.waiting.reason;
    else if (term?.reason) t.reason = term.reason;
    else if (term) t.reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
    else if (cs.ready && cs.state?.running) {
      hasRunning = true;
      t.ready++;
    }
  }
  // A pod whose main containers partly completed is still running.
  if (t.reason === 'Completed' && hasRunning)
    t.reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return NONE;
  const conditions = pod.status?.conditions ?? [];
  const trueCount = gates.filter(
    (g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True',
  ).length;
  return `${trueCount}/${gates.length}`;
}

/** The pods table: NAME READY STATUS RESTARTS AGE (IP NODE NOMINATED NODE READINESS GATES). */
export const podTable: TableDef = {
  columns: [
    NAME,
    col('Ready'),
    col('Status'),
    col('Restarts'),
    AGE,
    wide('IP'),
    wide('Node'),
    wide('Nominated Node'),
    wide('Readiness Gates'),
  ],
  row(obj: KubeObject, now: number): string[] {
    const pod = obj as Pod;
    const [ready, status, restarts] = podStatusCells(pod, now);
    return [
      pod.metadata?.name ?? '',
      ready,
      status,
      restarts,
      age(pod, now),
      pod.status?.podIPs?.[0]?.ip || NONE,
      pod.spec?.nodeName || NONE,
      pod.status?.nominatedNodeName || NONE,
      readinessGates(pod),
    ];
  },
};
