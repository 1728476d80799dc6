import type { StoredObject } from '../api/object';
import type { Namespace, Pod, ReplicaSet } from '../api/types';
import type { EventRecorder } from '../client/eventRecorder';
import { Informer } from '../client/informer';
import type { ComponentDeps } from '../component';
import { Algorithm } from './algorithm';
import { SchedulerCache } from './cache/cache';
import type { SchedulerConfig } from './config';
import { Framework } from './framework/framework';
import { Nominator } from './queue/nominator';
import { SchedulingQueue } from './queue/schedulingQueue';
import { ResultStore } from './results/resultStore';
import { wrapPlugin } from './results/wrappedPlugin';

// The pieces of a running kube-scheduler and how they are assembled from its configuration.

/** The scheduler's pod informer skips finished pods, as upstream's newPodInformer does. */
export const POD_FIELD_SELECTOR = 'status.phase!=Succeeded,status.phase!=Failed';

/** A pod as the informer holds it. */
export type StoredPod = StoredObject & Pod;

/** The pieces of a running kube-scheduler, shared by its event handlers and cycles. */
export interface SchedulerParts {
  deps: ComponentDeps;
  config: SchedulerConfig;
  fwk: Framework;
  algorithm: Algorithm;
  cache: SchedulerCache;
  queue: SchedulingQueue;
  results: ResultStore;
  recorder: EventRecorder;
  pods: Informer<StoredPod>;
  nodes: Informer;
  /** The informers plugins read (framework Listers), started and synced with the two above. */
  sharedInformers: readonly Pick<Informer, 'start' | 'stop'>[];
  /** Reports whether callbacks from before a STOP should still act (false once stopped). */
  live(epoch: number): boolean;
  /** The current run's epoch. */
  epoch(): number;
}

/** Assembles a scheduler's parts from its configuration; plugins are wrapped to record results. */
export function buildParts(
  deps: ComponentDeps,
  config: SchedulerConfig,
  run: { onActive(): void; epoch(): number },
): SchedulerParts {
  const cache = new SchedulerCache();
  const results = new ResultStore(config.resultsLimit);
  // With results off (benchmarks) plugins run undecorated.
  const wrap =
    config.resultsLimit > 0
      ? (p: Parameters<typeof wrapPlugin>[0], w: number) => wrapPlugin(p, w, results)
      : undefined;
  const namespaces = new Informer<StoredObject & Namespace>(deps.client, {
    resource: 'namespaces',
  });
  const replicaSets = new Informer<StoredObject & ReplicaSet>(deps.client, {
    resource: 'replicasets',
  });
  const recorder: EventRecorder = deps.recorder({ component: config.profile.schedulerName });
  const nominator = new Nominator();
  const services = { nominator, recorder, rng: deps.rng, now: () => deps.loop.now() };
  const fwk = new Framework(
    config.profile,
    config.registry,
    cache,
    wrap,
    { namespaces, replicaSets },
    services,
  );
  const queue = new SchedulingQueue(
    deps.loop,
    {
      less: (a, b) => fwk.less(a, b),
      isInterested: (p, e) => fwk.isInterested(p, e),
      isEventOfInterest: (e) => fwk.isEventOfInterest(e),
      onActive: run.onActive,
    },
    {
      initialBackoffMs: config.podInitialBackoffSeconds * 1000,
      maxBackoffMs: config.podMaxBackoffSeconds * 1000,
      maxInUnschedulableMs: config.podMaxInUnschedulablePodsSeconds * 1000,
    },
    nominator,
  );
  return {
    deps,
    config,
    fwk,
    algorithm: new Algorithm(fwk, cache, deps.rng, config.percentageOfNodesToScore),
    cache,
    queue,
    results,
    recorder,
    pods: new Informer<StoredPod>(deps.client, {
      resource: 'pods',
      fieldSelector: POD_FIELD_SELECTOR,
    }),
    nodes: new Informer(deps.client, { resource: 'nodes' }),
    sharedInformers: [namespaces, replicaSets],
    live: (epoch) => epoch === run.epoch(),
    epoch: run.epoch,
  };
}
