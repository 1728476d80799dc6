import type { Actor } from 'xstate';
import { createActor } from 'xstate';
import type { StoredObject } from '../api/object';
import type { Pod } from '../api/types';
import { Informer } from '../client/informer';
import type { NodeSpec } from '../cluster';
import type { Component, ComponentSnapshot } from '../component';
import type { Engine } from '../engine';
import { findImage, parseImageReference } from '../images';
import type { KubeletCore } from './core';
import type { KubeletRuntime } from './kubeletMachine';
import { kubeletMachine } from './kubeletMachine';
import { NodeLease } from './node/lease';
import { NodeReporter } from './node/reporter';
import type { ProbeKind } from './events';
import { syncPod } from './pods/sync';
import { ORPHAN_GRACE_SECONDS, podGraceSeconds, shortenGrace } from './pods/terminate';
import type { PodWorker } from './pods/worker';
import { differsSemantically, newWorker } from './pods/worker';
import { runCo } from './coroutine';
import type { ProbeResult } from './prober';
import type { RuntimeContainer } from './runtime/containerd';
import { Containerd } from './runtime/containerd';
import { buildCore } from './wiring';

// One node's kubelet: registers the Node, heartbeats through its Lease, posts node status, and
// runs the pods bound to the node through containerd. See CONTEXT.md in this folder.

/** How long a failed registration waits before trying again, in ms. */
export const REGISTER_RETRY_MS = 7000;
/** The sandbox image every node has from the start. */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

/** The kubelet of one simulated node. */
export class Kubelet implements Component, KubeletRuntime {
  readonly name: string;
  readonly runtime: Containerd;
  readonly actor: Actor<typeof kubeletMachine>;
  private readonly core: KubeletCore;
  private readonly reporter: NodeReporter;
  private readonly lease: NodeLease;
  private readonly informer: Informer<StoredObject>;
  private epoch = 0;
  private running = false;

  constructor(engine: Engine, spec: NodeSpec) {
    this.name = `kubelet/${spec.name}`;
    const { loop, rng, client } = engine.deps(this.name);
    this.runtime = new Containerd(`containerd/${spec.name}`, loop, rng);
    preloadPause(this.runtime);
    const { core, facts } = buildCore(engine, spec, {
      name: this.name,
      runtime: this.runtime,
      token: () => this.token(),
      alive: () => this.running,
      onProbe: (uid, kind, result) => this.onProbe(uid, kind, result),
      onContainersChanged: (uid) => this.onContainersChanged(uid),
      sync: syncPod,
    });
    this.core = core;
    this.reporter = new NodeReporter(facts, client, loop, core.recorder, this.runtime);
    this.lease = new NodeLease(spec.name, client, loop);
    this.informer = new Informer<StoredObject>(client, {
      resource: 'pods',
      fieldSelector: `spec.nodeName=${spec.name}`,
    });
    this.informer.addHandlers({
      add: (pod) => this.onPod(pod as Pod),
      update: (_old, pod) => this.onPod(pod as Pod),
      delete: (pod) => this.onPodGone(pod as Pod),
    });
    this.runtime.onExit((c) => this.onExit(c));
    this.actor = createActor(kubeletMachine, { input: { runtime: this } });
    this.actor.start();
  }

  start(): void {
    this.actor.send({ type: 'START' });
  }

  stop(): void {
    this.actor.send({ type: 'STOP' });
  }

  snapshot(): ComponentSnapshot {
    const snap = this.actor.getSnapshot();
    const containers = [...this.runtime.containers.values()];
    return {
      state: snap.value,
      details: {
        pods: this.core.workers.byUid.size,
        sandboxes: this.runtime.sandboxes.size,
        runningContainers: containers.filter((c) => c.state === 'running').length,
        images: this.runtime.images.size,
        starts: snap.context.starts,
        lastError: snap.context.lastError,
      },
    };
  }

  /** Kills a running container with SIGKILL, as `sim container kill` does. */
  killContainer(namespace: string, pod: string, container: string | undefined): string | undefined {
    const w = [...this.core.workers.byUid.values()].find(
      (x) => x.pod.metadata?.namespace === namespace && x.pod.metadata?.name === pod,
    );
    const uid =
      w?.uid ??
      [...this.runtime.sandboxes.values()].find((s) => s.name === pod && s.namespace === namespace)
        ?.podUid;
    if (!uid) return `pod "${pod}" has no containers on this node`;
    const name = container ?? w?.pod.spec?.containers[0]?.name;
    const c = this.runtime
      .podContainers(uid)
      .filter((x) => x.name === name)
      .sort((a, b) => b.attempt - a.attempt)[0];
    if (!c) return `container "${name ?? ''}" not found in pod "${pod}"`;
    if (c.state !== 'running') return `container "${c.name}" of pod "${pod}" is not running`;
    this.runtime.kill(c);
    return undefined;
  }

  register(): void {
    this.reporter.birthCry();
    this.tryRegister();
  }

