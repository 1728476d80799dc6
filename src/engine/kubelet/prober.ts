import type { Container, Pod, Probe } from '../api/types';
import type { EventLoop, Timer } from '../clock/eventLoop';
import type { EventRecorder } from '../client/eventRecorder';
import type { ProbeKind } from './events';
import { Reason, probeErrored, probeFailed } from './events';
import { runProbe } from './probe';
import type { Containerd, RuntimeContainer } from './runtime/containerd';
import type { SyncLoop } from './syncLoop';

// The kubelet's probe manager and workers (pkg/kubelet/prober/prober_manager.go, worker.go): one
// worker per container and probe kind, created when the pod is first synced and kept across
// container restarts.
//   [PROBE1] defaults: periodSeconds 10, timeoutSeconds 1, successThreshold 1, failureThreshold 3,
//            initialDelaySeconds 0.
//   [PROBE2] a worker probes at its creation and then every periodSeconds; a worker created
//            within one period of the kubelet starting first sleeps a random part of a period.
//            It probes the container the kubelet last saw, once that container is
//            initialDelaySeconds old.
//   [PROBE3] until the startup probe succeeds, liveness and readiness do not run and the container
//            is not "started"; a new container starts not ready, live, and not started.
//   [PROBE4] every failed attempt records Warning Unhealthy "<Kind> probe failed: …";
//            failureThreshold failures in a row (successThreshold successes) change the result.
//            A failed liveness or startup result holds until the container is replaced.
//   [PROBE5] a probe that errors (a command not in the image) records "<Kind> probe errored: …"
//            and its result is thrown away: it never counts towards a threshold.
//   [PROBE6] generating a pod's status runs the readiness probe of a started container at once
//            if it is not yet ready (UpdatePodStatus's manual trigger).

/** A probe result, as the results managers keep it. */
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** Each kind's result for a container the worker has not probed yet. [PROBE3] */
const INITIAL: Record<ProbeKind, ProbeResult> = {
  liveness: 'Success',
  readiness: 'Failure',
  startup: 'Unknown',
};

interface Worker {
  uid: string;
  pod: Pod;
  spec: Container;
  kind: ProbeKind;
  probe: Probe;
  /** When the worker first runs; it runs again every period after. */
  phase: number;
  lastRun?: number;
  /** The container the kubelet last saw for this name, and the pod IP. */
  targetId?: string;
  ip: string;
  /** The container the worker's result is about. */
  containerId?: string;
  result?: ProbeResult;
  lastResult?: ProbeResult;
  resultRun: number;
  onHold: boolean;
  /** A manual run asked for while the worker still sleeps. */
  triggered: boolean;
  timer?: Timer;
}

/** Notified whenever a result changes: readiness and startup change status, failures need a sync. */
export type ProbeListener = (podUid: string, kind: ProbeKind, result: ProbeResult) => void;

const NO_WORKERS: readonly Worker[] = [];

/** The probe workers of one kubelet. */
export class Prober {
  private readonly byPod = new Map<string, readonly Worker[]>();

  constructor(
    private readonly loop: EventLoop,
    private readonly runtime: Containerd,
    private readonly recorder: EventRecorder,
    private readonly fieldPath: (pod: Pod, name: string) => string,
    private readonly syncLoop: SyncLoop,
    private readonly onChange: ProbeListener,
  ) {}

  /** Reports whether a pod has probe workers (AddPod ran in this run of the kubelet). */
  hasPod(uid: string): boolean {
    return this.byPod.has(uid);
  }

  /**
   * Makes sure a pod's workers exist and probe the containers the sync saw (AddPod), and runs
   * the readiness probe of started, unready containers at once. [PROBE2][PROBE6]
   */
  addPod(pod: Pod, seen: readonly RuntimeContainer[], ip: string | undefined): void {
    const uid = pod.metadata?.uid ?? '';
    const existing = this.byPod.get(uid);
    const workers = existing ?? this.createWorkers(uid, pod);
    for (const w of workers) {
      const c = newest(seen, w.spec.name);
      w.ip = ip ?? w.ip;
      w.targetId = c?.id;
      if (c?.state === 'running') this.keepTicking(w);
      if (existing && w.kind === 'readiness' && c?.state === 'running') {
        if (this.started(uid, c.name, c.id) && !this.isResult(w, c.id, 'Success')) this.trigger(w);
      }
    }
  }

  /** Returns whether a container has started and is ready, as its probes say. [PROBE3] */
  status(uid: string, name: string, containerId: string): { started: boolean; ready: boolean } {
    const started = this.started(uid, name, containerId);
    const readiness = this.find(uid, name, 'readiness');
    const ready = started && (!readiness || this.isResult(readiness, containerId, 'Success'));
    return { started, ready };
  }

  /** Returns the probe whose failure means the container must be killed, if any. */
  failed(uid: string, name: string, containerId: string): 'liveness' | 'startup' | undefined {
    const liveness = this.find(uid, name, 'liveness');
    if (liveness && this.isResult(liveness, containerId, 'Failure')) return 'liveness';
    const startup = this.find(uid, name, 'startup');
    if (startup && this.isResult(startup, containerId, 'Failure')) return 'startup';
    return undefined;
  }

  /** Stops the liveness and startup workers of a pod being terminated. */
  stopLivenessAndStartup(uid: string): void {
    const workers = this.byPod.get(uid);
    if (!workers) return;
    for (const w of workers) if (w.kind !== 'readiness') w.timer?.cancel();
    this.byPod.set(
      uid,
      workers.filter((w) => w.kind === 'readiness'),
    );
  }

