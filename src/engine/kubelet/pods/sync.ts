import type { Container, Pod } from '../../api/types';
import { rfc3339 } from '../../clock/time';
import type { Co } from '../coroutine';
import type { KubeletCore } from '../core';
import { containerEvent } from '../core';
import {
  ContainerReason,
  POD_REJECTED,
  Reason,
  backOffRestarting,
  crashLoopMessage,
  definitionChanged,
  probeKill,
} from '../events';
import { podDescription } from '../format';
import type { RuntimeContainer, Sandbox } from '../runtime/containerd';
import { admit } from './admission';
import { shouldRestart } from './containerStatus';
import { podLabel, startContainer } from './start';
import { killContainer, removePod, terminatePod } from './terminate';
import type { PodWorker, SyncOutcome } from './worker';

// One pod sync (SyncPod in kubelet.go, computePodActions/SyncPod in kuberuntime_manager.go):
// admit, write the status, make sure the sandbox exists, then start, restart or kill containers.
//   [SYNC1] init containers run one at a time, in order, each to exit 0; a failed one is retried
//           per restartPolicy, and with Never the pod fails.
//   [SYNC2] an exited container is restarted per restartPolicy; the first restart is immediate,
//           later ones wait out the back-off (10 s, 20 s, 40 s … 300 s) and meanwhile show
//           CrashLoopBackOff with a Warning BackOff event.
//   [SYNC3] a failed liveness or startup probe, or a changed image, kills the container and
//           restarts it (with Never, a failed probe only kills it).
//   [SYNC4] with nothing running and nothing to start, the pod is finished: it is terminated.
//   [SYNC5] a failed start is retried after 10 s (the pod worker's backOffPeriod); a back-off is
//           retried the moment it ends.

/** How long a failed start waits before the pod is synced again. [SYNC5] */
export const RETRY_AFTER_ERROR_MS = 10_000;

type Actions = { terminal?: boolean; kills: Kill[]; starts: { spec: Container; init: boolean }[] };
type Kill = { container: RuntimeContainer; message: string; grace: number };

/** Syncs one pod. */
export function* syncPod(k: KubeletCore, w: PodWorker): Co<SyncOutcome> {
  if (w.gone) {
    yield* removePod(k, w);
    return {};
  }
  const pod = w.pod;
  if (w.rejected || w.terminated) return {};
  if (pod.metadata?.deletionTimestamp || isTerminal(pod.status?.phase)) {
    yield* terminatePod(k, w);
    return {};
  }
  if (!w.admitted && !admitted(k, w)) return {};
  w.startTime ??= rfc3339(k.loop.now());
  k.status.dirty(w);
  const sandbox = yield* ensureSandbox(k, w);
  const actions = computeActions(k, w);
  if (actions.terminal) {
    yield* terminatePod(k, w);
    return {};
  }
  for (const kill of actions.kills)
    yield* killContainer(k, pod, kill.container, kill.message, kill.grace);
  let retryAt: number | undefined;
  for (const s of actions.starts) {
    const at = yield* startOne(k, w, sandbox, s.spec);
    if (at !== undefined) retryAt = retryAt === undefined ? at : Math.min(retryAt, at);
  }
  k.status.dirty(w);
  return { retryAt };
}

