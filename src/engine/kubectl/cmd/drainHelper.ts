import type { KubeObject } from '../../api/object';
import type { Pod } from '../../api/types';
import type { ErrorStatus } from '../../apiserver/errors';
import { StatusError } from '../../apiserver/errors';
import type { ApiRequest, ObjectList } from '../../apiserver/types';
import type { Task } from '../../client/task';
import { allSettled, request, sleep } from '../../client/task';
import { goDuration } from '../../kubelet/format';
import { AggregateError, KubectlError } from '../errors';
import type { CommandContext } from './context';
import type { FilterOptions, PodDeleteList } from './drainFilters';
import { filterPods, makeFilters, shouldSkipPod } from './drainFilters';
import type { DryRun } from './options';

// drain.Helper (staging/src/k8s.io/kubectl/pkg/drain/drain.go): list a node's pods, then evict
// them in parallel (or delete them with --disable-eviction) and poll each every second until it is
// gone, printing "pod/<name> evicted" as it goes.

/** Everything drain.Helper is configured with. */
export interface DrainOptions extends FilterOptions {
  /** Negative: each pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds: number;
  /** 0 waits forever. */
  timeoutMs: number;
  podSelector: string;
  disableEviction: boolean;
  dryRun: DryRun;
}

const POLL_MS = 1000;
const NAMESPACE_RETRY_MS = 5000;

/** Lists the pods on a node and decides which to evict; errors() name the pods that block it. */
export function* getPodsForDeletion(
  ctx: CommandContext,
  opts: DrainOptions,
  node: string,
): Task<PodDeleteList> {
  const res = yield* request({
    verb: 'list',
    resource: 'pods',
    labelSelector: opts.podSelector || undefined,
    fieldSelector: `spec.nodeName=${node}`,
  });
  if (res.error) throw new StatusError(res.error);
  const pods = (res.body as ObjectList).items as Pod[];
  return yield* filterPods(
    pods,
    makeFilters(opts, () => ctx.io.now()),
  );
}

/** Evicts (or deletes) pods and waits for them to go; throws the aggregated failures. */
export function* deleteOrEvictPods(
  ctx: CommandContext,
  opts: DrainOptions,
  pods: readonly Pod[],
): Task<void> {
  if (pods.length === 0) return;
  if (opts.disableEviction) return yield* deletePods(ctx, opts, pods);
  const deadline = opts.timeoutMs === 0 ? Infinity : ctx.io.now() + opts.timeoutMs;
  const failures: string[] = [];
  // Each pod has its own goroutine upstream; failures are collected as they finish.
  yield* allSettled(
    pods.map(function* (pod): Task<void> {
      const failure = yield* evictPod(ctx, opts, pod, deadline);
      if (failure) failures.push(failure);
    }),
  );
  if (failures.length > 0) throw new AggregateError(failures.map((f) => new KubectlError(f)));
}

function* evictPod(
  ctx: CommandContext,
  opts: DrainOptions,
  pod: Pod,
  deadline: number,
): Task<string | undefined> {
  const { name = '', namespace = '' } = pod.metadata ?? {};
  const outcome = yield* requestEviction(ctx, opts, pod, deadline);
  if (outcome !== 'accepted') return outcome.failure;
  if (opts.dryRun === 'server') return undefined;
  const failure = yield* waitForDelete(ctx, opts, [pod], true, { deadline });
  return (
    failure &&
    `error when waiting for pod ${JSON.stringify(name)} in namespace ${JSON.stringify(namespace)} to terminate: ${failure}`
  );
}

// Asks until the apiserver takes the eviction; a terminating namespace refuses it until the pod
// itself is being deleted, so drain retries every 5 s. A pod already gone needs no eviction and
// gets no "evicted" line.
function* requestEviction(
  ctx: CommandContext,
  opts: DrainOptions,
  pod: Pod,
  deadline: number,
): Task<'accepted' | { failure?: string }> {
  const { name = '', namespace = '' } = pod.metadata ?? {};
  const which = `pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}`;
  for (;;) {
    const suffix = opts.dryRun === 'server' ? ' (server dry run)' : '';
    ctx.out.out(`evicting pod ${namespace}/${name}${suffix}\n`);
    if (ctx.io.now() >= deadline)
      return {
        failure: `error when evicting ${which}: global timeout reached: ${goDuration(opts.timeoutMs)}`,
      };
    const res = yield* request({
      verb: 'create',
      resource: 'pods',
      subresource: 'eviction',
      namespace,
      name,
      body: {
        apiVersion: 'policy/v1',
        kind: 'Eviction',
        metadata: { name, namespace },
        deleteOptions: deleteOptions(opts),
      },
    });
    if (!res.error) return 'accepted';
    if (res.error.reason === 'NotFound') return {};
    const message = new StatusError(res.error).message;
    if (!namespaceTerminating(res.error))
      return { failure: `error when evicting ${which}: ${message}` };
    if (pod.metadata?.deletionTimestamp) return 'accepted';
    ctx.out.err(
      `error when evicting pod ${JSON.stringify(name)} from terminating namespace ${JSON.stringify(namespace)} (will retry after 5s): ${message}\n`,
    );
    yield* sleep(NAMESPACE_RETRY_MS);
  }
}

