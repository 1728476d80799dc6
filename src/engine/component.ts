import type { EventLoop } from './clock/eventLoop';
import type { Client } from './client/client';
import type { EventRecorder, EventSource } from './client/eventRecorder';
import type { Rng } from './rng/rng';
import type { Network } from './trace/network';

/** A running part of the control plane: a controller, the scheduler, a kubelet. */
export interface Component {
  /** The name used in the trace: "kube-scheduler", "kubelet/node-1", "replicaset-controller". */
  readonly name: string;
  start(): void;
  stop(): void;
  /** Returns the component's state-machine state and visible context, for the views. */
  snapshot(): ComponentSnapshot;
}

/** What the controller-internals view shows of a component. */
export interface ComponentSnapshot {
  /** The machine's current state value, e.g. "idle" or { running: "ready" }. */
  state: unknown;
  /** Work waiting, for queue-based components. */
  queue?: readonly string[];
  /** Extra facts worth showing (current key, last error, cache sizes). */
  details?: Readonly<Record<string, unknown>>;
}

/** What every component is built from. */
export interface ComponentDeps {
  loop: EventLoop;
  rng: Rng;
  /** This component's connection to the apiserver. */
  client: Client;
  /** The network, for hops that do not go through the apiserver (kubelet → container runtime). */
  network: Network;
  /** Makes an event recorder reporting as the given source. */
  recorder(source: EventSource): EventRecorder;
}
