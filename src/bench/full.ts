import { stringify } from 'yaml';
import type { Node, Pod } from '../engine/api/types';
import type { StoredObject } from '../engine/api/object';
import type { Engine } from '../engine/engine';
import { createSimulation, outputText, runKubectl } from '../engine/simulation';
import { heapUsed, type Measurement } from './measure';
import { benchDeployments, benchNodes, type Workload } from './workloads';

// The full pipeline: a simulated cluster with every component, trace in count mode, the pods
// created by `kubectl apply` of Deployments and followed until all are Running. The harness only
// watches the store to know when to stop; it takes no part in the cluster.

/** How often (virtual) the harness looks at the progress; the resolution of virtual_seconds. */
const STEP_MS = 250;

/** Virtual time given to a workload before it is declared stuck. */
const HORIZON_MS = 60 * 60 * 1000;

interface Progress {
  bound: number;
  running: number;
}

/** Counts pods as they get a node and as they reach Running, from the store's own watch. */
function follow(engine: Engine): Progress {
  const progress = { bound: 0, running: 0 };
  engine.store.watch('/registry/pods/', engine.store.revision() + 1, (events) => {
    for (const e of events) {
      if (e.type !== 'PUT') continue;
      const pod = e.kv.value as StoredObject & Pod;
      const before = e.prevKv?.value as (StoredObject & Pod) | undefined;
      if (pod.spec?.nodeName && !before?.spec?.nodeName) progress.bound++;
      if (pod.status?.phase === 'Running' && before?.status?.phase !== 'Running')
        progress.running++;
    }
  });
  return progress;
}

/** What the bare loop needs to make the same decisions: the nodes and a pod as the scheduler saw them. */
export interface SchedulingInputs {
  nodes: Node[];
  pod: Pod;
}

/** Takes the scheduler's inputs out of a finished run: every Node, and one pod before binding. */
function inputsOf(engine: Engine): SchedulingInputs {
  const nodes = engine.store.range('/registry/minions/').kvs.map((kv) => kv.value as Node);
  const first = engine.store.range('/registry/pods/default/').kvs[0]?.value as Pod | undefined;
  if (!first?.spec) throw new Error('no pod to take the template from');
  const pod: Pod = { ...first, spec: { ...first.spec, nodeName: undefined }, status: {} };
  return { nodes, pod };
}

/** Runs a workload through the whole simulated control plane. */
export function runFull(
  w: Workload,
  seed: number,
): { measurement: Measurement; inputs: SchedulingInputs } {
  const engine = createSimulation({
    seed,
    nodes: benchNodes(w.nodes),
    trace: 'count',
    freezeObjects: false,
    scheduler: { resultsLimit: 0 },
  });
  const baseline = heapUsed(true);
  const manifest = benchDeployments(w.pods)
    .map((d) => stringify(d))
    .join('---\n');
  const progress = follow(engine);
  let peak = baseline;
  const start = performance.now();
  const virtualStart = engine.loop.now();
  const hopsAtStart = engine.trace.size();
  const applied = runKubectl(engine, 'kubectl apply -f bench.yaml', {
    readFile: () => manifest,
  });
  if (applied.exitCode !== 0) throw new Error(outputText(applied));
  let scheduledAt = 0;
  while (progress.running < w.pods) {
    if (engine.loop.now() - virtualStart > HORIZON_MS)
      throw new Error(`${w.name}: only ${progress.running}/${w.pods} pods Running after 1h`);
    engine.runFor(STEP_MS);
    if (!scheduledAt && progress.bound >= w.pods) scheduledAt = performance.now();
    peak = Math.max(peak, heapUsed(false));
  }
  const end = performance.now();
  const retained = heapUsed(true);
  const measurement: Measurement = {
    workload: w.name,
    nodes: w.nodes,
    pods: w.pods,
    seconds_to_running: (end - start) / 1000,
    pods_per_second: w.pods / (((scheduledAt || end) - start) / 1000),
    virtual_seconds: (engine.loop.now() - virtualStart) / 1000,
    hops: engine.trace.size() - hopsAtStart,
    peak_heap_bytes: peak,
    heap_bytes_per_pod: (retained - baseline) / w.pods,
  };
  return { measurement, inputs: inputsOf(engine) };
}
