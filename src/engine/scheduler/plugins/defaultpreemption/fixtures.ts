import { Engine } from '../../../engine';
import { Framework } from '../../framework/framework';
import type { SchedulerServices } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { newPodInfo } from '../../framework/podInfo';
import { Nominator } from '../../queue/nominator';
import { defaultProfile } from '../defaults';
import { inTreeRegistry } from '../registry';

// Shared by preemption's table tests: the default profile over fixed nodes, with the services a
// running scheduler lends (a nominator, a recorder, the seeded generator, virtual time).

/** Returns the default framework over nodes, its services drawn from an engine with no nodes. */
export function preemptionFramework(
  nodes: readonly NodeInfo[],
  nominator = new Nominator(),
  seed = 1,
): Framework {
  const engine = new Engine({ nodes: [], seed });
  const deps = engine.deps('kube-scheduler');
  const services: SchedulerServices = {
    nominator,
    recorder: deps.recorder({ component: 'default-scheduler' }),
    rng: deps.rng,
    now: () => engine.loop.now(),
  };
  const lister = { list: () => nodes, get: (n: string) => nodes.find((x) => x.name === n) };
  return new Framework(defaultProfile(), inTreeRegistry(), lister, undefined, undefined, services);
}

/** Returns a copy of a pod with status fields set (startTime, nominatedNodeName, …). */
export function withStatus(pi: PodInfo, status: NonNullable<PodInfo['pod']['status']>): PodInfo {
  return newPodInfo({ ...pi.pod, status: { ...pi.pod.status, ...status } });
}

/** Returns a copy of a pod being deleted (metadata.deletionTimestamp set). */
export function deleting(pi: PodInfo): PodInfo {
  return newPodInfo({
    ...pi.pod,
    metadata: { ...pi.pod.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' },
  });
}
