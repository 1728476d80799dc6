import equal from 'fast-deep-equal';
import { KeyedHeap } from './heap';
import { Nominator } from './nominator';
import type { Labels } from '../../api/labels';
import type { Pod } from '../../api/types';
import type { EventLoop, Timer } from '../../clock/eventLoop';
import type { ClusterEvent, QueuedPodInfo } from '../framework/interface';
import { ActionType } from '../framework/interface';
import type { PodInfo } from '../framework/podInfo';
import { affinityTermsOf, termMatches } from '../plugins/interpodaffinity/terms';
import { PodTopologySpread } from '../plugins/names';

// internal/queue/scheduling_queue.go (PriorityQueue, v1.31 without queueing hints):
//   [Q1] activeQ is ordered by the QueueSort plugin (PrioritySort: priority, then queue time).
//   [Q2] a pod that failed waits 1 s × 2^(attempts−1), capped at 10 s, counted from the failure;
//        backoffQ is flushed into activeQ every second.
//   [Q3] a rejected pod waits in unschedulablePods until a cluster event one of its rejecting
//        plugins registered for (node added, node changed, assigned pod deleted…), or 5 minutes
//        (checked every 30 s); it then goes to backoffQ if still backing off, else activeQ.
//   [Q4] a pod rejected while a move request arrived during its cycle, or rejected by no plugin
//        (an error), goes straight to backoffQ.
//   [Q5] an update to an unschedulable pod requeues it only if more than its status changed.
//   [Q6] an assigned pod added or updated moves only the pods it can help: those rejected by
//        PodTopologySpread and those whose required pod affinity it matches
//        (getUnschedulablePodsWithCrossTopologyTerm); a deleted one moves all interested pods.

/** Queue timing (KubeSchedulerConfiguration podInitialBackoffSeconds …). */
export interface QueueConfig {
  initialBackoffMs: number;
  maxBackoffMs: number;
  maxInUnschedulableMs: number;
}

/** The upstream defaults: 1 s, 10 s, 5 min. */
export const DEFAULT_QUEUE_CONFIG: QueueConfig = {
  initialBackoffMs: 1000,
  maxBackoffMs: 10_000,
  maxInUnschedulableMs: 5 * 60_000,
};

const BACKOFF_FLUSH_MS = 1000;
const UNSCHEDULABLE_FLUSH_MS = 30_000;

/** The event that requeues pods stuck longer than maxInUnschedulableMs (a wildcard). */
export const UNSCHEDULABLE_TIMEOUT: ClusterEvent = {
  resource: '*',
  actionType: ActionType.All,
  label: 'UnschedulableTimeout',
};

/** What the queue asks of the framework. */
export interface QueueHooks {
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
  isInterested(plugin: string, event: ClusterEvent): boolean;
  /** Reports whether any plugin registered for the event (isEventOfInterest). */
  isEventOfInterest(event: ClusterEvent): boolean;
  /** Called when activeQ may have gained a pod. */
  onActive(): void;
}

const keyOf = (q: QueuedPodInfo): string => q.podInfo.key;

/** The three sub-queues of pods waiting to be scheduled. */
export class SchedulingQueue {
  private readonly activeQ: KeyedHeap<QueuedPodInfo>;
  private readonly backoffQ: KeyedHeap<QueuedPodInfo>;
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private cycle = 0;
  private moveRequestCycle = -1;
  private seq = 0;
  /** The pending tick of each periodic flush; each tick replaces its own entry. */
  private readonly timers = new Map<string, Timer>();

  constructor(
    private readonly loop: EventLoop,
    private readonly hooks: QueueHooks,
    private readonly config: QueueConfig = DEFAULT_QUEUE_CONFIG,
    /** The pods with a node set aside for them; the queue keeps it in step with pod events. */
    readonly nominator = new Nominator(),
  ) {
    this.activeQ = new KeyedHeap(keyOf, (a, b) => hooks.less(a, b));
    this.backoffQ = new KeyedHeap(keyOf, (a, b) => {
      const ea = this.backoffExpiry(a);
      const eb = this.backoffExpiry(b);
      return ea < eb || (ea === eb && a.seq < b.seq);
    });
  }