function isTerminal(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Admits a pod, or rejects it with OutOf<resource>. */
function admitted(k: KubeletCore, w: PodWorker): boolean {
  const pod = w.pod;
  // A pod whose sandbox already exists was admitted by an earlier run of this kubelet.
  const active = [...k.workers.byUid.values()]
    .filter((o) => o !== w && o.admitted && !o.terminated && !o.rejected)
    .map((o) => o.pod);
  const refusal = k.runtime.sandboxOf(w.uid) ? undefined : admit(pod, active, k.allocatable);
  if (!refusal) {
    w.admitted = true;
    return true;
  }
  k.recorder.event(pod, 'Warning', refusal.reason, refusal.message);
  w.rejected = { reason: refusal.reason, message: POD_REJECTED + refusal.message };
  w.startTime ??= rfc3339(k.loop.now());
  k.status.dirty(w);
  return false;
}

function* ensureSandbox(k: KubeletCore, w: PodWorker): Co<Sandbox> {
  const existing = k.runtime.sandboxOf(w.uid);
  if (existing?.ready) return existing;
  const grace = w.pod.spec?.terminationGracePeriodSeconds ?? 30;
  return yield* k.cri.runPodSandbox(podLabel(w.pod), k.ipam.allocate(), grace);
}

function latest(k: KubeletCore, uid: string, name: string): RuntimeContainer | undefined {
  let found: RuntimeContainer | undefined;
  for (const c of k.runtime.podContainers(uid))
    if (c.name === name && (!found || c.attempt > found.attempt)) found = c;
  return found;
}

/** Decides what to kill and start. [SYNC1][SYNC3][SYNC4] */
function computeActions(k: KubeletCore, w: PodWorker): Actions {
  const pod = w.pod;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  for (const spec of pod.spec?.initContainers ?? []) {
    const c = latest(k, w.uid, spec.name);
    if (!c || c.state === 'created') return { kills: [], starts: [{ spec, init: true }] };
    if (c.state === 'running') return { kills: [], starts: [] };
    if (c.exitCode === 0) continue;
    if (policy === 'Never') return { terminal: true, kills: [], starts: [] };
    return { kills: [], starts: [{ spec, init: true }] };
  }
  const actions: Actions = { kills: [], starts: [] };
  let keep = 0;
  for (const spec of pod.spec?.containers ?? []) {
    const c = latest(k, w.uid, spec.name);
    if (c?.state !== 'running') {
      if (shouldRestart(pod, c)) actions.starts.push({ spec, init: false });
      continue;
    }
    const kill = killReason(k, pod, spec, c, policy);
    if (!kill) keep++;
    else {
      actions.kills.push(kill.kill);
      if (kill.restart) actions.starts.push({ spec, init: false });
    }
  }
  if (keep === 0 && actions.starts.length === 0) return { terminal: true, kills: [], starts: [] };
  return actions;
}

function killReason(
  k: KubeletCore,
  pod: Pod,
  spec: Container,
  c: RuntimeContainer,
  policy: string,
): { kill: Kill; restart: boolean } | undefined {
  const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (c.specImage !== (spec.image ?? ''))
    return { kill: { container: c, message: definitionChanged(spec.name), grace }, restart: true };
  const probes = k.prober.state(c.id);
  const failed = probes?.livenessFailed
    ? 'liveness'
    : probes?.startupFailed
      ? 'startup'
      : undefined;
  if (!failed) return undefined;
  const probe = failed === 'liveness' ? spec.livenessProbe : spec.startupProbe;
  const restart = policy !== 'Never';
  const message = probeKill(spec.name, failed, restart);
  return {
    kill: { container: c, message, grace: probe?.terminationGracePeriodSeconds ?? grace },
    restart,
  };
}

/** Starts (or restarts) a container unless it is backing off; returns when to sync again. [SYNC2] */
function* startOne(
  k: KubeletCore,
  w: PodWorker,
  sandbox: Sandbox,
  spec: Container,
): Co<number | undefined> {
  const pod = w.pod;
  const prev = latest(k, w.uid, spec.name);
  if (prev?.state === 'exited') {
    const key = `${pod.metadata?.name}_${pod.metadata?.namespace}_${w.uid}_${spec.name}_${spec.image ?? ''}`;
    const finished = prev.finishedAt ?? k.loop.now();
    if (k.restarts.isInBackOffSince(key, finished)) {
      const delay = k.restarts.get(key);
      const desc = podDescription(pod);
      containerEvent(
        k,
        pod,
        spec.name,
        'Warning',
        Reason.BackOff,
        backOffRestarting(spec.name, desc),
      );
      w.failures.set(spec.name, {
        reason: ContainerReason.CrashLoopBackOff,
        message: crashLoopMessage(delay, spec.name, desc),
      });
      return finished + delay;
    }
    k.restarts.next(key, finished);
  }
  const r = yield* startContainer(k, w, sandbox, spec, prev ? prev.attempt + 1 : 0);
  if (r.ok) {
    w.failures.delete(spec.name);
    return undefined;
  }
  w.failures.set(spec.name, { reason: r.reason, message: r.message });
  return r.backoffUntil ?? k.loop.now() + RETRY_AFTER_ERROR_MS;
}
