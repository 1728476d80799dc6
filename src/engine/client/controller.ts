import type { Actor } from 'xstate';
import { createActor } from 'xstate';
import type { Component, ComponentDeps, ComponentSnapshot } from '../component';
import { StatusError } from '../apiserver/errors';
import type { ControllerRuntime } from './controllerMachine';
import { controllerMachine } from './controllerMachine';
import type { Informer } from './informer';
import { runTask, type Task } from './task';
import { WorkQueue } from './workqueue';

/** What one reconcile asks for next. */
export interface ReconcileResult {
  /** Reconcile this key again after a delay (virtual ms), e.g. for minReadySeconds. */
  requeueAfter?: number;
}

/**
 * The informer → workqueue → reconcile pattern every controller shares. A subclass creates its
 * informers, maps their events to keys with enqueue(), and implements reconcile(key) as a Task.
 *   [CTL1] a stopped controller does nothing: its informers close their watches, its queue is
 *          left as it was, and a reconcile in flight goes no further than its current step.
 *   [CTL2] a started one is a fresh process: a new, empty queue filled by relisting every
 *          informer, so it catches up on whatever changed while it was stopped.
 */
export abstract class Controller implements Component, ControllerRuntime {
  readonly actor: Actor<typeof controllerMachine>;
  private workqueue: WorkQueue;
  /** Counts stops, so work begun before one is dropped. [CTL1] */
  private epoch = 0;

  constructor(
    readonly name: string,
    protected readonly deps: ComponentDeps,
  ) {
    this.workqueue = this.newQueue();
    this.actor = createActor(controllerMachine, { input: { runtime: this } });
    this.actor.start();
  }

  /** Returns the work queue of the current run. */
  get queue(): WorkQueue {
    return this.workqueue;
  }

  /** Returns the informers this controller lists and watches. */
  protected abstract informers(): Informer[];

  /** Brings one object's world in line with its spec. */
  protected abstract reconcile(key: string): Task<ReconcileResult | void>;

  /** Queues a key for reconciliation. */
  enqueue(key: string): void {
    this.queue.add(key);
  }

  start(): void {
    this.actor.send({ type: 'START' });
  }

  stop(): void {
    this.actor.send({ type: 'STOP' });
  }

  snapshot(): ComponentSnapshot {
    const snap = this.actor.getSnapshot();
    const caches = Object.fromEntries(this.informers().map((i) => [i.options.resource, i.size()]));
    return {
      state: snap.value,
      queue: this.queue.waiting(),
      details: {
        key: snap.context.key,
        lastError: snap.context.lastError,
        reconciled: snap.context.reconciled,
        caches,
        ...this.details(),
      },
    };
  }

  /** Facts particular to this controller, shown beside the common ones in its snapshot. */
  protected details(): Record<string, unknown> {
    return {};
  }

  startInformers(): void {
    this.workqueue = this.newQueue();
    const informers = this.informers();
    let pending = informers.length;
    if (pending === 0) this.actor.send({ type: 'SYNCED' });
    for (const inf of informers)
      inf.start(() => --pending === 0 && this.actor.send({ type: 'SYNCED' }));
  }

  stopInformers(): void {
    this.epoch++;
    for (const inf of this.informers()) inf.stop();
  }

  hasWork(): boolean {
    return this.queue.len() > 0;
  }

  processNext(): void {
    const queue = this.workqueue;
    const item = queue.get();
    if (!item) return;
    const { loop, client } = this.deps;
    const epoch = this.epoch;
    const live = (): boolean => epoch === this.epoch;
    // Reconciling is its own step of the simulation, caused by whatever last queued the key.
    const reconcile = (): void => {
      if (!live()) return;
      runTask(whileLive(this.reconcile(item.key), live), client, loop, (error, result) => {
        if (!live()) return;
        if (error === undefined) {
          queue.forget(item.key);
          if (result?.requeueAfter !== undefined) queue.addAfter(item.key, result.requeueAfter);
        } else {
          queue.addRateLimited(item.key);
        }
        queue.done(item.key);
        this.actor.send({
          type: 'RECONCILED',
          key: item.key,
          error: error === undefined ? undefined : describeError(error),
        });
      });
    };
    loop.schedule(0, reconcile, { cause: item.cause });
  }

  private newQueue(): WorkQueue {
    const queue: WorkQueue = new WorkQueue(this.deps.loop, () => {
      // A queue left behind by a stop may still fire its delayed adds; they go nowhere. [CTL2]
      // Only an idle machine takes WORK; sent while reconciling, it would cost a full XState
      // macrostep per queued key to be ignored.
      if (queue === this.workqueue && this.actor.getSnapshot().value === 'idle')
        this.actor.send({ type: 'WORK' });
    });
    return queue;
  }
}

/** Runs a task step by step while live() holds; a stopped process's task is abandoned. [CTL1] */
function* whileLive<T>(task: Task<T>, live: () => boolean): Task<T | void> {
  let input: unknown;
  for (;;) {
    const step = task.next(input);
    if (step.done) return step.value;
    input = yield step.value;
    if (!live()) {
      task.return(undefined as T);
      return;
    }
  }
}

function describeError(e: unknown): string {
  if (e instanceof StatusError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
