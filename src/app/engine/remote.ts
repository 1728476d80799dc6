import type { CallMessage, EngineApi, ReplyMessage } from '../worker/protocol';

/** The engine's API as the page calls it: every call answers asynchronously. */
export type Remote<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

/** Starts the engine's Web Worker and returns its API. */
export function workerRemote(): Remote<EngineApi> {
  const worker = new Worker(new URL('../worker/engineWorker.ts', import.meta.url), {
    type: 'module',
    name: 'wheelhouse-engine',
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  worker.onmessage = (e: MessageEvent<ReplyMessage>) => {
    const call = pending.get(e.data.id);
    if (!call) return;
    pending.delete(e.data.id);
    if ('error' in e.data) call.reject(new Error(e.data.error));
    else call.resolve(e.data.result);
  };
  worker.onerror = (e) => {
    for (const call of pending.values()) call.reject(new Error(`the engine stopped: ${e.message}`));
    pending.clear();
  };
  return new Proxy({} as Remote<EngineApi>, {
    get:
      (_target, method: string) =>
      (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          const msg: CallMessage = { id, method: method as keyof EngineApi, args };
          worker.postMessage(msg);
        }),
  });
}

/** Wraps an in-process host as a Remote (tests, and browsers without module workers). */
export function localRemote(host: EngineApi): Remote<EngineApi> {
  return new Proxy({} as Remote<EngineApi>, {
    get:
      (_target, method: string) =>
      (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          try {
            const fn = host[method as keyof EngineApi] as (...a: unknown[]) => unknown;
            // A structured-clone round trip, as postMessage would do.
            resolve(structuredClone(fn.apply(host, args)));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        }),
  });
}
