import { joined } from '../../api/strings';
import type { Container, ContainerState, ContainerStatus, Pod } from '../../api/types';
import { rfc3339 } from '../../clock/time';
import { CONTAINER_NOT_LOCATED, ContainerReason } from '../events';
import type { RuntimeContainer } from '../runtime/containerd';

// convertToAPIContainerStatuses (pkg/kubelet/kubelet_pods.go): runtime containers to API
// container statuses.
//   [CS1] a container with no runtime record is Waiting: ContainerCreating, or PodInitializing in a
//         pod with init containers.
//   [CS2] the newest attempt gives state, containerID and restartCount; the one before it gives
//         lastState.
//   [CS3] a container that will be restarted shows the last sync's failure (CrashLoopBackOff,
//         ErrImagePull…) as Waiting, and its terminated state moves to lastState.
//   [CS4] statuses are sorted by name; init container statuses keep spec order.

/** Why the last sync could not start a container (the kubelet's reasonCache). */
export interface StartFailure {
  reason: string;
  message: string;
}

/** The kubelet-side facts a container status is built from. */
export interface ContainerFacts {
  attempts: readonly RuntimeContainer[];
  failure?: StartFailure;
  /** From the prober: started (startup probe passed) and ready (readiness passed). */
  probe?: { started: boolean; ready: boolean };
  /** The pod is terminal: a container that never ran reads as terminated (TerminatePod). */
  terminal: boolean;
  /** The pod's init containers have all succeeded (regular containers only matter then). */
  initialized: boolean;
}

/** Returns the RFC 3339 time of a runtime timestamp; StartError reports the Unix epoch. [CTR3] */
function stamp(ms: number | undefined, reason?: string): string {
  if (reason === ContainerReason.StartError && ms === 0) return '1970-01-01T00:00:00Z';
  return rfc3339(ms ?? 0);
}

/** Returns the API state of one runtime container. */
export function runtimeState(c: RuntimeContainer): ContainerState {
  if (c.state === 'running') return { running: { startedAt: stamp(c.startedAt) } };
  if (c.state === 'created') return { waiting: {} };
  const t: NonNullable<ContainerState['terminated']> = {
    exitCode: c.exitCode ?? 0,
    reason: c.reason,
    startedAt: stamp(c.startedAt, c.reason),
    finishedAt: stamp(c.finishedAt),
    containerID: joined('containerd://', c.id),
  };
  if (c.message) t.message = c.message;
  return { terminated: t };
}

/** Reports whether a container would be started again (ShouldContainerBeRestarted). */
export function shouldRestart(pod: Pod, latest: RuntimeContainer | undefined): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  if (!latest || latest.state === 'created') return true;
  if (latest.state === 'running') return false;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return latest.exitCode !== 0;
  return true;
}

/** Builds one container's API status. [CS1][CS2][CS3] */
export function containerStatus(
  pod: Pod,
  spec: Container,
  isInit: boolean,
  facts: ContainerFacts,
): ContainerStatus {
  const hasInit = (pod.spec?.initContainers ?? []).length > 0;
  const [latest, previous] = facts.attempts;
  let state: ContainerState = {
    waiting: {
      reason: hasInit ? ContainerReason.PodInitializing : ContainerReason.ContainerCreating,
    },
  };
  let lastState: ContainerState = {};
  if (latest) state = runtimeState(latest);
  if (previous) lastState = runtimeState(previous);
  const succeededInit = isInit && latest?.state === 'exited' && latest.exitCode === 0;
  if (!succeededInit && facts.failure && shouldRestart(pod, latest)) {
    if (state.terminated) lastState = state;
    state = { waiting: { reason: facts.failure.reason, message: facts.failure.message } };
  }
  if (facts.terminal && !state.terminated && (isInit || facts.initialized)) {
    state = {
      terminated: {
        exitCode: 137,
        reason: ContainerReason.ContainerStatusUnknown,
        message: CONTAINER_NOT_LOCATED,
      },
    };
  }
  const running = state.running !== undefined;
  const started = running && (facts.probe?.started ?? true);
  const ready = isInit ? succeededInit : started && (facts.probe?.ready ?? true);
  const status: ContainerStatus = {
    name: spec.name,
    state,
    lastState,
    ready,
    restartCount: latest?.attempt ?? 0,
    image: latest?.image ?? spec.image ?? '',
    imageID: latest?.imageRef ?? '',
  };
  if (latest) status.containerID = joined('containerd://', latest.id);
  status.started = started;
  const mounts = volumeMounts(spec);
  if (mounts) status.volumeMounts = mounts;
  return status;
}

/** The volume mounts a v1.31 kubelet reports (RecursiveReadOnlyMounts, beta and on). */
function volumeMounts(spec: Container): ContainerStatus['volumeMounts'] {
  const mounts = spec.volumeMounts ?? [];
  if (mounts.length === 0) return undefined;
  return mounts.map((m) => ({
    name: m.name,
    mountPath: m.mountPath,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }));
}

/** Sorts statuses as the kubelet does: by name for containers, spec order for init ones. [CS4] */
export function sortStatuses(statuses: ContainerStatus[], isInit: boolean): ContainerStatus[] {
  return isInit
    ? statuses
    : [...statuses].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
