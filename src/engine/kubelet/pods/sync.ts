import type { Container } from '../../api/types';
import { rfc3339 } from '../../clock/time';
import type { Co } from '../coroutine';
import type { KubeletCore } from '../core';
import { POD_REJECTED, definitionChanged, probeKill } from '../events';
import type { RuntimeContainer, Sandbox } from '../runtime/containerd';
import { admit } from './admission';
import { doBackOff } from './restartBackOff';
import { shouldRestart } from './containerStatus';
import { observe } from './podStatus';
import { podLabel, startContainer } from './start';
import { killContainer, removePod, terminatePod } from './terminate';
import type { Observed, PodWorker, SyncOutcome } from './worker';

// One pod sync (SyncPod in kubelet.go, computePodActions/SyncPod in kuberuntime_manager.go):
// admit, generate the status from what the kubelet sees, make sure the sandbox exists, then
// start, restart or kill containers.
//   [SYNC1] init containers run one at a time, in order, each to exit 0; a failed one is retried
//           per restartPolicy, and with Never the pod fails.
//   [SYNC2] an exited container is restarted per restartPolicy, unless it is backing off
//           ([BACKOFF1]); a sync that could not start a container fails, and the pod is synced
//           again 10–15 s later ([LOOP2]).
//   [SYNC3] a failed liveness or startup probe, or a changed image, kills the container and
//           restarts it (with Never, a failed probe only kills it).
//   [SYNC4] with nothing running and nothing to start, the pod is finished: it is terminated.
//   [SYNC5] the decisions, the back-off included, use the containers as the sync first saw them:
//           a container killed by this sync does not count as exited until the next one.

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
  const seen = observe(k, w);
  k.prober.addPod(pod, seen.containers, seen.sandbox?.ip);
  const sandbox = yield* ensureSandbox(k, w);
  const actions = computeActions(k, w, seen);
  if (actions.terminal) {
    yield* terminatePod(k, w);
    return {};
  }
  for (const kill of actions.kills)
    yield* killContainer(k, pod, kill.container, kill.message, kill.grace);
  let failed = false;
  for (const s of actions.starts)
    if (!(yield* startOne(k, w, sandbox, s.spec, seen))) failed = true;
  return failed ? { retryAt: k.syncLoop.retryAfterError(k.loop.now()) } : {};
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
  const sandbox = yield* k.cri.runPodSandbox(podLabel(w.pod), k.ipam.allocate());
  // PLEG relists sandboxes as containers: a new one syncs the pod again. [PLEG1]
  k.pleg.changed(w.uid, sandbox.createdAt);
  return sandbox;
}

/** Returns the newest attempt of a container among those a sync saw. */
function latest(seen: Observed, name: string): RuntimeContainer | undefined {
  let found: RuntimeContainer | undefined;
  for (const c of seen.containers)
    if (c.name === name && (!found || c.attempt > found.attempt)) found = c;
  return found;
}

/** Decides what to kill and start. [SYNC1][SYNC3][SYNC4] */
function computeActions(k: KubeletCore, w: PodWorker, seen: Observed): Actions {
  const pod = w.pod;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  for (const spec of pod.spec?.initContainers ?? []) {
    const c = latest(seen, spec.name);
    if (!c || c.state === 'created') return { kills: [], starts: [{ spec, init: true }] };
    if (c.state === 'running') return { kills: [], starts: [] };
    if (c.exitCode === 0) continue;
    if (policy === 'Never') return { terminal: true, kills: [], starts: [] };
    return { kills: [], starts: [{ spec, init: true }] };
  }
  const actions: Actions = { kills: [], starts: [] };
  let keep = 0;
  for (const spec of pod.spec?.containers ?? []) {
    const c = latest(seen, spec.name);
    if (c?.state !== 'running') {
      if (shouldRestart(pod, c)) actions.starts.push({ spec, init: false });
      continue;
    }
    const live = k.runtime.containers.get(c.id) ?? c;
    const kill = killReason(k, w, spec, live, policy);
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
  w: PodWorker,
  spec: Container,
  c: RuntimeContainer,
  policy: string,
): { kill: Kill; restart: boolean } | undefined {
  const pod = w.pod;
  const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (c.specImage !== (spec.image ?? ''))
    return { kill: { container: c, message: definitionChanged(spec.name), grace }, restart: true };
  const failed = k.prober.failed(w.uid, spec.name, c.id);
  if (!failed) return undefined;
  const probe = failed === 'liveness' ? spec.livenessProbe : spec.startupProbe;
  const restart = policy !== 'Never';
  const message = probeKill(spec.name, failed, restart);
  return {
    kill: { container: c, message, grace: probe?.terminationGracePeriodSeconds ?? grace },
    restart,
  };
}

/** Starts (or restarts) a container unless it is backing off; returns whether it started. [SYNC2] */
function* startOne(
  k: KubeletCore,
  w: PodWorker,
  sandbox: Sandbox,
  spec: Container,
  seen: Observed,
): Co<boolean> {
  const backingOff = doBackOff(k, w.pod, spec, seen.containers);
  if (backingOff) {
    (w.failures ??= new Map()).set(spec.name, backingOff);
    return false;
  }
  const prev = latest(seen, spec.name);
  const r = yield* startContainer(k, w, sandbox, spec, prev ? prev.attempt + 1 : 0);
  if (r.ok) {
    w.failures?.delete(spec.name);
    return true;
  }
  (w.failures ??= new Map()).set(spec.name, { reason: r.reason, message: r.message });
  return false;
}
