import type { StoredObject } from '../../api/object';
import type { EventRecorder } from '../../client/eventRecorder';
import type { Informer } from '../../client/informer';
import { runTask } from '../../client/task';
import type { Timer } from '../../clock/eventLoop';
import type { ComponentDeps } from '../../component';
import type { LifecycleContext } from './context';
import { NODE_MONITOR_PERIOD_MS, NodeHealthMonitor } from './monitor';
import { NODE_EVICTION_PERIOD_MS, doNoExecuteTaintingPass } from './noExecuteTainting';
import { Zones } from './zones';

// The controller's two timed loops for one run of the process (Run: wait.Until goroutines).
//   [LOOP1] after the informers sync (polled every 100 ms, as WaitForCacheSync does) the monitor
//           pass runs at once, then 5 s after each pass ends.
//   [LOOP2] the NoExecute tainting pass runs 100 ms after a node is queued, and every 100 ms
//           while any zone has nodes waiting; with none waiting it sleeps, which changes nothing
//           upstream's idle ticks would have done.
//   [LOOP3] both are background timers: waiting for the next pass is not work. A stopped run's
//           passes stop at the next node, and its memory goes with it.

const CACHE_SYNC_POLL_MS = 100;

/** The informers the loops read. */
export interface LifecycleInformers {
  nodes: Informer<StoredObject>;
  leases: Informer<StoredObject>;
  pods: Informer<StoredObject>;
}

/** One run of the monitor and tainting loops, with the memory that run builds up. */
export class LifecycleLoops {
  readonly ctx: LifecycleContext;
  readonly monitor: NodeHealthMonitor;
  private stopped = false;
  private timer: Timer | undefined;
  private tainter: 'idle' | 'scheduled' | 'running' = 'idle';

  constructor(
    private readonly informers: LifecycleInformers,
    private readonly deps: ComponentDeps,
    recorder: EventRecorder,
  ) {
    const { loop, rng } = deps;
    this.ctx = {
      ...informers,
      zones: new Zones(),
      recorder,
      rng,
      now: () => loop.now(),
      alive: () => !this.stopped,
      wakeTainter: () => this.wakeTainter(),
    };
    this.monitor = new NodeHealthMonitor(this.ctx);
  }

  /** Starts the monitor loop once the informers have synced. [LOOP1] */
  start(): void {
    if (this.stopped) return;
    const { nodes, leases, pods } = this.informers;
    if ([nodes, leases, pods].every((i) => i.hasSynced())) return this.monitorLoop();
    this.timer = this.deps.loop.schedule(CACHE_SYNC_POLL_MS, () => this.start(), {
      background: true,
    });
  }

  /** Stops both loops. [LOOP3] */
  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }

  /** Returns the nodes waiting for a NoExecute taint, for the controller-internals view. */
  waiting(): string[] {
    return [...this.ctx.zones.tainters.values()].flatMap((q) => q.waiting());
  }

  private monitorLoop(): void {
    const { client, loop } = this.deps;
    runTask(this.monitor.monitorNodeHealth(), client, loop, () => {
      if (this.stopped) return;
      // Each pass starts a causal chain of its own, not a consequence of the last one.
      this.timer = loop.schedule(NODE_MONITOR_PERIOD_MS, () => this.monitorLoop(), {
        background: true,
        cause: null,
      });
    });
  }

  /** [LOOP2] */
  private wakeTainter(): void {
    if (this.tainter !== 'idle' || this.stopped) return;
    this.tainter = 'scheduled';
    const { client, loop } = this.deps;
    const pass = (): void => {
      if (this.stopped) return;
      this.tainter = 'running';
      runTask(doNoExecuteTaintingPass(this.ctx), client, loop, () => {
        this.tainter = 'idle';
        if (this.ctx.zones.pending()) this.wakeTainter();
      });
    };
    loop.schedule(NODE_EVICTION_PERIOD_MS, pass, { background: true });
  }
}
