// The simulated image catalogue: what the kubelet's container runtime pulls and runs.
// See docs/IMAGES.md for every image and what students will see with it.

export type { ImageReference } from './reference';
export { InvalidImageNameError, parseImageReference } from './reference';
export type { PullOutcome } from './registry';
export { allRepositories, findImage, pullImage, rpcError } from './registry';
export type { ProcessInput } from './process';
export { START_ERROR_PREFIX, containerArgv, planProcess } from './process';
export type { ImageBehaviour, ImageVariant, Repository } from './repository';
export type { ExecResult, ImageInfo, ProcessPlan, PullError, StopResponse } from './types';
