import { goDuration } from './format';

// Every reason and message the simulated kubelet writes, worded as Kubernetes v1.31 writes them
// (pkg/kubelet/events/event.go, images/image_manager.go, kuberuntime/kuberuntime_container.go,
// kuberuntime_manager.go, prober/prober.go, nodestatus/setters.go, lifecycle/predicate.go,
// status/generate.go). Each is written once, here.

/** Event reasons (events.go). */
export const Reason = {
  Pulling: 'Pulling',
  Pulled: 'Pulled',
  Failed: 'Failed',
  InspectFailed: 'InspectFailed',
  ErrImageNeverPull: 'ErrImageNeverPull',
  BackOff: 'BackOff',
  Created: 'Created',
  Started: 'Started',
  Killing: 'Killing',
  FailedPreStopHook: 'FailedPreStopHook',
  Unhealthy: 'Unhealthy',
  Starting: 'Starting',
  NodeAllocatableEnforced: 'NodeAllocatableEnforced',
  NodeReady: 'NodeReady',
  NodeNotReady: 'NodeNotReady',
  NodeHasSufficientMemory: 'NodeHasSufficientMemory',
  NodeHasNoDiskPressure: 'NodeHasNoDiskPressure',
  NodeHasSufficientPID: 'NodeHasSufficientPID',
} as const;

/** Container waiting and terminated reasons, as the API shows them. */
export const ContainerReason = {
  ContainerCreating: 'ContainerCreating',
  PodInitializing: 'PodInitializing',
  ErrImagePull: 'ErrImagePull',
  ImagePullBackOff: 'ImagePullBackOff',
  ErrImageNeverPull: 'ErrImageNeverPull',
  InvalidImageName: 'InvalidImageName',
  CrashLoopBackOff: 'CrashLoopBackOff',
  RunContainerError: 'RunContainerError',
  Completed: 'Completed',
  Error: 'Error',
  OOMKilled: 'OOMKilled',
  StartError: 'StartError',
  ContainerStatusUnknown: 'ContainerStatusUnknown',
} as const;

/** Pod condition reasons (status/generate.go). */
export const ConditionReason = {
  ContainersNotReady: 'ContainersNotReady',
  ContainersNotInitialized: 'ContainersNotInitialized',
  PodCompleted: 'PodCompleted',
  PodFailed: 'PodFailed',
  ReadinessGatesNotReady: 'ReadinessGatesNotReady',
} as const;

/** Returns `Pulling image "nginx"`. */
export const pullingImage = (image: string): string => `Pulling image "${image}"`;

/** Returns the Pulled message, with pull time, time including the queue, and size. */
export const pulledImage = (image: string, pullMs: number, totalMs: number, size: number): string =>
  `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${size} bytes.`;

/** Returns `Container image "nginx:1.25" already present on machine`. */
export const imagePresent = (image: string): string =>
  `Container image "${image}" already present on machine`;

/** Returns `Container image "x" is not present with pull policy of Never`. */
export const imageNeverPull = (image: string): string =>
  `Container image "${image}" is not present with pull policy of Never`;

/** Returns `Failed to pull image "x": <runtime error>`. */
export const failedToPull = (image: string, err: string): string =>
  `Failed to pull image "${image}": ${err}`;

/** Returns `Failed to apply default image tag "X": <parse error>`. */
export const failedDefaultTag = (image: string, err: string): string =>
  `Failed to apply default image tag "${image}": ${err}`;

/** Returns `Back-off pulling image "x"` (a Normal event and the ImagePullBackOff message). */
export const backOffPulling = (image: string): string => `Back-off pulling image "${image}"`;

/** Returns `Error: <reason or message>`, the Failed event after a start step fails. */
export const errorEvent = (what: string): string => `Error: ${what}`;

/** Returns the Created message (v1.31 wording; v1.33 adds a colon: "Created container: x"). */
export const createdContainer = (name: string): string => `Created container ${name}`;

/** Returns `Started container x`. */
export const startedContainer = (name: string): string => `Started container ${name}`;

/** Returns `Stopping container x`. */
export const stoppingContainer = (name: string): string => `Stopping container ${name}`;

/** Returns `Container x failed liveness probe, will be restarted` (or startup). */
export const probeKill = (name: string, probe: 'liveness' | 'startup', restart: boolean): string =>
  `Container ${name} failed ${probe} probe${restart ? ', will be restarted' : ''}`;

/** The FailedPreStopHook message: v1.31 leaves the hook's output out so secrets do not leak. */
export const PRESTOP_FAILED = 'PreStopHook failed';

/** Returns `Container x definition changed, will be restarted`. */
export const definitionChanged = (name: string): string =>
  `Container ${name} definition changed, will be restarted`;

/** Returns the BackOff event for a crashing container. */
export const backOffRestarting = (name: string, pod: string): string =>
  `Back-off restarting failed container ${name} in pod ${pod}`;

/** Returns the CrashLoopBackOff waiting message: "back-off 40s restarting failed container=…". */
export const crashLoopMessage = (delayMs: number, name: string, pod: string): string =>
  `back-off ${goDuration(delayMs)} restarting failed container=${name} pod=${pod}`;

/** Returns `Liveness probe failed: <output>` (Readiness, Startup). */
export const probeFailed = (probe: ProbeKind, output: string): string =>
  `${PROBE_NAMES[probe]} probe failed: ${output}`;

/** Returns `Liveness probe errored: <error>`. */
export const probeErrored = (probe: ProbeKind, err: string): string =>
  `${PROBE_NAMES[probe]} probe errored: ${err}`;

/** The three probe kinds. */
export type ProbeKind = 'liveness' | 'readiness' | 'startup';

const PROBE_NAMES: Record<ProbeKind, string> = {
  liveness: 'Liveness',
  readiness: 'Readiness',
  startup: 'Startup',
};

/** Returns `Node node-1 status is now: NodeReady`. */
export const nodeStatusNow = (node: string, event: string): string =>
  `Node ${node} status is now: ${event}`;

/** The startup event. */
export const STARTING_KUBELET = 'Starting kubelet.';
/** The allocatable event. */
export const ALLOCATABLE_ENFORCED = 'Updated Node Allocatable limit across pods';

/** Returns the admission failure message and reason: OutOfcpu "Node didn't have enough …". */
export const outOfResource = (
  resource: string,
  requested: number,
  used: number,
  capacity: number,
): { reason: string; message: string } => ({
  reason: `OutOf${resource}`,
  message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`,
});

/** The prefix of a rejected pod's status message. */
export const POD_REJECTED = 'Pod was rejected: ';

/** The message of a container that never ran when its pod was terminated (status_manager.go). */
export const CONTAINER_NOT_LOCATED =
  'The container could not be located when the pod was terminated';
