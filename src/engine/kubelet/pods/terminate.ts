import type { Pod } from '../../api/types';
import type { Co } from '../coroutine';
import { all } from '../coroutine';
import type { KubeletCore } from '../core';
import { containerEvent } from '../core';
import { Reason, stoppingContainer } from '../events';
import type { RuntimeContainer } from '../runtime/containerd';
import { podLabel } from './start';
import type { PodWorker } from './worker';

// Stopping pods (SyncTerminatingPod, killContainer in kuberuntime_container.go):
//   [TERM1] every running container gets Killing "Stopping container <name>", then StopContainer
//           with the pod's grace period: deletionGracePeriodSeconds when deleted, else
//           terminationGracePeriodSeconds (30); never less than 2 s.
//   [TERM2] after the containers, StopPodSandbox; the pod is then terminal and its final status
//           is written (then the status manager deletes it, if it was being deleted).
//   [TERM3] once the pod object is gone, RemovePodSandbox frees the sandbox and its IP.

/** The shortest stop timeout the kubelet gives a container (minimumGracePeriodInSeconds). */
export const MIN_GRACE_SECONDS = 2;

/** Returns the grace period a pod's containers get when the pod is stopped. [TERM1] */
export function podGraceSeconds(pod: Pod): number {
  return pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
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
  k.prober.remove(c.id);
  yield* k.cri.stopContainer(podLabel(pod), c, Math.max(graceSeconds, MIN_GRACE_SECONDS));
}

/** Stops a pod's containers and sandbox: the pod becomes terminal. [TERM2] */
export function* terminatePod(k: KubeletCore, w: PodWorker): Co<void> {
  const pod = w.pod;
  w.terminating = true;
  k.prober.removePod(w.uid);
  yield* stopAll(k, pod, w.uid, podGraceSeconds(pod));
  const sandbox = k.runtime.sandboxOf(w.uid);
  if (sandbox?.ready) yield* k.cri.stopPodSandbox(podLabel(pod), sandbox);
  w.terminating = false;
  w.terminated = true;
  k.status.dirty(w);
}

/** Cleans up after a pod whose object is gone: stop what still runs, remove the sandbox. [TERM3] */
export function* removePod(k: KubeletCore, w: PodWorker): Co<void> {
  const pod = w.pod;
  k.prober.removePod(w.uid);
  yield* stopAll(k, pod, w.uid, podGraceSeconds(pod));
  const sandbox = k.runtime.sandboxOf(w.uid);
  if (sandbox) {
    if (sandbox.ready) yield* k.cri.stopPodSandbox(podLabel(pod), sandbox);
    yield* k.cri.removePodSandbox(podLabel(pod), sandbox);
    k.ipam.release(sandbox.ip);
  }
  k.workers.forget(w);
}

function* stopAll(k: KubeletCore, pod: Pod, uid: string, grace: number): Co<void> {
  const running = k.runtime.podContainers(uid).filter((c) => c.state !== 'exited');
  yield* all(
    running.map((c) => killContainer(k, pod, c, stoppingContainer(c.name), grace)),
    () => k.alive(),
  );
}
