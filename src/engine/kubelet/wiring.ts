import type { Pod } from '../api/types';
import type { NodeSpec } from '../cluster';
import type { Engine } from '../engine';
import { Backoff } from './backoff';
import type { Co } from './coroutine';
import type { KubeletCore } from './core';
import { fieldPath } from './core';
import { ImageManager } from './imageManager';
import { PodIpam, nodeIP, nodeIndex, podCIDR } from './node/network';
import type { NodeFacts } from './node/nodeObject';
import { allocatableOf } from './node/nodeObject';
import { statusOf } from './pods/podStatus';
import { StatusManager } from './pods/statusManager';
import type { PodWorker, SyncOutcome } from './pods/worker';
import { PodWorkers } from './pods/worker';
import { Pleg } from './pleg';
import type { ProbeListener } from './prober';
import { Prober } from './prober';
import type { Containerd } from './runtime/containerd';
import { Cri } from './runtime/cri';
import { SyncLoop, kubeletRng } from './syncLoop';

// Builds the parts of one kubelet from the engine's shared pieces, so kubelet.ts only has to
// connect the machine, the informer and the node reporting.

/** What the kubelet itself supplies to its parts. */
export interface Hooks {
  name: string;
  runtime: Containerd;
  /** Returns a check that stays true while the current run of the kubelet lasts. */
  token(): () => boolean;
  /** Whether the kubelet process runs. */
  alive(): boolean;
  onProbe: ProbeListener;
  /** PLEG saw a pod's containers change. */
  onContainersChanged(uid: string): void;
  sync(core: KubeletCore, w: PodWorker): Co<SyncOutcome>;
}

/** Returns the kubelet's core and the facts its Node is built from. */
export function buildCore(
  engine: Engine,
  spec: NodeSpec,
  hooks: Hooks,
): { core: KubeletCore; facts: NodeFacts } {
  const deps = engine.deps(hooks.name);
  const { loop, rng, client } = deps;
  const index = nodeIndex(
    engine.config.nodes.map((n) => n.name),
    spec.name,
  );
  const recorder = deps.recorder({ component: 'kubelet', host: spec.name });
  const cri = new Cri(hooks.name, hooks.runtime, deps.network, loop);
  const syncLoop = new SyncLoop(kubeletRng(engine.config.seed, spec.name));
  const core = {
    nodeName: spec.name,
    hostIP: nodeIP(index),
    allocatable: allocatableOf(spec),
    loop,
    client,
    recorder,
    runtime: hooks.runtime,
    cri,
    restarts: new Backoff(() => loop.now()),
    syncLoop,
    pleg: new Pleg(loop, syncLoop, hooks.onContainersChanged, hooks.token),
    ipam: new PodIpam(podCIDR(index)),
    alive: hooks.alive,
    images: new ImageManager(loop, hooks.runtime, cri, recorder, hooks.token),
    prober: new Prober(
      loop,
      hooks.runtime,
      recorder,
      (pod: Pod, name: string) => fieldPath(pod, name),
      syncLoop,
      hooks.onProbe,
    ),
  } as KubeletCore;
  core.workers = new PodWorkers(loop, (w) => hooks.sync(core, w), hooks.token);
  core.status = new StatusManager(loop, client, (w) => statusOf(core, w), syncLoop, hooks.token);
  const facts: NodeFacts = {
    spec,
    index,
    kubeletVersion: engine.config.kubeletVersion,
    machineID: rng.string('0123456789abcdef', 32),
    systemUUID: rng.uuid(),
    bootID: rng.uuid(),
  };
  return { core, facts };
}
