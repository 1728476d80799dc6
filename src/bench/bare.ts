import type { Namespace, Node, Pod, ReplicaSet } from '../engine/api/types';
import type { Lister, Listers } from '../engine/scheduler/framework/interface';
import { Rng } from '../engine/rng/rng';
import { Algorithm } from '../engine/scheduler/algorithm';
import { SchedulerCache } from '../engine/scheduler/cache/cache';
import { schedulerConfig } from '../engine/scheduler/config';
import { CycleState } from '../engine/scheduler/framework/cycleState';
import { Framework } from '../engine/scheduler/framework/framework';
import { newPodInfo } from '../engine/scheduler/framework/podInfo';
import type { BareMeasurement } from './measure';
import { REPLICAS_PER_DEPLOYMENT } from './workloads';

// The bare loop: the same scheduling decisions (the default profile's plugins, the same nodes,
// the same pods) with nothing around them — no store, watch, trace, controllers or kubelets. Each
// pod is scheduled and assumed on its node, one after another. full ÷ bare is what the rest of
// the control plane costs.

/** Schedules `pods` copies of the pod onto the nodes and times it. */
export function runBare(
  nodes: readonly Node[],
  template: Pod,
  pods: number,
  seed: number,
): BareMeasurement {
  const cache = new SchedulerCache();
  for (const n of nodes) cache.setNode(n);
  const config = schedulerConfig({ resultsLimit: 0 });
  const fwk = new Framework(
    config.profile,
    config.registry,
    cache,
    undefined,
    replicaSetListers(pods),
  );
  const algorithm = new Algorithm(fwk, cache, new Rng(seed), config.percentageOfNodesToScore);
  const meta = template.metadata ?? {};
  const start = performance.now();
  for (let i = 0; i < pods; i++) {
    const app = `app-${Math.floor(i / REPLICAS_PER_DEPLOYMENT) + 1}`;
    // Owned by its app's ReplicaSet, as in the full run, so PodTopologySpread's system
    // default constraints apply to it the same way.
    const pod: Pod = {
      ...template,
      metadata: {
        ...meta,
        name: `${app}-${i}`,
        uid: `bare-${i}`,
        labels: { ...meta.labels, app },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: `${app}-rs`,
            uid: `${app}-rs`,
            controller: true,
          },
        ],
      },
    };
    const pi = newPodInfo(pod);
    const attempt = algorithm.schedulePod(new CycleState(), pi);
    if (!attempt.ok)
      throw new Error(`bare loop: pod ${i} did not fit: ${attempt.status.message()}`);
    cache.assumePod(pi, attempt.result.suggestedHost);
  }
  const seconds = (performance.now() - start) / 1000;
  return { bare_seconds: seconds, bare_pods_per_second: pods / seconds };
}

/** The listers the scheduler reads: one ReplicaSet per app selecting its pods, and the namespace. */
function replicaSetListers(pods: number): Listers {
  const sets = new Map<string, ReplicaSet>();
  for (let i = 0; i * REPLICAS_PER_DEPLOYMENT < pods; i++) {
    const app = `app-${i + 1}`;
    sets.set(`default/${app}-rs`, {
      metadata: { name: `${app}-rs`, namespace: 'default', uid: `${app}-rs` },
      spec: { selector: { matchLabels: { app } }, template: {} },
    });
  }
  const namespace: Namespace = { metadata: { name: 'default' } };
  return { replicaSets: lister(sets), namespaces: lister(new Map([['default', namespace]])) };
}

function lister<T>(byKey: Map<string, T>): Lister<T> {
  return { get: (key) => byKey.get(key), items: () => [...byKey.values()] };
}
