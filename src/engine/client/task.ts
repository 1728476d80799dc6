import type { KubeObject } from '../api/object';
import { StatusError } from '../apiserver/errors';
import type { ApiRequest, ApiResponse, WatchEvent } from '../apiserver/types';
import type { EventLoop } from '../clock/eventLoop';
import type { Client } from './client';

// Reconcile logic is written as generators that yield effects (API calls, parallel groups,
// sleeps) and are resumed when the simulated answer arrives. This reads like async/await but runs
// entirely inside the engine's event loop, so it is deterministic and replayable.

/** Something a task waits for. */
export type Effect =
  | { type: 'call'; req: ApiRequest }
  | { type: 'all'; tasks: Task<unknown>[] }
  | { type: 'sleep'; ms: number; background: boolean }
  | { type: 'watch'; req: ApiRequest; until: (e: WatchEvent) => boolean; timeoutMs: number };

/** A unit of asynchronous work inside the simulation. */
export type Task<T> = Generator<Effect, T, unknown>;

/** The outcome of one task in a parallel group. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Sends an API request and returns the response, even an error one. */
export function* request(req: ApiRequest): Task<ApiResponse> {
  return (yield { type: 'call', req }) as ApiResponse;
}

/** Sends an API request and returns its object; throws a StatusError on failure. */
export function* call<T = KubeObject>(req: ApiRequest): Task<T> {
  const res = yield* request(req);
  if (res.error) throw new StatusError(res.error);
  return res.body as T;
}

/** Runs tasks in parallel and returns every outcome, in order. */
export function* allSettled<T>(tasks: Task<T>[]): Task<Settled<T>[]> {
  if (tasks.length === 0) return [];
  return (yield { type: 'all', tasks }) as Settled<T>[];
}

/** Waits for virtual time to pass; background sleeps do not keep runUntilIdle going. */
export function* sleep(ms: number, background = false): Task<void> {
  yield { type: 'sleep', ms, background };
}

/**
 * Watches until an event satisfies until, returning it, or returns undefined after timeoutMs of
 * virtual time (kubectl wait, rollout status, delete --wait).
 */
export function* watchUntil(
  req: ApiRequest,
  until: (e: WatchEvent) => boolean,
  timeoutMs: number,
): Task<WatchEvent | undefined> {
  return (yield { type: 'watch', req, until, timeoutMs }) as WatchEvent | undefined;
}

/** Runs a task to completion on a client, calling done with its result or error. */
export function runTask<T>(
  task: Task<T>,
  client: Client,
  loop: EventLoop,
  done: (error: unknown, value?: T) => void,
): void {
  const resume = (input: { value: unknown } | { error: unknown }): void => {
    let step: IteratorResult<Effect, T>;
    try {
      step = 'error' in input ? task.throw(input.error) : task.next(input.value);
    } catch (e) {
      done(e);
      return;
    }
    if (step.done) {
      done(undefined, step.value);
      return;
    }
    const effect = step.value;
    switch (effect.type) {
      case 'call':
        client.request(effect.req, (res) => resume({ value: res }));
        break;
      case 'sleep':
        loop.schedule(effect.ms, () => resume({ value: undefined }), {
          background: effect.background,
        });
        break;
      case 'watch': {
        let finished = false;
        const finish = (value: WatchEvent | undefined): void => {
          if (finished) return;
          finished = true;
          timer.cancel();
          handle.stop();
          resume({ value });
        };
        const timer = loop.schedule(effect.timeoutMs, () => finish(undefined), {
          background: true,
        });
        const handle = client.watch(effect.req, (e) => {
          if (effect.until(e)) finish(e);
        });
        break;
      }
      case 'all': {
        const results: Settled<unknown>[] = new Array(effect.tasks.length);
        let pending = effect.tasks.length;
        effect.tasks.forEach((t, i) =>
          runTask(t, client, loop, (error, value) => {
            results[i] = error === undefined ? { ok: true, value } : { ok: false, error };
            if (--pending === 0) resume({ value: results });
          }),
        );
        break;
      }
    }
  };
  resume({ value: undefined });
}
