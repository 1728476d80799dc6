import { assign, setup } from 'xstate';

// The lifecycle every informer/workqueue controller shares, as an XState machine whose current
// state the controller-internals view lights up:
//   stopped → syncing (informers list) → idle ⇄ reconciling (one key at a time)
// The machine decides; the ControllerRuntime it is given does the work. It never uses XState's
// delayed transitions, whose timers run on the wall clock: delays come from the engine's loop.

/** What the machine asks of the controller it drives. */
export interface ControllerRuntime {
  startInformers(): void;
  stopInformers(): void;
  /** Reports whether keys are waiting. */
  hasWork(): boolean;
  /** Takes the next key and starts reconciling it; the runtime sends RECONCILED when finished. */
  processNext(): void;
}

/** Events the controller machine accepts. */
export type ControllerEvent =
  | { type: 'START' }
  | { type: 'STOP' }
  | { type: 'SYNCED' }
  | { type: 'WORK' }
  | { type: 'RECONCILED'; key: string; error?: string };

/** Visible context: the key being reconciled and the last error. */
export interface ControllerContext {
  runtime: ControllerRuntime;
  key?: string;
  lastError?: string;
  reconciled: number;
}

/** The shared controller machine. */
export const controllerMachine = setup({
  types: {
    context: {} as ControllerContext,
    events: {} as ControllerEvent,
    input: {} as { runtime: ControllerRuntime },
  },
  actions: {
    startInformers: ({ context }) => context.runtime.startInformers(),
    stopInformers: ({ context }) => context.runtime.stopInformers(),
    processNext: ({ context }) => context.runtime.processNext(),
    record: assign(({ context, event }) =>
      event.type === 'RECONCILED'
        ? { reconciled: context.reconciled + 1, key: event.key, lastError: event.error }
        : {},
    ),
  },
  guards: {
    hasWork: ({ context }) => context.runtime.hasWork(),
  },
}).createMachine({
  id: 'controller',
  context: ({ input }) => ({ runtime: input.runtime, reconciled: 0 }),
  initial: 'stopped',
  states: {
    stopped: {
      on: { START: 'syncing' },
    },
    syncing: {
      entry: 'startInformers',
      on: { SYNCED: 'idle' },
    },
    idle: {
      always: { guard: 'hasWork', target: 'reconciling' },
      on: { WORK: 'reconciling' },
    },
    reconciling: {
      entry: 'processNext',
      on: {
        RECONCILED: [
          {
            guard: 'hasWork',
            target: 'reconciling',
            reenter: true,
            actions: 'record',
          },
          { target: 'idle', actions: 'record' },
        ],
      },
    },
  },
  on: {
    STOP: { target: '.stopped', actions: 'stopInformers' },
  },
});