  beginRunning(): void {
    this.running = true;
    this.core.syncLoop.begin(this.core.loop.now());
    const alive = this.token();
    this.lease.start(this.reporter.uid(), alive);
    this.reporter.startLoop(alive);
    this.informer.start(() => this.cleanupOrphans());
  }

  halt(): void {
    this.running = false;
    this.epoch++;
    this.lease.stop();
    this.reporter.stop();
    this.informer.stop();
    this.core.workers.clear();
    this.core.pleg.reset();
    this.core.prober.reset();
    this.core.images.reset();
    this.core.restarts.reset();
    this.core.status.reset();
    // A new process has a new event broadcaster: nothing it records joins the old one's events.
    this.core.recorder.restart();
  }

  /** Registers the node, trying again every 7 s until it succeeds. */
  private tryRegister(): void {
    const alive = this.token();
    this.reporter.register(alive, (ok) => {
      if (!alive()) return;
      if (ok) return void this.actor.send({ type: 'REGISTERED' });
      this.actor.send({
        type: 'REGISTER_FAILED',
        error: 'unable to register node with the API server',
      });
      this.core.loop.schedule(REGISTER_RETRY_MS, () => alive() && this.tryRegister(), {
        background: true,
      });
    });
  }

  /** Returns a check that is true while this run of the kubelet lasts. */
  private token(): () => boolean {
    // Every STOP ends the run (halt bumps the epoch); the machine's state is not consulted, as
    // registration starts in START's entry action, before the snapshot leaves stopped.
    const epoch = this.epoch;
    return () => this.epoch === epoch;
  }

  private onPod(pod: Pod): void {
    const uid = pod.metadata?.uid ?? '';
    const w = this.core.workers.byUid.get(uid);
    if (!w) {
      const fresh = newWorker(pod);
      this.core.workers.byUid.set(uid, fresh);
      this.core.workers.trigger(fresh);
      return;
    }
    const changed = differsSemantically(w.pod, pod);
    w.pod = pod;
    this.maybeShortenGrace(w);
    if (changed) this.core.workers.trigger(w);
    else this.core.status.reconcile(w);
  }

  private onPodGone(pod: Pod): void {
    const w = this.core.workers.byUid.get(pod.metadata?.uid ?? '');
    if (!w) return;
    w.pod = pod;
    w.gone = true;
    this.maybeShortenGrace(w);
    this.core.workers.trigger(w);
  }

  /** Stops a terminating pod's containers again if the apiserver shortened its grace period. */
  private maybeShortenGrace(w: PodWorker): void {
    const grace = podGraceSeconds(w.pod);
    if (!w.terminating || w.gracePeriod === undefined || grace >= w.gracePeriod) return;
    runCo(shortenGrace(this.core, w, grace), this.token(), () => {});
  }

  /** Removes sandboxes of pods that vanished while the kubelet was stopped. */
  private cleanupOrphans(): void {
    for (const s of [...this.runtime.sandboxes.values()]) {
      if (this.core.workers.byUid.has(s.podUid)) continue;
      const ghost = newWorker({
        metadata: { name: s.name, namespace: s.namespace, uid: s.podUid },
        spec: { containers: [], terminationGracePeriodSeconds: ORPHAN_GRACE_SECONDS },
      });
      ghost.gone = true;
      this.core.workers.byUid.set(s.podUid, ghost);
      this.core.workers.trigger(ghost);
    }
    for (const s of this.runtime.sandboxes.values()) this.core.ipam.claim(s.ip);
  }

  /** A container exited: PLEG notices it at the next relist. */
  private onExit(c: RuntimeContainer): void {
    if (this.running) this.core.pleg.changed(c.podUid, c.finishedAt ?? this.core.loop.now());
  }

  /** PLEG: a pod's containers changed, so it is synced (restart, back-off, completion). */
  private onContainersChanged(uid: string): void {
    const w = this.core.workers.byUid.get(uid);
    // A terminating pod's worker is busy stopping it and writes its status when done.
    if (w && !w.terminating) this.core.workers.trigger(w);
  }

  /** A probe result changed: readiness and startup show in the status at once; all sync the pod. */
  private onProbe(uid: string, kind: ProbeKind, result: ProbeResult): void {
    const w = this.core.workers.byUid.get(uid);
    if (!w || w.terminated) return;
    if (kind !== 'liveness') {
      if (w.observed) w.observed.probesAbsent = false;
      this.core.status.dirty(w);
    } else if (result !== 'Failure') return;
    this.core.workers.trigger(w);
  }
}

function preloadPause(runtime: Containerd): void {
  const ref = parseImageReference(PAUSE_IMAGE);
  const found = findImage(ref);
  if (found) runtime.storeImage(found.info, found.variant, ref.normalized);
}

/** Builds the kubelet of one node: engine.deps(`kubelet/<node>`) supplies its parts. */
export function createKubelet(engine: Engine, spec: NodeSpec): Kubelet {
  return new Kubelet(engine, spec);
}
