import type { Container, Pod, Probe } from '../api/types';
import type { EventLoop, Timer } from '../clock/eventLoop';
import type { ProcessPlan } from '../images';
import type { EventRecorder } from '../client/eventRecorder';
import type { ProbeKind } from './events';
import { Reason, probeErrored, probeFailed } from './events';
import type { RuntimeContainer } from './runtime/containerd';

// The kubelet's probe workers (pkg/kubelet/prober): one per container and probe kind, asking the
// container's simulated process what a real probe would get.
//   [PROBE1] defaults: periodSeconds 10, timeoutSeconds 1, successThreshold 1, failureThreshold 3.
//   [PROBE2] a probe first runs initialDelaySeconds after the container starts, plus 1 s for the
//            kubelet to notice the start, then every periodSeconds.
//   [PROBE3] until the startup probe succeeds, liveness and readiness do not run and the container
//            is not "started"; readiness starts as not ready.
//   [PROBE4] every failed attempt records an Unhealthy event; failureThreshold consecutive ones
//            flip the result. A failed liveness or startup result holds until the container is
//            replaced.

/** The delay between a container starting and its first probe, besides initialDelaySeconds. */
export const PROBE_START_LATENCY_MS = 1000;

/** What a probe attempt found. */
export type ProbeOutcome = { ok: true } | { ok: false; output: string; errored?: boolean };

/** Runs one probe against a process at an age; ip and ports resolve the target. */
export function runProbe(
  probe: Probe,
  plan: ProcessPlan,
  ageMs: number,
  ip: string,
  container: Container,
): ProbeOutcome {
  const port = (p: number | string | undefined): number =>
    typeof p === 'number'
      ? p
      : (container.ports?.find((cp) => cp.name === p)?.containerPort ?? Number(p));
  const refused = (target: number): string =>
    `dial tcp ${ip}:${target}: connect: connection refused`;
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    const r = plan.exec(argv, ageMs);
    if (r.error) return { ok: false, output: r.error, errored: true };
    if (r.durationMs > (probe.timeoutSeconds ?? 1) * 1000)
      return { ok: false, output: `command "${argv.join(' ')}" timed out` };
    return r.code === 0 ? { ok: true } : { ok: false, output: r.output };
  }
  if (probe.httpGet) {
    const p = port(probe.httpGet.port);
    const path = probe.httpGet.path ?? '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const status = plan.http(p, path, ageMs);
    if (status === undefined)
      return { ok: false, output: `Get "${scheme}://${ip}:${p}${path}": ${refused(p)}` };
    return status >= 200 && status < 400
      ? { ok: true }
      : { ok: false, output: `HTTP probe failed with statuscode: ${status}` };
  }
  const target = port(probe.tcpSocket?.port ?? probe.grpc?.port);
  if (plan.tcp(target, ageMs)) return { ok: true };
  return probe.grpc
    ? { ok: false, output: `timeout: failed to connect service "${ip}:${target}" within 1s` }
    : { ok: false, output: refused(target) };
}

interface Worker {
  kind: ProbeKind;
  probe: Probe;
  successes: number;
  failures: number;
  timer?: Timer;
}

/** The probe state of one running container. */
export interface ContainerProbes {
  pod: Pod;
  spec: Container;
  container: RuntimeContainer;
  ip: string;
  started: boolean;
  ready: boolean;
  livenessFailed: boolean;
  startupFailed: boolean;
  workers: Worker[];
}

/** Notified when a result changes: readiness/startup change status, failures need a sync. */
export type ProbeListener = (podUid: string, kind: ProbeKind, failed: boolean) => void;

/** The probe workers of one kubelet. */
export class Prober {
  private readonly byContainer = new Map<string, ContainerProbes>();

  constructor(
    private readonly loop: EventLoop,
    private readonly recorder: EventRecorder,
    private readonly fieldPath: (pod: Pod, name: string) => string,
    private readonly onChange: ProbeListener,
  ) {}

