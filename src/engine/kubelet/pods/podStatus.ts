import type { ContainerStatus, Pod, PodCondition, PodStatus } from '../../api/types';
import type { KubeletCore } from '../core';
import type { RuntimeContainer, Sandbox } from '../runtime/containerd';
import type { Observed, PodWorker } from './worker';
import {
  KUBELET_CONDITIONS,
  containersReady,
  initialized,
  podReady,
  stampConditions,
} from './conditions';
import type { StartFailure } from './containerStatus';
import { containerStatus, sortStatuses } from './containerStatus';

// generateAPIPodStatus and getPhase (pkg/kubelet/kubelet_pods.go) over the simulated runtime.
//   [PHASE1] Pending while any container waits to start for the first time; Running once all
//            have started and one runs; with all stopped: Always → Running (restarting),
//            otherwise Succeeded if all exited 0, else Failed (Never) or Running (OnFailure).
//   [PHASE2] a failed init container with restartPolicy Never fails the pod.
//   [PHASE3] a terminated pod (deleted or finished) is Succeeded or Failed; a phase never leaves
//            Succeeded or Failed once the apiserver shows it.
//   [STAT3] the status is generated when a sync begins, from what the kubelet sees then, so what a
//           sync does shows in the next one's status; only probe results change it in between.

/** Everything a pod status is generated from. */
export interface StatusInputs {
  pod: Pod;
  hostIP: string;
  sandbox?: Pick<Sandbox, 'ip' | 'ready'>;
  containers: readonly RuntimeContainer[];
  failures: ReadonlyMap<string, StartFailure>;
  probe(c: RuntimeContainer): { started: boolean; ready: boolean } | undefined;
  /** The pod worker finished terminating it (podIsTerminal). */
  terminal: boolean;
  /** The status the kubelet last sent (or the apiserver's, after a restart). */
  previous: PodStatus | undefined;
  startTime: string;
  now: number;
}

/** Generates a pod's API status. */
export function generatePodStatus(inp: StatusInputs): PodStatus {
  const { pod } = inp;
  const inits = pod.spec?.initContainers ?? [];
  const attempts = (name: string, init: boolean): RuntimeContainer[] =>
    inp.containers
      .filter((c) => c.name === name && isInitName(pod, c.name) === init)
      .sort((a, b) => b.attempt - a.attempt);
  const initDone = inits.every((c) => {
    const latest = attempts(c.name, true)[0];
    return latest?.state === 'exited' && latest.exitCode === 0;
  });
  const build = (
    spec: NonNullable<Pod['spec']>['containers'][number],
    init: boolean,
  ): ContainerStatus => {
    const list = attempts(spec.name, init);
    const latest = list[0];
    return containerStatus(pod, spec, init, {
      attempts: list,
      failure: inp.failures.get(spec.name),
      probe: latest ? inp.probe(latest) : undefined,
      terminal: inp.terminal,
      initialized: initDone,
    });
  };
  const initStatuses = sortStatuses(
    inits.map((c) => build(c, true)),
    true,
  );
  const statuses = sortStatuses(
    (pod.spec?.containers ?? []).map((c) => build(c, false)),
    false,
  );
  const phase = settlePhase(inp, getPhase(pod, initStatuses, statuses, inp.terminal));
  const out: PodStatus = { phase, conditions: conditions(inp, phase, initStatuses, statuses) };
  out.hostIP = inp.hostIP;
  out.hostIPs = [{ ip: inp.hostIP }];
  const podIP = inp.sandbox?.ip ?? inp.previous?.podIP;
  if (podIP) {
    out.podIP = podIP;
    out.podIPs = [{ ip: podIP }];
  }
  out.startTime = inp.startTime;
  if (inits.length > 0) out.initContainerStatuses = initStatuses;
  out.containerStatuses = statuses;
  if (pod.status?.qosClass) out.qosClass = pod.status.qosClass;
  return out;
}

