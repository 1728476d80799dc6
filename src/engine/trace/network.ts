import type { EventLoop } from '../clock/eventLoop';
import type { TraceMessage } from './message';
import type { Trace } from './trace';

/** Virtual milliseconds a hop takes, by the kinds of its two ends ("kubelet", "etcd", …). */
export interface LatencyConfig {
  /** Latency of any hop not overridden. */
  default: number;
  /** Overrides keyed "from->to" by component kind, e.g. "kube-apiserver->etcd". */
  hops?: Readonly<Record<string, number>>;
}

/** The default latencies: a small LAN, with etcd a little slower because it fsyncs. */
export const DEFAULT_LATENCY: LatencyConfig = {
  default: 1,
  hops: { 'kube-apiserver->etcd': 2 },
};

/** The fields a sender fills in; the network adds id, time, arrival and cause. */
export type Outgoing = Omit<TraceMessage, 'id' | 't' | 'arrive' | 'cause'> & {
  cause?: number | null;
};

/** When a message may arrive, beyond the modelled latency. */
export interface Arrival {
  /** Extra virtual ms on top of the latency (a slow consumer, `sim watch delay`). */
  extraDelay?: number;
  /** Arrive no earlier than this virtual time, so a stream's messages keep their order. */
  notBefore?: number;
}

/** Carries messages between components with latency, recording each hop in the trace. */
export class Network {
  /** Latency by sender then receiver: names repeat hop after hop, their kinds never change. */
  private readonly latencies = new Map<string, Map<string, number>>();

  constructor(
    readonly loop: EventLoop,
    private readonly trace: Trace,
    private readonly latency: LatencyConfig = DEFAULT_LATENCY,
  ) {}

  /**
   * Sends a message; deliver runs on arrival with the message as the current cause. out becomes
   * the recorded message, so it must be a fresh object the sender does not keep.
   */
  send(out: Outgoing, deliver: () => void, arrival?: Arrival): TraceMessage {
    const now = this.loop.now();
    const earliest = now + this.latencyOf(out.from, out.to) + (arrival?.extraDelay ?? 0);
    const delay = Math.max(earliest, arrival?.notBefore ?? 0) - now;
    const cause = out.cause === undefined ? this.loop.cause : out.cause;
    // The sender's literal becomes the message (every sender makes a fresh one): t, arrive and
    // cause land after its fields, where a spread copy put them, without copying it per hop.
    const msg = out as Omit<TraceMessage, 'id'>;
    msg.t = now;
    msg.arrive = now + delay;
    msg.cause = cause;
    const recorded = this.trace.record(msg);
    this.loop.scheduleCaused(delay, deliver, recorded.id);
    return recorded;
  }

  private latencyOf(from: string, to: string): number {
    let byTo = this.latencies.get(from);
    if (!byTo) this.latencies.set(from, (byTo = new Map()));
    let ms = byTo.get(to);
    if (ms === undefined) {
      const key = `${componentKind(from)}->${componentKind(to)}`;
      ms = this.latency.hops?.[key] ?? this.latency.default;
      byTo.set(to, ms);
    }
    return ms;
  }
}

/** Returns the kind of a component name: "kubelet/node-1" → "kubelet". */
export function componentKind(name: string): string {
  const slash = name.indexOf('/');
  return slash < 0 ? name : name.slice(0, slash);
}