  /** Starts probing a container that has just started. */
  add(pod: Pod, spec: Container, container: RuntimeContainer, ip: string): void {
    const cp: ContainerProbes = {
      pod,
      spec,
      container,
      ip,
      started: !spec.startupProbe,
      ready: !spec.readinessProbe,
      livenessFailed: false,
      startupFailed: false,
      workers: [],
    };
    this.byContainer.set(container.id, cp);
    if (spec.startupProbe) this.startWorker(cp, 'startup', spec.startupProbe);
    else this.startMain(cp);
  }

  /** Returns a container's probe-derived state; containers without probes are started and ready. */
  state(id: string): ContainerProbes | undefined {
    return this.byContainer.get(id);
  }

  /** Stops probing a container. */
  remove(id: string): void {
    const cp = this.byContainer.get(id);
    for (const w of cp?.workers ?? []) w.timer?.cancel();
    this.byContainer.delete(id);
  }

  /** Stops probing every container of a pod. */
  removePod(podUid: string): void {
    for (const [id, cp] of [...this.byContainer])
      if (cp.container.podUid === podUid) this.remove(id);
  }

  /** Stops every worker (the kubelet stopped). */
  reset(): void {
    for (const id of [...this.byContainer.keys()]) this.remove(id);
  }

  private startMain(cp: ContainerProbes): void {
    if (cp.spec.readinessProbe) this.startWorker(cp, 'readiness', cp.spec.readinessProbe);
    if (cp.spec.livenessProbe) this.startWorker(cp, 'liveness', cp.spec.livenessProbe);
  }

  private startWorker(cp: ContainerProbes, kind: ProbeKind, probe: Probe): void {
    const w: Worker = { kind, probe, successes: 0, failures: 0 };
    cp.workers.push(w);
    const startedAt = cp.container.startedAt ?? this.loop.now();
    const first = startedAt + (probe.initialDelaySeconds ?? 0) * 1000 + PROBE_START_LATENCY_MS;
    this.schedule(cp, w, Math.max(0, first - this.loop.now()));
  }

  private schedule(cp: ContainerProbes, w: Worker, delay: number): void {
    w.timer = this.loop.schedule(delay, () => this.tick(cp, w), { background: true });
  }

  private tick(cp: ContainerProbes, w: Worker): void {
    if (this.byContainer.get(cp.container.id) !== cp || cp.container.state !== 'running') return;
    const age = this.loop.now() - (cp.container.startedAt ?? 0);
    const outcome = runProbe(w.probe, cp.container.plan, age, cp.ip, cp.spec);
    const held = this.record(cp, w, outcome);
    if (!held) this.schedule(cp, w, (w.probe.periodSeconds ?? 10) * 1000);
  }

  /** Counts an attempt and flips results at the thresholds; returns whether the worker holds. [PROBE4] */
  private record(cp: ContainerProbes, w: Worker, outcome: ProbeOutcome): boolean {
    const uid = cp.container.podUid;
    if (outcome.ok) {
      w.failures = 0;
      if (++w.successes < (w.probe.successThreshold ?? 1)) return false;
      if (w.kind === 'readiness' && !cp.ready) {
        cp.ready = true;
        this.onChange(uid, 'readiness', false);
      }
      if (w.kind === 'startup') {
        cp.started = true;
        this.onChange(uid, 'startup', false);
        this.startMain(cp);
        return true;
      }
      return false;
    }
    w.successes = 0;
    const message = outcome.errored
      ? probeErrored(w.kind, outcome.output)
      : probeFailed(w.kind, outcome.output);
    this.recorder.event(
      cp.pod,
      'Warning',
      Reason.Unhealthy,
      message,
      this.fieldPath(cp.pod, cp.spec.name),
    );
    if (++w.failures < (w.probe.failureThreshold ?? 3)) return false;
    if (w.kind === 'readiness') {
      if (cp.ready) {
        cp.ready = false;
        this.onChange(uid, 'readiness', true);
      }
      return false;
    }
    if (w.kind === 'liveness') cp.livenessFailed = true;
    else cp.startupFailed = true;
    this.onChange(uid, w.kind, true);
    return true;
  }
}
