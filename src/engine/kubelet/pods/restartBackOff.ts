import type { Container, Pod } from '../../api/types';
import type { KubeletCore } from '../core';
import { containerEvent } from '../core';
import { ContainerReason, Reason, backOffRestarting, crashLoopMessage } from '../events';
import { podDescription } from '../format';
import type { RuntimeContainer } from '../runtime/containerd';
import type { StartFailure } from './containerStatus';

// doBackOff (kuberuntime_manager.go): before a container is started again, the kubelet's restart
// back-off (kubelet.backOff, [BO1]-[BO3]) is consulted with the finish time of the newest exited
// instance the sync saw.
//   [BACKOFF1] inside the delay: Warning BackOff "Back-off restarting failed container <c> in pod
//              <pod>", and the container waits as CrashLoopBackOff "back-off 40s restarting
//              failed container=<c> pod=<pod>". Otherwise the delay moves on and it starts: the
//              first restart is immediate, and each later one waits 10 s, 20 s … 300 s after the
//              exit, counted from its finish time.
//   [BACKOFF2] a container with no exited instance (a first start, or a first liveness kill in
//              this sync) never backs off and leaves the delay unchanged.

/** Returns why a container must wait before starting again, or undefined if it may start. */
export function doBackOff(
  k: KubeletCore,
  pod: Pod,
  spec: Container,
  seen: readonly RuntimeContainer[],
): StartFailure | undefined {
  let exited: RuntimeContainer | undefined;
  for (const c of seen)
    if (c.name === spec.name && c.state === 'exited' && (!exited || c.attempt > exited.attempt))
      exited = c;
  if (!exited) return undefined;
  const now = k.loop.now();
  k.restarts.gc(k.syncLoop.lastHousekeeping(now));
  const key = stableKey(pod, spec);
  const finished = exited.finishedAt ?? now;
  if (!k.restarts.isInBackOffSince(key, finished)) {
    k.restarts.next(key, finished);
    return undefined;
  }
  const desc = podDescription(pod);
  containerEvent(k, pod, spec.name, 'Warning', Reason.BackOff, backOffRestarting(spec.name, desc));
  return {
    reason: ContainerReason.CrashLoopBackOff,
    message: crashLoopMessage(k.restarts.get(key), spec.name, desc),
  };
}

/** Returns the back-off key of a container: pod name, namespace, uid, container and its image. */
function stableKey(pod: Pod, spec: Container): string {
  const m = pod.metadata ?? {};
  return `${m.name}_${m.namespace}_${m.uid}_${spec.name}_${spec.image ?? ''}`;
}