  /** Stops every worker of a pod. */
  removePod(uid: string): void {
    for (const w of this.byPod.get(uid) ?? []) w.timer?.cancel();
    this.byPod.delete(uid);
  }

  /** Stops every worker (the kubelet stopped). */
  reset(): void {
    for (const uid of [...this.byPod.keys()]) this.removePod(uid);
  }

  private createWorkers(uid: string, pod: Pod): readonly Worker[] {
    const now = this.loop.now();
    const workers: Worker[] = [];
    for (const spec of pod.spec?.containers ?? []) {
      const probes: [ProbeKind, Probe | undefined][] = [
        ['startup', spec.startupProbe],
        ['readiness', spec.readinessProbe],
        ['liveness', spec.livenessProbe],
      ];
      for (const [kind, probe] of probes) {
        if (!probe) continue;
        const period = periodMs(probe);
        // Probes of a freshly started kubelet are spread over one period.
        const sleep = now - this.syncLoop.startedAt() < period ? this.syncLoop.fraction(period) : 0;
        workers.push({
          uid,
          pod,
          spec,
          kind,
          probe,
          phase: now + sleep,
          ip: '',
          resultRun: 0,
          onHold: false,
          triggered: false,
        });
      }
    }
    // Most pods have no probes: they share one empty list.
    const list = workers.length > 0 ? workers : NO_WORKERS;
    this.byPod.set(uid, list);
    return list;
  }

  private find(uid: string, name: string, kind: ProbeKind): Worker | undefined {
    return this.byPod.get(uid)?.find((w) => w.spec.name === name && w.kind === kind);
  }

  private isResult(w: Worker, containerId: string, result: ProbeResult): boolean {
    return w.containerId === containerId && w.result === result;
  }

  private started(uid: string, name: string, containerId: string): boolean {
    const startup = this.find(uid, name, 'startup');
    return !startup || this.isResult(startup, containerId, 'Success');
  }

  /** Schedules the worker's next tick on its grid, never twice in one instant. */
  private keepTicking(w: Worker): void {
    if (w.timer || (w.onHold && w.targetId === w.containerId)) return;
    const now = this.loop.now();
    const period = periodMs(w.probe);
    const earliest = w.lastRun === undefined ? now : Math.max(now, w.lastRun + 1);
    const next =
      earliest <= w.phase ? w.phase : w.phase + Math.ceil((earliest - w.phase) / period) * period;
    w.timer = this.loop.schedule(next - now, () => this.tick(w), { background: true });
  }

  private tick(w: Worker): void {
    w.timer = undefined;
    let keep = this.run(w);
    if (w.triggered) {
      w.triggered = false;
      keep = this.run(w);
    }
    if (keep) this.keepTicking(w);
  }

  /** Asks for a run now; one waits if the worker is still in its first sleep. [PROBE6] */
  private trigger(w: Worker): void {
    if (this.loop.now() < w.phase) {
      w.triggered = true;
      return;
    }
    this.loop.schedule(0, () => {
      if (this.find(w.uid, w.spec.name, w.kind) === w && this.run(w)) this.keepTicking(w);
    });
  }

  /** Probes once (doProbe); returns whether the worker keeps ticking. [PROBE3]-[PROBE5] */
  private run(w: Worker): boolean {
    w.lastRun = this.loop.now();
    const c = w.targetId ? this.runtime.containers.get(w.targetId) : undefined;
    if (!c) return false;
    if (w.containerId !== c.id) {
      // A new container: its result starts from the kind's initial value (and is announced).
      w.containerId = c.id;
      w.result = undefined;
      w.onHold = false;
      this.set(w, INITIAL[w.kind]);
    }
    if (w.onHold || c.state !== 'running') return false;
    const age = this.loop.now() - (c.startedAt ?? 0);
    if (age < (w.probe.initialDelaySeconds ?? 0) * 1000) return true;
    const started = this.started(w.uid, c.name, c.id);
    if (w.kind === 'startup' ? started : !started) return true;
    const outcome = runProbe(w.probe, c.plan, age, w.ip, w.spec);
    if (!outcome.ok) {
      const message = outcome.errored
        ? probeErrored(w.kind, outcome.output)
        : probeFailed(w.kind, outcome.output);
      const path = this.fieldPath(w.pod, w.spec.name);
      this.recorder.event(w.pod, 'Warning', Reason.Unhealthy, message, path);
      if (outcome.errored) return true;
    }
    const result: ProbeResult = outcome.ok ? 'Success' : 'Failure';
    if (w.lastResult === result) w.resultRun++;
    else {
      w.lastResult = result;
      w.resultRun = 1;
    }
    const threshold =
      result === 'Failure' ? (w.probe.failureThreshold ?? 3) : (w.probe.successThreshold ?? 1);
    if (w.resultRun < threshold) return true;
    this.set(w, result);
    if (w.kind !== 'readiness' && result === 'Failure') {
      w.onHold = true;
      w.resultRun = 0;
      return false;
    }
    return true;
  }

  private set(w: Worker, result: ProbeResult): void {
    if (w.result === result) return;
    w.result = result;
    this.onChange(w.uid, w.kind, result);
  }
}

function periodMs(probe: Probe): number {
  return (probe.periodSeconds ?? 10) * 1000;
}

function newest(seen: readonly RuntimeContainer[], name: string): RuntimeContainer | undefined {
  let found: RuntimeContainer | undefined;
  for (const c of seen) if (c.name === name && (!found || c.attempt > found.attempt)) found = c;
  return found;
}
