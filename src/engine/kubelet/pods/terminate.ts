import type { Pod } from '../../api/types';
import type { Co } from '../coroutine';
import { all } from '../coroutine';
import type { KubeletCore } from '../core';
import { containerEvent } from '../core';
import { Reason, stoppingContainer } from '../events';
import type { RuntimeContainer } from '../runtime/containerd';
import { runPreStop } from './lifecycle';
import { observe } from './podStatus';
import { podLabel } from './start';
import type { PodWorker } from './worker';

// Stopping pods (SyncTerminatingPod, killPod and killContainer in kuberuntime_container.go):
//   [TERM1] every running container gets Killing "Stopping container <name>", its preStop hook
//           ([HOOK1]-[HOOK3]), then StopContainer with the pod's grace period
//           (calculateEffectiveGracePeriod): deletionGracePeriodSeconds
//           when the apiserver set one above 0, else terminationGracePeriodSeconds (30); at least
//           1 s, and a container always gets at least 2 s (minimumGracePeriodInSeconds). So a pod
//           force-deleted with grace 0 still gets its terminationGracePeriodSeconds.
//   [TERM2] liveness and startup probes stop first; after the containers, StopPodSandbox and the
//           readiness probes stop; the pod is then terminal and its final status is written (then
//           the status manager deletes it, if it was being deleted).
//   [TERM3] once the pod object is gone, RemovePodSandbox frees the sandbox and its IP.
//   [TERM4] a grace period can only shrink: an update with a shorter one while the containers are
//           stopping stops them again with it (another Killing event).
//   [TERM5] containers of a pod the kubelet no longer knows (deleted while it was stopped) are
//           killed with a grace period of 1 s, so 2 s.

/** The shortest stop timeout the kubelet gives a container (minimumGracePeriodInSeconds). */
export const MIN_GRACE_SECONDS = 2;
/** The grace period for orphaned containers (SyncTerminatingRuntimePod). [TERM5] */
export const ORPHAN_GRACE_SECONDS = 1;

/** Returns the grace period a pod's containers get when the pod is stopped. [TERM1] */
export function podGraceSeconds(pod: Pod): number {
  const requested = pod.metadata?.deletionGracePeriodSeconds;
  const grace =
    requested !== undefined && requested > 0
      ? requested
      : (pod.spec?.terminationGracePeriodSeconds ?? 30);
  return Math.max(grace, 1);
}

/** Stops one container with an event naming why. [TERM1] */
export function* killContainer(
  k: KubeletCore,
  pod: Pod,
  c: RuntimeContainer,
  message: string,
  graceSeconds: number,
): Co<void> {
  containerEvent(k, pod, c.name, 'Normal', Reason.Killing, message);
  const hookSeconds = yield* runPreStop(k, pod, c, graceSeconds);
  const grace = Math.max(graceSeconds - hookSeconds, MIN_GRACE_SECONDS);
  yield* k.cri.stopContainer(podLabel(pod), c, grace);
}

/** Stops a pod's containers and sandbox: the pod becomes terminal. [TERM2] */
export function* terminatePod(k: KubeletCore, w: PodWorker): Co<void> {
  const pod = w.pod;
  w.terminating = true;
  w.gracePeriod = podGraceSeconds(pod);
  observe(k, w);
  k.prober.stopLivenessAndStartup(w.uid);
  yield* stopContainers(k, w, w.gracePeriod);
  const sandbox = k.runtime.sandboxOf(w.uid);
  if (sandbox?.ready) yield* k.cri.stopPodSandbox(podLabel(pod), sandbox);
  k.prober.removePod(w.uid);
  w.terminating = false;
  w.terminated = true;
  observe(k, w);
}

/** Stops a terminating pod's containers again with a shorter grace period. [TERM4] */
export function* shortenGrace(k: KubeletCore, w: PodWorker, graceSeconds: number): Co<void> {
  w.gracePeriod = graceSeconds;
  yield* stopContainers(k, w, graceSeconds);
}

/** Cleans up after a pod whose object is gone: stop what still runs, remove the sandbox. [TERM3] */
export function* removePod(k: KubeletCore, w: PodWorker): Co<void> {
  const pod = w.pod;
  k.prober.removePod(w.uid);
  yield* stopContainers(k, w, podGraceSeconds(pod));
  const sandbox = k.runtime.sandboxOf(w.uid);
  if (sandbox) {
    if (sandbox.ready) yield* k.cri.stopPodSandbox(podLabel(pod), sandbox);
    yield* k.cri.removePodSandbox(podLabel(pod), sandbox);
    k.ipam.release(sandbox.ip);
  }
  k.workers.forget(w);
}

function* stopContainers(k: KubeletCore, w: PodWorker, grace: number): Co<void> {
  const running = k.runtime.podContainers(w.uid).filter((c) => c.state !== 'exited');
  yield* all(
    running.map((c) => killContainer(k, w.pod, c, stoppingContainer(c.name), grace)),
    () => k.alive(),
  );
}
