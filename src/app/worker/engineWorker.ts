/// <reference lib="webworker" />
import { EngineHost } from './host';
import type { CallMessage, ReplyMessage } from './protocol';

// The engine's Web Worker: reconciliation runs here so the page's animation never waits on it.

const host = new EngineHost();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<CallMessage>) => {
  const { id, method, args } = e.data;
  let reply: ReplyMessage;
  try {
    const fn = host[method] as (...a: unknown[]) => unknown;
    reply = { id, result: fn.apply(host, args) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
