import type { ApiRequest, ApiResponse } from '../apiserver/types';
import type { Client } from '../client/client';

// The kubelet's multi-step work (a pod sync: sandbox, pull, create, start) as generators that
// yield "waits" and resume when the simulated answer arrives, like client/task.ts does for API
// calls. A wait is anything that calls resume later: a CRI hop, a place in the image-pull queue.
// Each run carries an alive() check so work belonging to a stopped kubelet or a forgotten pod is
// dropped instead of resumed.

/** Something a coroutine waits for: start it, and it calls resume exactly once. */
export interface Wait {
  start(resume: (value: unknown) => void): void;
}

/** A unit of kubelet work. */
export type Co<T> = Generator<Wait, T, unknown>;

/** Waits for a callback-style operation and returns its value. */
export function* wait<T>(start: (resume: (value: T) => void) => void): Co<T> {
  return (yield { start: start as (resume: (value: unknown) => void) => void }) as T;
}

/** Sends an API request and returns its answer, an error or a timeout included. */
export function* request(client: Client, req: ApiRequest): Co<ApiResponse> {
  return yield* wait<ApiResponse>((resume) => client.request(req, resume));
}

/** Runs coroutines side by side and returns their results in order. */
export function* all<T>(cos: Co<T>[], alive: () => boolean): Co<T[]> {
  if (cos.length === 0) return [];
  return yield* wait<T[]>((resume) => {
    const out = new Array<T>(cos.length);
    let pending = cos.length;
    cos.forEach((co, i) =>
      runCo(co, alive, (v) => {
        out[i] = v;
        if (--pending === 0) resume(out);
      }),
    );
  });
}

/** Runs a coroutine to completion; done is not called if alive() turns false on the way. */
export function runCo<T>(co: Co<T>, alive: () => boolean, done: (value: T) => void): void {
  const step = (input: unknown): void => {
    if (!alive()) return;
    const r = co.next(input);
    if (r.done) {
      done(r.value);
      return;
    }
    let resumed = false;
    r.value.start((value) => {
      if (resumed) return;
      resumed = true;
      step(value);
    });
  };
  step(undefined);
}
