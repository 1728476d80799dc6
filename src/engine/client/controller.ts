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
 */
export abstract class Controller implements Component, ControllerRuntime {
  readonly queue: WorkQueue;
  readonly actor: Actor<typeof controllerMachine>;

  constructor(
    readonly name: string,
    protected readonly deps: ComponentDeps,
  ) {
    this.queue = new WorkQueue(deps.loop, () => this.actor.send({ type: 'WORK' }));
    this.actor = createActor(controllerMachine, { input: { runtime: this } });
    this.actor.start();
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
      },
    };
  }

  startInformers(): void {
    const informers = this.informers();
    let pending = informers.length;
    if (pending === 0) this.actor.send({ type: 'SYNCED' });
    for (const inf of informers)
      inf.start(() => --pending === 0 && this.actor.send({ type: 'SYNCED' }));
  }

  stopInformers(): void {
    for (const inf of this.informers()) inf.stop();
  }

  hasWork(): boolean {
    return this.queue.len() > 0;
  }

  processNext(): void {
    const item = this.queue.get();
    if (!item) return;
    const { loop, client } = this.deps;
    // Reconciling is its own step of the simulation, caused by whatever last queued the key.
    loop.schedule(
      0,
      () =>
        runTask(this.reconcile(item.key), client, loop, (error, result) => {
          if (error === undefined) {
            this.queue.forget(item.key);
            if (result?.requeueAfter !== undefined)
              this.queue.addAfter(item.key, result.requeueAfter);
          } else {
            this.queue.addRateLimited(item.key);
          }
          this.queue.done(item.key);
          this.actor.send({
            type: 'RECONCILED',
            key: item.key,
            error: error === undefined ? undefined : describeError(error),
          });
        }),
      { cause: item.cause },
    );
  }
}

function describeError(e: unknown): string {
  if (e instanceof StatusError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