  /** Starts the periodic flushes. [Q2][Q3] */
  start(): void {
    const every = (name: string, ms: number, fn: () => void): void => {
      const tick = (): void => {
        fn();
        this.timers.set(name, this.loop.schedule(ms, tick, { background: true, cause: null }));
      };
      this.timers.set(name, this.loop.schedule(ms, tick, { background: true, cause: null }));
    };
    every('backoff', BACKOFF_FLUSH_MS, () => this.flushBackoffCompleted());
    every('unschedulable', UNSCHEDULABLE_FLUSH_MS, () => this.flushUnschedulableLeftover());
  }

  /** Stops the flushes and empties the queue, as a stopped process loses it. */
  stop(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
    this.nominator.clear();
    this.activeQ.clear();
    this.backoffQ.clear();
    this.unschedulable.clear();
  }

  /** Returns the number of scheduling cycles started (pops). */
  schedulingCycle(): number {
    return this.cycle;
  }

  /** Adds a new pending pod to activeQ. */
  add(pi: PodInfo): void {
    this.backoffQ.delete(pi.key);
    this.unschedulable.delete(pi.key);
    this.activeQ.push(this.newQueued(pi));
    this.nominator.add(pi);
    this.hooks.onActive();
  }

  /** Applies an update to a queued pod. [Q5] */
  update(old: Pod, pi: PodInfo): void {
    // A pod in no sub-queue is added below, which nominates it afresh.
    if (this.activeQ.has(pi.key) || this.backoffQ.has(pi.key) || this.unschedulable.has(pi.key))
      this.nominator.update(old, pi);
    const active = this.activeQ.get(pi.key);
    if (active) return this.activeQ.push({ ...active, podInfo: pi });
    const backingOff = this.backoffQ.get(pi.key);
    if (backingOff) return this.backoffQ.push({ ...backingOff, podInfo: pi });
    const waiting = this.unschedulable.get(pi.key);
    if (!waiting) return this.add(pi);
    const next = { ...waiting, podInfo: pi };
    if (!isPodUpdated(old, pi.pod)) {
      this.unschedulable.set(pi.key, next);
      return;
    }
    this.unschedulable.delete(pi.key);
    this.requeue(next, this.loop.cause);
  }

  /** Removes a pod from whichever sub-queue holds it. */
  delete(key: string): void {
    this.nominator.delete(key);
    this.activeQ.delete(key);
    this.backoffQ.delete(key);
    this.unschedulable.delete(key);
  }

  /** Takes the next pod to schedule, counting the attempt. */
  pop(): QueuedPodInfo | undefined {
    const q = this.activeQ.pop();
    if (!q) return undefined;
    this.cycle++;
    q.attempts++;
    return q;
  }

  /** Reports whether activeQ has a pod. */
  hasActive(): boolean {
    return this.activeQ.size() > 0;
  }

  /** Puts back a pod whose attempt failed. [Q3][Q4] */
  addUnschedulableIfNotPresent(q: QueuedPodInfo, podCycle: number): void {
    const key = q.podInfo.key;
    if (this.unschedulable.has(key) || this.activeQ.has(key) || this.backoffQ.has(key)) return;
    q.timestamp = this.loop.now();
    if (this.moveRequestCycle >= podCycle || q.unschedulablePlugins.size === 0) {
      this.backoffQ.push(q);
    } else {
      this.unschedulable.set(key, q);
    }
  }

  /** Moves the unschedulable pods an event may help (and preCheck admits). [Q3] */
  moveAllToActiveOrBackoff(event: ClusterEvent, preCheck?: (pod: PodInfo) => boolean): void {
    this.movePods(event, (q) => !preCheck || preCheck(q.podInfo));
  }

  /** AssignedPodAdded / AssignedPodUpdated: moves the pods a placed pod may help. [Q6] */
  moveForAssignedPod(event: ClusterEvent, pod: Pod, nsLabels: Labels): void {
    this.movePods(
      event,
      (q) =>
        q.unschedulablePlugins.has(PodTopologySpread) ||
        affinityTermsOf(q.podInfo.pod).requiredAffinityTerms.some((t) =>
          termMatches(t, pod, nsLabels),
        ),
    );
  }

