import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredObject } from '../api/object';
import { controllerOf } from '../api/owners';
import type { Deployment, Node, Pod, ReplicaSet } from '../api/types';
import { defaultNodes } from '../cluster';
import type { Engine } from '../engine';
import { runScript } from '../script/run';
import { createSimulation } from '../simulation';
import { toJsonLine } from '../trace/message';

// [CONV1] Model-based: after any sequence of applies, scales, image changes, deletes, node
// outages and container kills, once the nodes are back and the cluster is left alone it
// converges — every ReplicaSet owns exactly spec.replicas live pods, each Deployment's newest
// ReplicaSet holds all its replicas, nothing is left owned by a deleted object, and every pod is
// Running on a Ready node. [CONV2] The same seed and actions replay the same trace.

const NODES = 3;
const deployment = fc.constantFrom('web', 'api');
const image = fc.constantFrom('nginx:1.25', 'nginx:1.26', 'httpd:2.4');
const node = fc.integer({ min: 1, max: NODES }).map((i) => `node-${i}`);

const manifest = (name: string, replicas: number, img: string): string =>
  [
    'kubectl apply -f - <<EOF',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      containers:',
    '      - name: main',
    `        image: ${img}`,
    'EOF',
  ].join('\n');

const action = fc.oneof(
  fc.tuple(deployment, fc.integer({ min: 0, max: 5 }), image).map(([d, r, i]) => manifest(d, r, i)),
  fc
    .tuple(deployment, fc.integer({ min: 0, max: 6 }))
    .map(([d, r]) => `kubectl scale deployment/${d} --replicas=${r}`),
  fc.tuple(deployment, image).map(([d, i]) => `kubectl set image deployment/${d} main=${i}`),
  deployment.map((d) => `kubectl delete deployment ${d} --wait=false`),
  fc
    .tuple(node, fc.integer({ min: 1, max: 120 }))
    .map(([n, s]) => `sim node stop ${n}\nsleep ${s}s\nsim node start ${n}`),
  fc.constant('kubectl run solo --image=nginx:1.25'),
  fc.constant('sim container kill solo'),
  fc.integer({ min: 1, max: 60 }).map((s) => `sleep ${s}s`),
);

interface Outcome {
  engine: Engine;
  trace: string;
}

function play(seed: number, actions: readonly string[]): Outcome {
  const engine = createSimulation({ seed, nodes: defaultNodes(NODES) });
  // Long enough for restart backoff (capped at 5 min) and a full rollout to finish.
  const script = `${actions.join('\n')}\nsleep 15m\n`;
  runScript(engine, script, () => {});
  return { engine, trace: engine.trace.all().map(toJsonLine).join('\n') };
}

function list<T>(engine: Engine, prefix: string): (StoredObject & T)[] {
  return engine.store.range(prefix).kvs.map((kv) => kv.value as StoredObject & T);
}

/** Returns every way the cluster fails to have converged, in words. */
function divergences(engine: Engine): string[] {
  const problems: string[] = [];
  const nodes = new Map(list<Node>(engine, '/registry/minions/').map((n) => [n.metadata.name, n]));
  const deployments = list<Deployment>(engine, '/registry/deployments/');
  const replicaSets = list<ReplicaSet>(engine, '/registry/replicasets/');
  const pods = list<Pod>(engine, '/registry/pods/');
  const uids = new Set([...deployments, ...replicaSets].map((o) => o.metadata.uid));
  for (const o of [...replicaSets, ...pods]) {
    const owner = controllerOf(o);
    if (owner && !uids.has(owner.uid))
      problems.push(`${o.kind} ${o.metadata.name} outlived its owner ${owner.name}`);
  }
  for (const rs of replicaSets) {
    const live = pods.filter(
      (p) => controllerOf(p)?.uid === rs.metadata.uid && !p.metadata.deletionTimestamp,
    );
    if (live.length !== (rs.spec?.replicas ?? 1))
      problems.push(`rs ${rs.metadata.name} wants ${rs.spec?.replicas} pods, owns ${live.length}`);
  }
  for (const d of deployments) {
    const owned = replicaSets.filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
    const busy = owned.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
    const want = d.spec?.replicas ?? 1;
    if (want > 0 && (busy.length !== 1 || busy[0]?.spec?.replicas !== want))
      problems.push(`deployment ${d.metadata.name} has not finished rolling out`);
  }
  for (const p of pods) {
    const on = p.spec?.nodeName;
    const ready = nodes.get(on ?? '')?.status?.conditions?.find((c) => c.type === 'Ready');
    if (!on || ready?.status !== 'True')
      problems.push(`pod ${p.metadata.name} is not on a Ready node (${on ?? 'unbound'})`);
    else if (p.status?.phase !== 'Running')
      problems.push(`pod ${p.metadata.name} is ${p.status?.phase}`);
  }
  return problems;
}

describe('convergence', () => {
  it('[CONV1][CONV2] converges after any sequence of changes and failures, and replays exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(action, { minLength: 1, maxLength: 10 }),
        (seed, actions) => {
          const first = play(seed, actions);
          expect(divergences(first.engine)).toEqual([]);
          expect(play(seed, actions).trace).toBe(first.trace);
        },
      ),
      { numRuns: 12 },
    );
  });
});
