import type { Actor } from 'xstate';
import { createActor } from 'xstate';
import type { Component, ComponentDeps, ComponentSnapshot } from '../component';
import type { Engine } from '../engine';
import type { SchedulerConfig } from './config';
import { schedulerConfig } from './config';
import { podName } from './framework/podInfo';
import { nodeHandlers, podHandlers } from './eventHandlers';
import type { SchedulerParts } from './parts';
import { buildParts } from './parts';
import type { PodSchedulingResult } from './results/resultStore';
import { scheduleOne } from './scheduleOne';
import type { SchedulerRuntime } from './schedulerMachine';
import { schedulerMachine } from './schedulerMachine';

// The kube-scheduler component: informers on nodes and pods feed the cache and the queue; the
// machine runs one scheduling cycle per loop step while activeQ holds pods.

/** The scheduler's name in the trace. */
export const SCHEDULER = 'kube-scheduler';

/** How many queued pods the component snapshot lists. */
const SNAPSHOT_QUEUE_LIMIT = 50;

/** The simulated kube-scheduler. */
export class Scheduler implements Component, SchedulerRuntime {
  readonly name = SCHEDULER;
  readonly actor: Actor<typeof schedulerMachine>;
  private readonly parts: SchedulerParts;
  private runEpoch = 0;

  constructor(deps: ComponentDeps, config: SchedulerConfig) {
    this.parts = buildParts(deps, config, {
      onActive: () => this.actor.send({ type: 'POD_QUEUED' }),
      epoch: () => this.runEpoch,
    });
    this.parts.pods.addHandlers(podHandlers(this.parts));
    this.parts.nodes.addHandlers(nodeHandlers(this.parts));
    this.actor = createActor(schedulerMachine, { input: { runtime: this } });
    this.actor.start();
  }

  start(): void {
    this.actor.send({ type: 'START' });
  }

  stop(): void {
    this.actor.send({ type: 'STOP' });
  }

  snapshot(): ComponentSnapshot {
    const snap = this.actor.getSnapshot();
    const { queue, cache, fwk } = this.parts;
    return {
      state: snap.value,
      queue: queue.activeOrder(SNAPSHOT_QUEUE_LIMIT).map((q) => podName(q.podInfo.pod)),
      details: {
        ...queue.sizes(),
        nodes: cache.numNodes(),
        pods: cache.numPods(),
        assumedPods: cache.numAssumed(),
        cycles: snap.context.cycles,
        lastPod: snap.context.lastPod,
        lastResult: snap.context.lastResult,
        lastNode: snap.context.lastNode,
        notSimulated: fwk.notSimulated,
      },
    };
  }

  /** Returns the last scheduling attempt of a pod ("namespace/name"), for the scheduler view. */
  result(pod: string): PodSchedulingResult | undefined {
    return this.parts.results.get(pod);
  }

  /** Returns the kept attempts, oldest first. */
  results(): PodSchedulingResult[] {
    return this.parts.results.all();
  }

  startInformers(): void {
    this.runEpoch++;
    this.parts.queue.start();
    let pending = 2 + this.parts.sharedInformers.length;
    const synced = (): void => {
      if (--pending === 0) this.actor.send({ type: 'SYNCED' });
    };
    // Nodes first, so pods listed at start-up find their nodes in the cache.
    this.parts.nodes.start(synced);
    this.parts.pods.start(synced);
    for (const informer of this.parts.sharedInformers) informer.start(synced);
  }

  stopInformers(): void {
    this.runEpoch++;
    this.parts.nodes.stop();
    this.parts.pods.stop();
    for (const informer of this.parts.sharedInformers) informer.stop();
    this.parts.queue.stop();
    this.parts.cache.clear();
    this.parts.results.clear();
  }

  hasPendingPod(): boolean {
    return this.parts.queue.hasActive();
  }

  scheduleNext(): void {
    const { queue, deps } = this.parts;
    const q = queue.pop();
    const podCycle = queue.schedulingCycle();
    const epoch = this.runEpoch;
    // Each cycle is its own step of the simulation, caused by whatever last queued the pod.
    deps.loop.schedule(
      0,
      () => {
        if (epoch !== this.runEpoch) return;
        if (!q) return this.actor.send({ type: 'CYCLE_DONE' });
        // A cycle that preempts ends only once the victims' evictions are answered.
        scheduleOne(this.parts, q, podCycle, (done) => {
          if (epoch === this.runEpoch) this.actor.send({ type: 'CYCLE_DONE', ...done });
        });
      },
      { cause: q?.cause ?? null },
    );
  }
}

/** Builds the kube-scheduler for an engine; it takes its parts from engine.deps("kube-scheduler"). */
export function createScheduler(engine: Engine, config?: Partial<SchedulerConfig>): Scheduler {
  return new Scheduler(engine.deps(SCHEDULER), schedulerConfig(config));
}