  private movePods(event: ClusterEvent, select: (q: QueuedPodInfo) => boolean): void {
    if (event.resource !== '*' && !this.hooks.isEventOfInterest(event)) return;
    const interested = (q: QueuedPodInfo): boolean =>
      q.unschedulablePlugins.size === 0 ||
      event.resource === '*' ||
      [...q.unschedulablePlugins].some((p) => this.hooks.isInterested(p, event));
    const moving: QueuedPodInfo[] = [];
    for (const q of this.unschedulable.values()) if (select(q) && interested(q)) moving.push(q);
    for (const q of moving) {
      this.unschedulable.delete(q.podInfo.key);
      this.requeue(q, this.loop.cause);
    }
    this.moveRequestCycle = this.cycle;
  }

  /** Moves pods whose backoff has expired to activeQ. [Q2] */
  flushBackoffCompleted(): void {
    let moved = false;
    for (let q = this.backoffQ.peek(); q && !this.isBackingOff(q); q = this.backoffQ.peek()) {
      this.backoffQ.pop();
      this.activeQ.push(q);
      moved = true;
    }
    if (moved) this.hooks.onActive();
  }

  /** Requeues pods unschedulable for longer than maxInUnschedulableMs. [Q3] */
  flushUnschedulableLeftover(): void {
    const now = this.loop.now();
    const stale = new Set<string>();
    for (const q of this.unschedulable.values())
      if (now - q.timestamp > this.config.maxInUnschedulableMs) stale.add(q.podInfo.key);
    if (stale.size > 0)
      this.moveAllToActiveOrBackoff(UNSCHEDULABLE_TIMEOUT, (pi) => stale.has(pi.key));
  }

  /** Returns the backoff of a pod after its attempts: 1 s doubling, capped. [Q2] */
  backoffDuration(q: QueuedPodInfo): number {
    if (q.attempts === 0) return 0;
    let d = this.config.initialBackoffMs;
    for (let i = 1; i < q.attempts; i++) {
      if (d > this.config.maxBackoffMs - d) return this.config.maxBackoffMs;
      d += d;
    }
    return d;
  }

  /** Returns the sizes of the sub-queues. */
  sizes(): { activeQ: number; backoffQ: number; unschedulablePods: number } {
    return {
      activeQ: this.activeQ.size(),
      backoffQ: this.backoffQ.size(),
      unschedulablePods: this.unschedulable.size,
    };
  }

  /** Returns up to limit pods of activeQ in scheduling order (for the view). */
  activeOrder(limit: number): QueuedPodInfo[] {
    const sorted = [...this.activeQ.values()].sort((a, b) => (this.hooks.less(a, b) ? -1 : 1));
    return sorted.slice(0, limit);
  }

  private requeue(q: QueuedPodInfo, cause: number | null): void {
    const moved = { ...q, cause: cause ?? q.cause };
    if (this.isBackingOff(moved)) {
      this.backoffQ.push(moved);
      return;
    }
    this.activeQ.push(moved);
    this.hooks.onActive();
  }

  private isBackingOff(q: QueuedPodInfo): boolean {
    return this.backoffExpiry(q) > this.loop.now();
  }

  private backoffExpiry(q: QueuedPodInfo): number {
    return q.timestamp + this.backoffDuration(q);
  }

  private newQueued(pi: PodInfo): QueuedPodInfo {
    return {
      podInfo: pi,
      timestamp: this.loop.now(),
      attempts: 0,
      unschedulablePlugins: new Set(),
      cause: this.loop.cause,
      seq: this.seq++,
    };
  }
}

// isPodUpdated: a change other than status, resourceVersion, generation, managedFields and
// finalizers may make the pod schedulable.
function isPodUpdated(old: Pod, next: Pod): boolean {
  const strip = (p: Pod): unknown => {
    const { status: _s, ...rest } = p;
    const {
      resourceVersion: _rv,
      generation: _g,
      managedFields: _m,
      finalizers: _f,
      ...meta
    } = p.metadata ?? {};
    return { ...rest, metadata: meta };
  };
  return !equal(strip(old), strip(next));
}