function namespaceTerminating(status: ErrorStatus): boolean {
  return (
    status.reason === 'Forbidden' &&
    (status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating')
  );
}

function* deletePods(ctx: CommandContext, opts: DrainOptions, pods: readonly Pod[]): Task<void> {
  for (const pod of pods) {
    const res = yield* request({
      verb: 'delete',
      resource: 'pods',
      namespace: pod.metadata?.namespace,
      name: pod.metadata?.name,
      gracePeriodSeconds: deleteOptions(opts).gracePeriodSeconds,
      dryRun: opts.dryRun === 'server',
    });
    if (res.error && res.error.reason !== 'NotFound') throw new StatusError(res.error);
  }
  const timeoutMs = opts.timeoutMs === 0 ? Infinity : opts.timeoutMs;
  const failure = yield* waitForDelete(ctx, opts, pods, false, { timeoutMs });
  if (failure) throw new KubectlError(failure);
}

// makeDeleteOptions: a negative --grace-period leaves the pod's own.
function deleteOptions(opts: DrainOptions): { gracePeriodSeconds?: number; dryRun?: string[] } {
  const options: { gracePeriodSeconds?: number; dryRun?: string[] } = {};
  if (opts.gracePeriodSeconds >= 0) options.gracePeriodSeconds = opts.gracePeriodSeconds;
  if (opts.dryRun === 'server') options.dryRun = ['All'];
  return options;
}

/**
 * Polls each pod every second (wait.PollImmediate) until a GET answers NotFound or finds a new
 * UID; returns why it stopped early, if it did: the eviction's global deadline, or the poll's own
 * timeout when deleting.
 */
function* waitForDelete(
  ctx: CommandContext,
  opts: DrainOptions,
  pods: readonly Pod[],
  usingEviction: boolean,
  limit: { deadline?: number; timeoutMs?: number },
): Task<string | undefined> {
  const start = ctx.io.now();
  let pending = [...pods];
  for (;;) {
    const still: Pod[] = [];
    for (const pod of pending) {
      const res = yield* request(getRequest(pod));
      const found = res.body as KubeObject | undefined;
      const verb = usingEviction ? 'evicted' : 'deleted';
      if (
        res.error?.reason === 'NotFound' ||
        (!res.error && found?.metadata?.uid !== pod.metadata?.uid)
      ) {
        ctx.out.out(`pod/${pod.metadata?.name ?? ''} ${verb}\n`);
        continue;
      }
      if (res.error) {
        ctx.out.out(
          `pod/${pod.metadata?.name ?? ''} ${usingEviction ? 'eviction' : 'deletion'} failed\n`,
        );
        return new StatusError(res.error).message;
      }
      if (shouldSkipPod(found as Pod, opts.skipWaitForDeleteTimeoutSeconds, ctx.io.now())) {
        ctx.out.out(
          `pod ${JSON.stringify(pod.metadata?.name ?? '')} has DeletionTimestamp older than ${opts.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`,
        );
        continue;
      }
      still.push(pod);
    }
    pending = still;
    if (pending.length === 0) return undefined;
    if (ctx.io.now() >= (limit.deadline ?? Infinity))
      return `global timeout reached: ${goDuration(opts.timeoutMs)}`;
    if (ctx.io.now() - start >= (limit.timeoutMs ?? Infinity))
      return 'timed out waiting for the condition';
    yield* sleep(POLL_MS);
  }
}

function getRequest(pod: Pod): ApiRequest {
  return {
    verb: 'get',
    resource: 'pods',
    namespace: pod.metadata?.namespace,
    name: pod.metadata?.name,
  };
}