/** Keeps terminal phases terminal and makes a terminated pod Succeeded or Failed. [PHASE3] */
function settlePhase(inp: StatusInputs, computed: string): string {
  let phase = computed;
  if (phase !== 'Succeeded' && phase !== 'Failed') {
    const prev = inp.previous?.phase;
    const api = inp.pod.status?.phase;
    if (prev === 'Succeeded' || prev === 'Failed') phase = prev;
    else if (api === 'Succeeded' || api === 'Failed') phase = api;
  }
  // TerminatePod: a pod that is done is always Succeeded or Failed.
  return inp.terminal && phase !== 'Succeeded' ? 'Failed' : phase;
}

function isInitName(pod: Pod, name: string): boolean {
  return (pod.spec?.initContainers ?? []).some((c) => c.name === name);
}

function conditions(
  inp: StatusInputs,
  phase: string,
  initStatuses: ContainerStatus[],
  statuses: ContainerStatus[],
): PodCondition[] {
  const { pod } = inp;
  const kept = (pod.status?.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  const sandboxReady = inp.sandbox?.ready === true;
  const regularStarted = statuses.some(
    (s) => s.state?.running || s.state?.terminated || s.lastState?.terminated,
  );
  const drafts = [
    { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' },
    initialized(pod, initStatuses, regularStarted, phase),
    podReady(pod, statuses, phase),
    containersReady(pod, statuses, phase),
    { type: 'PodScheduled', status: 'True' },
  ];
  const previous = inp.previous?.conditions ?? pod.status?.conditions;
  return [...kept, ...stampConditions(drafts, previous, inp.now)];
}

/** Returns the pod phase from its container statuses. [PHASE1][PHASE2] */
export function getPhase(
  pod: Pod,
  initStatuses: ContainerStatus[],
  statuses: ContainerStatus[],
  terminal: boolean,
): string {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  for (const c of pod.spec?.initContainers ?? []) {
    const s = initStatuses.find((x) => x.name === c.name);
    if (!s || s.state?.running) pendingInit++;
    else if (s.state?.terminated) failedInit += s.state.terminated.exitCode !== 0 ? 1 : 0;
    else if (s.lastState?.terminated) failedInit += s.lastState.terminated.exitCode !== 0 ? 1 : 0;
    else pendingInit++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of pod.spec?.containers ?? []) {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) unknown++;
    else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  const anyStarted = statuses.some(
    (s) => s.state?.running || s.state?.terminated || s.lastState?.terminated,
  );
  if ((pendingInit > 0 && !anyStarted) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** Shared by every pod whose containers all started: most pods, held as long as each pod. */
const NO_FAILURES: ReadonlyMap<string, StartFailure> = new Map();

/** Takes what a sync sees of its pod and sets the pod's status from it (generateAPIPodStatus). [STAT3] */
export function observe(k: KubeletCore, w: PodWorker): Observed {
  const sandbox = k.runtime.sandboxOf(w.uid);
  w.observed = {
    containers: k.runtime.podContainers(w.uid).map((c) => ({ ...c })),
    sandbox: sandbox && { ip: sandbox.ip, ready: sandbox.ready },
    failures: w.failures && w.failures.size > 0 ? new Map(w.failures) : NO_FAILURES,
    probesAbsent: !k.prober.hasPod(w.uid),
  };
  k.status.dirty(w);
  return w.observed;
}

/** Returns the status a kubelet reports for one of its pods (rejected pods keep their verdict). */
export function statusOf(k: KubeletCore, w: PodWorker): PodStatus {
  const pod = w.pod;
  const startTime = w.startTime ?? pod.status?.startTime ?? '';
  if (w.rejected) {
    const s: PodStatus = {
      phase: 'Failed',
      reason: w.rejected.reason,
      message: w.rejected.message,
      startTime,
    };
    if (pod.status?.qosClass) s.qosClass = pod.status.qosClass;
    return s;
  }
  const seen = w.observed;
  return generatePodStatus({
    pod,
    hostIP: k.hostIP,
    sandbox: seen?.sandbox,
    containers: seen?.containers ?? [],
    failures: seen?.failures ?? NO_FAILURES,
    probe: (c) => (seen?.probesAbsent ? undefined : k.prober.status(w.uid, c.name, c.id)),
    terminal: w.terminated,
    previous: w.status.lastSent ?? pod.status,
    startTime,
    now: k.loop.now(),
  });
}
