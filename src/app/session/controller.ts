import type { Remote } from '../engine/remote';
import type { PlaybackStore } from '../state/playback';
import { isHeartbeat } from '../timeline/heartbeat';
import { Timeline } from '../timeline/timeline';
import { World } from '../timeline/world';
import type { Delta, EngineApi, Op, SessionConfig } from '../worker/protocol';

// The one place that talks to the engine and moves the playhead. Views read the store and call
// these methods; they never touch the engine. Commands run at the engine's head; after the
// student went back in time, a command first forks the engine there and the future is discarded.

/** Virtual ms of engine time kept ready ahead of the playhead, per 1× of speed. */
const LOOKAHEAD_MS = 400;

/** Hops asked for in one extension of the engine. */
const EXTEND_HOPS = 80;

/** Owns one session: the engine (through the worker), the timeline, the world and playback. */
export class SessionController {
  timeline = new Timeline(() => true);
  readonly world = new World();
  private headT = 0;
  /** The session as the worker logs it, mirrored so it can be saved at any instant. */
  private config: SessionConfig = { seed: 1, nodes: 3 };
  private ops: Op[] = [];
  private extending = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly engine: Remote<EngineApi>,
    readonly store: PlaybackStore,
  ) {}

  /** Starts a session (fresh, or replaying saved ops) and shows it from where boot ended. */
  async start(config: SessionConfig, ops: Op[] = []): Promise<void> {
    const started = await this.engine.start(config, ops);
    this.config = config;
    this.ops = [...ops];
    const visible = this.visibility();
    this.timeline = new Timeline(visible, started.bootHops);
    this.world.truncate(-1);
    this.ingest(started.delta);
    const startX = this.timeline.startX();
    this.store.setState({
      ready: true,
      bootHops: started.bootHops,
      components: started.components,
      startX,
      x: ops.length > 0 ? this.timeline.endX(this.headT) : startX,
    });
    this.refresh();
  }

  /** Runs a kubectl command line and resolves with what it printed. */
  kubectl(line: string, stdin?: string): Promise<string> {
    return this.command({ op: 'kubectl', line, ...(stdin ? { stdin } : {}) }, (e) =>
      e.kubectl(line, stdin),
    );
  }

  /** Runs a sim fault-injection command line. */
  sim(line: string): Promise<string> {
    return this.command({ op: 'sim', line }, (e) => e.sim(line));
  }

  /** Runs any line the terminal accepts: kubectl … or sim …. */
  run(line: string): Promise<string> {
    const trimmed = line.trim();
    if (/^sim(\s|$)/.test(trimmed)) return this.sim(trimmed);
    return this.kubectl(trimmed);
  }

  /** Applies YAML text, as `kubectl apply -f -` with it on stdin. */
  apply(text: string): Promise<string> {
    return this.kubectl('kubectl apply -f -', text);
  }

  /** Runs the engine ms of virtual time ahead and shows everything up to there. */
  advance(ms: number): Promise<void> {
    return this.serial(async () => {
      await this.catchUpOrFork();
      this.ingest(await this.engine.advance(ms));
      this.logWait();
      this.store.setState({ x: this.timeline.endX(this.headT) });
      this.refresh();
    });
  }

  /** Runs virtual time until the cluster is quiet and shows that moment (a lesson's start). */
  settle(): Promise<void> {
    return this.serial(async () => {
      await this.catchUpOrFork();
      this.ingest(await this.engine.settle());
      this.logWait();
      this.store.setState({ x: this.timeline.endX(this.headT) });
      this.refresh(true);
    });
  }

  /** Advances playback by dt real milliseconds (called every animation frame). */
  tick(dtMs: number): void {
    const s = this.store.getState();
    if (!s.ready || !s.playing) return;
    const endX = this.timeline.endX(this.headT);
    const x = Math.min(endX, s.x + dtMs * s.speed);
    // One update per frame: every view subscribed to the store redraws once.
    if (x !== s.x || endX !== s.endX)
      this.store.setState({
        x,
        endX,
        position: this.timeline.at(x),
        ...(x >= endX ? { rewound: false } : {}),
      });
    if (this.headT - this.store.getState().position.t < LOOKAHEAD_MS * Math.max(1, s.speed))
      void this.extend();
  }

  play(): void {
    this.store.setState({ playing: true });
  }

  pause(): void {
    this.store.setState({ playing: false });
  }

  /** Moves to the end of the next moment of hops, asking the engine for more if needed. */
  async step(): Promise<void> {
    this.pause();
    const x = this.store.getState().x;
    let next = this.timeline.nextStop(x);
    for (let tries = 0; next === undefined && tries < 50; tries++) {
      await this.extend();
      next = this.timeline.nextStop(x);
    }
    if (next !== undefined) this.seek(next);
  }

  /** Moves back to the end of the previous moment. */
  stepBack(): void {
    this.pause();
    this.seek(this.timeline.previousStop(this.store.getState().x));
  }

  /** Moves the playhead to display position x (the Timeline slider). */
  seek(x: number): void {
    const s = this.store.getState();
    const clamped = Math.max(s.startX, Math.min(this.timeline.endX(this.headT), x));
    this.store.setState({ x: clamped, rewound: clamped < s.x || s.rewound });
    this.refresh();
  }

  setSpeed(speed: number): void {
    this.store.setState({ speed });
  }

  /** Shows or hides heartbeat hops (Lease renewals and node status reads). */
  setShowHeartbeats(show: boolean): void {
    const t = this.store.getState().position.t;
    this.store.setState({ showHeartbeats: show });
    const hops = this.timeline.hops;
    this.timeline = new Timeline(this.visibility(), this.store.getState().bootHops);
    this.timeline.append(hops);
    this.store.setState({ x: this.timeline.displayOf(t), startX: this.timeline.startX() });
    this.refresh(true);
  }

  /** Returns whether playback shows a hop (heartbeats may be hidden). */
  isVisible(hop: Parameters<typeof isHeartbeat>[0]): boolean {
    return this.visibility()(hop);
  }

  /** Returns the session's log (config and ops), to save or share. */
  log(): { config: SessionConfig; ops: Op[] } {
    return { config: this.config, ops: [...this.ops] };
  }

  /** Mirrors the worker's log of a wait: it ran the clock to headT, merged with a wait before it. */
  private logWait(): void {
    const last = this.ops[this.ops.length - 1];
    if (last?.op === 'until') last.t = this.headT;
    else this.ops.push({ op: 'until', t: this.headT });
  }

  private visibility() {
    return this.store.getState().showHeartbeats
      ? () => true
      : (h: Parameters<typeof isHeartbeat>[0]) => !isHeartbeat(h);
  }

  private command(
    op: Op,
    call: (e: Remote<EngineApi>) => Promise<{ output: string; delta: Delta }>,
  ): Promise<string> {
    return this.serial(async () => {
      this.store.setState({ busy: true });
      try {
        await this.catchUpOrFork();
        const result = await call(this.engine);
        this.ops.push(op);
        this.ingest(result.delta);
        this.refresh(true);
        return result.output;
      } finally {
        this.store.setState({ busy: false });
      }
    });
  }

  /**
   * Before a command: after going back in time, fork the engine at the playhead; otherwise skip
   * the few hops the engine ran ahead so the command's hops come next.
   */
  private async catchUpOrFork(): Promise<void> {
    const s = this.store.getState();
    const endX = this.timeline.endX(this.headT);
    if (!s.rewound || s.x >= endX) {
      this.store.setState({ x: endX, rewound: false });
      this.refresh();
      return;
    }
    const done = Math.max(s.bootHops, s.position.done);
    const fork = await this.engine.fork(done);
    this.timeline.truncate(fork.hops);
    this.world.truncate(fork.rev);
    this.headT = fork.now;
    this.ops = (await this.engine.log()).ops;
    this.store.setState({ rewound: false, x: this.timeline.endX(this.headT) });
    this.refresh(true);
  }

  private async extend(): Promise<void> {
    if (this.extending) return;
    this.extending = true;
    try {
      const speed = this.store.getState().speed;
      const delta = await this.serial(() =>
        this.engine.extend(EXTEND_HOPS, LOOKAHEAD_MS * Math.max(1, speed) * 2),
      );
      this.ingest(delta);
      this.logWait();
      this.refresh(true);
    } catch (e) {
      this.store.setState({ error: e instanceof Error ? e.message : String(e), playing: false });
    } finally {
      this.extending = false;
    }
  }

  private ingest(delta: Delta): void {
    this.timeline.append(delta.hops);
    this.world.add(delta.versions);
    this.headT = delta.now;
  }

  /** Recomputes the derived position; bumps the revision when data changed. */
  private refresh(dataChanged = false): void {
    const s = this.store.getState();
    const position = this.timeline.at(s.x);
    const endX = this.timeline.endX(this.headT);
    this.store.setState({ position, endX, ...(dataChanged ? { revision: s.revision + 1 } : {}) });
  }

  /** Runs engine calls one after another, so a command never interleaves with an extension. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
