import { intern } from '../../api/strings';
import type { EventLoop, Timer } from '../../clock/eventLoop';
import type { ImageInfo, ImageVariant, ProcessPlan } from '../../images';
import type { Rng } from '../../rng/rng';
import { ContainerReason } from '../events';

// containerd on one node: sandboxes, containers, images and the processes inside. It outlives the
// kubelet: stopping the kubelet leaves every container running, and exits keep happening.
//   [CTR1] a process exits by itself per its plan, is OOM-killed (137, OOMKilled) when its memory
//          passes the container's limit, or is stopped: the stop signal, then SIGKILL (137) when
//          the timeout runs out.
//   [CTR2] exit reasons are containerd's: Completed for 0, Error otherwise, OOMKilled.
//   [CTR3] a start that runc refuses leaves the container exited with 128, reason StartError,
//          started at the Unix epoch.

/** A pod sandbox: the pause container holding the pod's network namespace and IP. */
export interface Sandbox {
  id: string;
  podUid: string;
  name: string;
  namespace: string;
  ip: string;
  ready: boolean;
  createdAt: number;
}

/** What the kubelet asks containerd to create. */
export interface ContainerConfig {
  name: string;
  attempt: number;
  image: ImageInfo;
  plan: ProcessPlan;
  memoryLimitBytes?: number;
  /** The spec image string, to notice a changed container definition. */
  specImage: string;
}

/** One container (one attempt) in a sandbox. */
export interface RuntimeContainer {
  id: string;
  sandboxId: string;
  podUid: string;
  name: string;
  attempt: number;
  image: string;
  imageRef: string;
  specImage: string;
  state: 'created' | 'running' | 'exited';
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  plan: ProcessPlan;
  memoryLimitBytes?: number;
  timer?: Timer;
  /** Callbacks waiting for this container to exit (StopContainer); made by the first stop. */
  waiters?: (() => void)[];
}

/** An image in the node's content store. */
export interface StoredImage {
  info: ImageInfo;
  variant: ImageVariant;
  /** Every name it was pulled by (docker.io/library/nginx:1.27, …:latest). */
  names: Set<string>;
}

const HEX = '0123456789abcdef';

/** The container runtime of one node. */
export class Containerd {
  readonly sandboxes = new Map<string, Sandbox>();
  readonly containers = new Map<string, RuntimeContainer>();
  readonly images = new Map<string, StoredImage>();
  private readonly listeners: ((c: RuntimeContainer) => void)[] = [];

  constructor(
    readonly name: string,
    private readonly loop: EventLoop,
    private readonly rng: Rng,
  ) {}

  /** Calls fn whenever a container exits (the kubelet's PLEG). */
  onExit(fn: (c: RuntimeContainer) => void): void {
    this.listeners.push(fn);
  }

  /** Returns a new 64-hex id, as containerd names sandboxes and containers. */
  newId(): string {
    return this.rng.string(HEX, 64);
  }

  /** Returns the image a normalized reference names, if present. */
  image(normalized: string): StoredImage | undefined {
    for (const img of this.images.values()) if (img.names.has(normalized)) return img;
    return undefined;
  }

  /** Stores a pulled image under its digest. */
  storeImage(info: ImageInfo, variant: ImageVariant, name: string): void {
    const existing = this.images.get(info.digest);
    if (existing) existing.names.add(name);
    else this.images.set(info.digest, { info, variant, names: new Set([name]) });
  }

  /** Returns the containers of a pod, oldest first. */
  podContainers(podUid: string): RuntimeContainer[] {
    return [...this.containers.values()].filter((c) => c.podUid === podUid);
  }

  /** Returns a pod's ready-or-not sandbox, if any. */
  sandboxOf(podUid: string): Sandbox | undefined {
    let found: Sandbox | undefined;
    for (const s of this.sandboxes.values()) if (s.podUid === podUid) found = s;
    return found;
  }

