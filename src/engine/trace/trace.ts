import type { TraceMessage } from './message';

/** How much of the trace to keep: every hop (interactive), or only counts (benchmarks at scale). */
export type TraceMode = 'full' | 'count';

/** Listens to messages as they are recorded. */
export type TraceListener = (m: TraceMessage) => void;

/** Records every hop in order and notifies subscribers (the views, the CLI's trace file). */
export class Trace {
  private readonly messages: TraceMessage[] = [];
  private readonly listeners = new Set<TraceListener>();
  private nextId = 1;
  private count = 0;

  constructor(readonly mode: TraceMode = 'full') {}

  /** Assigns the next id and records a message. */
  record(m: Omit<TraceMessage, 'id'>): TraceMessage {
    const msg = m as TraceMessage;
    msg.id = this.nextId++;
    this.count++;
    if (this.mode === 'full') this.messages.push(msg);
    for (const l of this.listeners) l(msg);
    return msg;
  }

  /** Returns every recorded message (empty in count mode). */
  all(): readonly TraceMessage[] {
    return this.messages;
  }

  /** Returns the number of messages sent so far, in any mode. */
  size(): number {
    return this.count;
  }

  /** Returns the message with this id, if kept. */
  get(id: number): TraceMessage | undefined {
    // Ids are dense and start at 1, so in full mode the index is id - 1.
    const m = this.messages[id - 1];
    return m?.id === id ? m : undefined;
  }

  /** Returns the chain of causes from a message back to the command that started it. */
  causalChain(id: number): TraceMessage[] {
    const chain: TraceMessage[] = [];
    let m = this.get(id);
    while (m) {
      chain.push(m);
      m = m.cause === null ? undefined : this.get(m.cause);
    }
    return chain;
  }

  /** Subscribes to new messages; returns the unsubscribe function. */
  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
