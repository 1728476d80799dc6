import { assign, setup } from 'xstate';

// The kubelet's node-level lifecycle, whose state the controller-internals view shows:
//   stopped → registering (POST the Node, first status) → running (lease, status loop, pods)
// STOP from any state goes back to stopped: heartbeats and status updates end, but containerd and
// the containers keep running, as on a node whose kubelet process died. START registers again
// (the Node already exists) and resyncs every pod. Pods and containers are plain data, not
// actors ([SCALE1]); the machine never uses XState's wall-clock delays — the runtime schedules
// retries on the engine's loop.

/** What the machine asks of the kubelet it drives. */
export interface KubeletRuntime {
  /** Registers the node; the runtime sends REGISTERED or REGISTER_FAILED. */
  register(): void;
  /** Starts the lease, the status loop and the pod informer. */
  beginRunning(): void;
  /** Stops everything the kubelet process does; containers keep running. */
  halt(): void;
}

/** Events the kubelet machine accepts. */
export type KubeletEvent =
  | { type: 'START' }
  | { type: 'STOP' }
  | { type: 'REGISTERED' }
  | { type: 'REGISTER_FAILED'; error: string };

/** Visible context: how many times it registered and the last registration error. */
export interface KubeletContext {
  runtime: KubeletRuntime;
  starts: number;
  lastError?: string;
}

/** The kubelet machine. */
export const kubeletMachine = setup({
  types: {
    context: {} as KubeletContext,
    events: {} as KubeletEvent,
    input: {} as { runtime: KubeletRuntime },
  },
  actions: {
    register: ({ context }) => context.runtime.register(),
    beginRunning: ({ context }) => context.runtime.beginRunning(),
    halt: ({ context }) => context.runtime.halt(),
    countStart: assign(({ context }) => ({ starts: context.starts + 1, lastError: undefined })),
    recordError: assign(({ event }) =>
      event.type === 'REGISTER_FAILED' ? { lastError: event.error } : {},
    ),
  },
}).createMachine({
  id: 'kubelet',
  context: ({ input }) => ({ runtime: input.runtime, starts: 0 }),
  initial: 'stopped',
  states: {
    stopped: {
      on: { START: { target: 'registering', actions: 'countStart' } },
    },
    registering: {
      entry: 'register',
      on: {
        REGISTERED: 'running',
        // Registration is retried by the runtime on the engine loop; stay here meanwhile.
        REGISTER_FAILED: { actions: 'recordError' },
      },
    },
    running: {
      entry: 'beginRunning',
    },
  },
  on: {
    STOP: { target: '.stopped', actions: 'halt' },
  },
});
