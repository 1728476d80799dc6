import { assign, setup } from 'xstate';

// The kube-scheduler's lifecycle, as the component view lights it up:
//   stopped → syncing (informers list nodes and pods) → waiting ⇄ scheduling (one cycle at a time)
// Binding cycles run in the background and do not hold the machine. The machine decides; the
// runtime does the work, and every delay comes from the engine's loop (no XState timers).

/** What the machine asks of the scheduler it drives. */
export interface SchedulerRuntime {
  startInformers(): void;
  stopInformers(): void;
  /** Reports whether activeQ holds a pod. */
  hasPendingPod(): boolean;
  /** Pops a pod and runs its scheduling cycle as its own loop step; sends CYCLE_DONE after. */
  scheduleNext(): void;
}

/** How a scheduling cycle ended. */
export type CycleResult = 'Assumed' | 'Unschedulable' | 'Error' | 'Skipped';

/** Events the scheduler machine accepts. */
export type SchedulerEvent =
  | { type: 'START' }
  | { type: 'STOP' }
  | { type: 'SYNCED' }
  | { type: 'POD_QUEUED' }
  | { type: 'CYCLE_DONE'; pod?: string; result?: CycleResult; node?: string };

/** Visible context: the last pod scheduled and how it went. */
export interface SchedulerContext {
  runtime: SchedulerRuntime;
  cycles: number;
  lastPod?: string;
  lastResult?: CycleResult;
  lastNode?: string;
}

/** The scheduler machine. */
export const schedulerMachine = setup({
  types: {
    context: {} as SchedulerContext,
    events: {} as SchedulerEvent,
    input: {} as { runtime: SchedulerRuntime },
  },
  actions: {
    startInformers: ({ context }) => context.runtime.startInformers(),
    stopInformers: ({ context }) => context.runtime.stopInformers(),
    scheduleNext: ({ context }) => context.runtime.scheduleNext(),
    record: assign(({ context, event }) =>
      event.type === 'CYCLE_DONE' && event.pod !== undefined
        ? {
            cycles: context.cycles + 1,
            lastPod: event.pod,
            lastResult: event.result,
            lastNode: event.node,
          }
        : {},
    ),
  },
  guards: {
    hasPendingPod: ({ context }) => context.runtime.hasPendingPod(),
  },
}).createMachine({
  id: 'kube-scheduler',
  context: ({ input }) => ({ runtime: input.runtime, cycles: 0 }),
  initial: 'stopped',
  states: {
    stopped: {
      on: { START: 'syncing' },
    },
    syncing: {
      entry: 'startInformers',
      on: { SYNCED: 'waiting' },
    },
    waiting: {
      always: { guard: 'hasPendingPod', target: 'scheduling' },
      on: { POD_QUEUED: { guard: 'hasPendingPod', target: 'scheduling' } },
    },
    scheduling: {
      entry: 'scheduleNext',
      on: {
        CYCLE_DONE: [
          { guard: 'hasPendingPod', target: 'scheduling', reenter: true, actions: 'record' },
          { target: 'waiting', actions: 'record' },
        ],
      },
    },
  },
  on: {
    STOP: { target: '.stopped', actions: 'stopInformers' },
  },
});