  /** Creates a container (not started). */
  create(sandbox: Sandbox, cfg: ContainerConfig): RuntimeContainer {
    const c: RuntimeContainer = {
      id: this.newId(),
      sandboxId: sandbox.id,
      podUid: sandbox.podUid,
      name: cfg.name,
      attempt: cfg.attempt,
      // Every container of an image reports the same name. [STR2]
      image: intern(cfg.image.name),
      imageRef: cfg.image.imageID,
      specImage: cfg.specImage,
      state: 'created',
      createdAt: this.loop.now(),
      // Set by every start; present from the start, it is held inside the object.
      startedAt: undefined,
      plan: cfg.plan,
      memoryLimitBytes: cfg.memoryLimitBytes,
    };
    this.containers.set(c.id, c);
    return c;
  }

  /** Starts a container's process; returns runc's error if it cannot start. [CTR3] */
  start(c: RuntimeContainer): string | undefined {
    const now = this.loop.now();
    if (c.plan.startError) {
      Object.assign(c, { state: 'exited', startedAt: 0, finishedAt: now, exitCode: 128 });
      Object.assign(c, { reason: ContainerReason.StartError, message: c.plan.startError });
      for (const l of this.listeners) l(c);
      return c.plan.startError;
    }
    c.state = 'running';
    c.startedAt = now;
    const exit = c.plan.exit;
    const mem = c.plan.memory;
    const oom = c.memoryLimitBytes !== undefined && mem.bytes > c.memoryLimitBytes;
    if (oom && (!exit || mem.rampMs <= exit.afterMs))
      c.timer = this.at(mem.rampMs, () => this.exit(c, 137, ContainerReason.OOMKilled));
    else if (exit) c.timer = this.at(exit.afterMs, () => this.exit(c, exit.code));
    return undefined;
  }

  /** Stops a container: stop signal, then SIGKILL after timeoutS; done runs once it exited. [CTR1] */
  stop(c: RuntimeContainer, timeoutS: number, done: () => void): void {
    if (c.state !== 'running') {
      if (c.state === 'created') this.exit(c, 0);
      done();
      return;
    }
    (c.waiters ??= []).push(done);
    const age = this.loop.now() - (c.startedAt ?? 0);
    const answer = c.plan.onStop(age);
    const timeoutMs = timeoutS * 1000;
    const before = c.timer;
    if (answer && answer.afterMs < timeoutMs) {
      const graceful = this.at(answer.afterMs, () => this.exit(c, answer.code));
      // The process may still end by itself sooner (its own exit or an OOM kill).
      if (before && before.at <= graceful.at) graceful.cancel();
      else {
        before?.cancel();
        c.timer = graceful;
      }
      return;
    }
    const kill = this.at(timeoutMs, () => this.exit(c, 137));
    if (before && before.at <= kill.at) kill.cancel();
    else {
      before?.cancel();
      c.timer = kill;
    }
  }

  /** Kills a running container at once with SIGKILL (sim container kill). */
  kill(c: RuntimeContainer): void {
    if (c.state === 'running') this.exit(c, 137);
  }

  /** Removes a sandbox and its containers. */
  removeSandbox(id: string): void {
    this.sandboxes.delete(id);
    for (const c of [...this.containers.values()]) {
      if (c.sandboxId !== id) continue;
      c.timer?.cancel();
      this.containers.delete(c.id);
    }
  }

  /** Drops exited attempts older than the two newest of each container name (container GC). */
  collect(podUid: string, name: string): void {
    const attempts = this.podContainers(podUid)
      .filter((c) => c.name === name && c.state === 'exited')
      .sort((a, b) => b.attempt - a.attempt);
    for (const old of attempts.slice(2)) this.containers.delete(old.id);
  }

  private at(ms: number, fn: () => void): Timer {
    return this.loop.schedule(ms, fn, { background: true });
  }

  private exit(c: RuntimeContainer, code: number, reason?: string): void {
    if (c.state === 'exited') return;
    c.timer?.cancel();
    c.timer = undefined;
    c.state = 'exited';
    c.finishedAt = this.loop.now();
    c.exitCode = code;
    c.reason = reason ?? (code === 0 ? ContainerReason.Completed : ContainerReason.Error);
    const waiters = c.waiters ?? [];
    c.waiters = undefined;
    for (const w of waiters) w();
    for (const l of this.listeners) l(c);
  }
}
