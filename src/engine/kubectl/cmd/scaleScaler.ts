import type { KubeObject } from '../../api/object';
import { StatusError } from '../../apiserver/errors';
import type { ApiRequest } from '../../apiserver/types';
import type { Task } from '../../client/task';
import { request, sleep } from '../../client/task';
import { KubectlError } from '../errors';
import type { Info } from '../resource/info';
import { ROLLOUT_TIMED_OUT } from './rollout';

// kubectl's scaler (staging/src/k8s.io/kubectl/pkg/scale/scale.go, v1.31): write the scale
// subresource — a blind merge patch, or with a precondition a GET, check and PUT — retrying on
// conflicts every second for up to five minutes; optionally poll until the status caught up.

/** How often the scaler retries and polls (NewRetryParams(1*time.Second, …)). */
const INTERVAL_MS = 1_000;
/** How long conflicts are retried (NewRetryParams(…, 5*time.Minute)). */
const RETRY_TIMEOUT_MS = 5 * 60_000;

/** --current-replicas (-1: none) and --resource-version ("": none) (ScalePrecondition). */
export interface ScalePrecondition {
  size: number;
  resourceVersion: string;
}

interface Scale extends KubeObject {
  spec?: { replicas?: number };
  status?: { replicas?: number };
}

/** Scales one object, retrying conflicts (genericScaler.Scale without the wait). */
export function* scale(
  now: () => number,
  info: Info,
  replicas: number,
  precondition: ScalePrecondition | undefined,
  dryRun: boolean,
): Task<void> {
  const done = yield* pollImmediate(now, RETRY_TIMEOUT_MS, () =>
    scaleSimple(info, replicas, precondition, dryRun),
  );
  if (!done) throw new KubectlError(ROLLOUT_TIMED_OUT);
}

/** Polls the scale until spec and status agree on replicas (WaitForScaleHasDesiredReplicas). */
export function* waitForReplicas(
  now: () => number,
  info: Info,
  replicas: number,
  timeoutMs: number,
): Task<void> {
  const synced = yield* pollImmediate(now, timeoutMs, function* () {
    const s = yield* getScale(info);
    // Someone else changed the desired size meanwhile: nothing left to wait for.
    if ((s.spec?.replicas ?? 0) !== replicas) return true;
    return (s.status?.replicas ?? 0) === replicas;
  });
  if (!synced)
    throw new KubectlError(`timed out waiting for ${JSON.stringify(info.name)} to be synced`);
}

// One attempt (ScaleSimple); false asks for a retry after a conflict.
function* scaleSimple(
  info: Info,
  replicas: number,
  precondition: ScalePrecondition | undefined,
  dryRun: boolean,
): Task<boolean> {
  let res;
  if (precondition) {
    const current = yield* getScale(info);
    checkPrecondition(precondition, current);
    const next = { ...current, spec: { ...current.spec, replicas } };
    res = yield* request({ ...scaleRequest(info, 'update'), body: next, dryRun });
  } else {
    const patch = { spec: { replicas } };
    res = yield* request({
      ...scaleRequest(info, 'patch'),
      body: patch,
      patchType: 'merge',
      dryRun,
    });
  }
  if (res.error?.reason === 'Conflict') return false;
  if (res.error) throw new StatusError(res.error);
  return true;
}

// PreconditionError: "Expected <what> to be <expected>, was <actual>".
function checkPrecondition(p: ScalePrecondition, s: Scale): void {
  const actual = s.spec?.replicas ?? 0;
  if (p.size !== -1 && actual !== p.size)
    throw new KubectlError(`Expected replicas to be ${p.size}, was ${actual}`);
  const rv = s.metadata?.resourceVersion ?? '';
  if (p.resourceVersion !== '' && rv !== p.resourceVersion)
    throw new KubectlError(`Expected resource version to be ${p.resourceVersion}, was ${rv}`);
}

function* getScale(info: Info): Task<Scale> {
  const res = yield* request(scaleRequest(info, 'get'));
  if (res.error) throw new StatusError(res.error);
  return res.body as Scale;
}

function scaleRequest(info: Info, verb: ApiRequest['verb']): ApiRequest {
  return {
    verb,
    resource: info.resource.resource,
    subresource: 'scale',
    namespace: info.namespace,
    name: info.name,
  };
}

// wait.PollImmediate: check now, then on every interval tick until one succeeds or the timeout
// fires; a condition's error ends the wait with that error.
function* pollImmediate(
  now: () => number,
  timeoutMs: number,
  condition: () => Task<boolean>,
): Task<boolean> {
  const start = now();
  const deadline = start + timeoutMs;
  let tick = start;
  for (;;) {
    if (yield* condition()) return true;
    tick += INTERVAL_MS;
    while (tick <= now()) tick += INTERVAL_MS;
    if (tick >= deadline) {
      yield* sleep(Math.max(0, deadline - now()));
      return false;
    }
    yield* sleep(tick - now());
  }
}
