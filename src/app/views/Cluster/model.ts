import {
  type Node,
  type Pod,
  nodeAllocatable,
  nodeTable,
  podRequests,
  podTable,
} from '../../../engine';
import type { WorldObject } from '../../timeline/world';

// What the cluster view draws, derived from the store as of the playhead: nodes with their pods
// and capacity, pods still waiting for a node, and the workloads that own them.

/** How a pod tile looks: a colour class, an icon and the STATUS text kubectl would print. */
export type PodTone = 'ok' | 'progress' | 'waiting' | 'bad' | 'gone';

/** One pod as a tile. */
export interface PodTile {
  key: string;
  name: string;
  namespace: string;
  status: string;
  ready: string;
  tone: PodTone;
  node: string | undefined;
  owner: string | undefined;
}

/** One node as a card. */
export interface NodeCard {
  key: string;
  name: string;
  status: string;
  ready: boolean;
  taints: string[];
  /** Conditions other than Ready that are not in their healthy state. */
  problems: string[];
  cpu: { used: number; total: number };
  memory: { used: number; total: number };
  pods: { used: number; total: number };
  tiles: PodTile[];
}

/** A Deployment or a ReplicaSet without one, with the pods it owns through its ReplicaSets. */
export interface WorkloadGroup {
  key: string;
  kind: string;
  name: string;
  summary: string;
  replicaSets: { key: string; name: string; summary: string; tiles: PodTile[] }[];
}

/** The whole cluster view. */
export interface ClusterModel {
  nodes: NodeCard[];
  pending: PodTile[];
  workloads: WorkloadGroup[];
}

const HEALTHY: Record<string, string> = {
  MemoryPressure: 'False',
  DiskPressure: 'False',
  PIDPressure: 'False',
  NetworkUnavailable: 'False',
};

/** Builds the view model from the objects as of the playhead; now is the virtual time. */
export function clusterModel(objects: ReadonlyMap<string, WorldObject>, now: number): ClusterModel {
  const of = (prefix: string) => [...objects.values()].filter((o) => o.key.startsWith(prefix));
  const tiles = of('/registry/pods/').map((o) => podTile(o, now));
  const byNode = new Map<string, PodTile[]>();
  for (const t of tiles) if (t.node) byNode.set(t.node, [...(byNode.get(t.node) ?? []), t]);
  const pods = new Map(of('/registry/pods/').map((o) => [o.key, o.object as Pod]));
  const nodes = of('/registry/minions/').map((o) =>
    nodeCard(o, byNode.get(nameOf(o)) ?? [], pods, now),
  );
  nodes.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return {
    nodes,
    pending: tiles.filter((t) => !t.node),
    workloads: workloads(objects, tiles),
  };
}

function nameOf(o: WorldObject): string {
  return (o.object.metadata as { name?: string } | undefined)?.name ?? '';
}

function podTile(o: WorldObject, now: number): PodTile {
  const pod = o.object as Pod;
  const row = podTable.row(pod, now);
  const status = row[2] ?? '';
  const owner = pod.metadata?.ownerReferences?.find((r) => r.controller);
  return {
    key: o.key,
    name: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? 'default',
    status,
    ready: row[1] ?? '',
    tone: toneOf(status, pod),
    node: pod.spec?.nodeName || undefined,
    owner: owner ? `${owner.kind}/${owner.name}` : undefined,
  };
}

/** Returns a pod's tone from its STATUS text, as a student would read it. */
export function toneOf(status: string, pod: Pod): PodTone {
  if (status === 'Terminating' || status === 'Completed') return 'gone';
  if (status === 'Running')
    return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
      ? 'ok'
      : 'progress';
  if (
    status === 'Pending' ||
    status === 'ContainerCreating' ||
    status.startsWith('Init:') ||
    status === 'PodInitializing'
  )
    return pod.spec?.nodeName ? 'progress' : 'waiting';
  return 'bad';
}

function nodeCard(o: WorldObject, tiles: PodTile[], pods: Map<string, Pod>, now: number): NodeCard {
  const node = o.object as Node;
  const status = nodeTable.row(node, now)[1] ?? 'Unknown';
  const alloc = nodeAllocatable(node);
  let cpu = 0;
  let memory = 0;
  let count = 0;
  for (const t of tiles) {
    const pod = pods.get(t.key);
    const phase = pod?.status?.phase;
    if (!pod || phase === 'Succeeded' || phase === 'Failed') continue;
    const r = podRequests(pod.spec);
    cpu += r.milliCPU;
    memory += r.memory;
    count++;
  }
  return {
    key: o.key,
    name: node.metadata?.name ?? '',
    status,
    ready: status.startsWith('Ready'),
    taints: (node.spec?.taints ?? []).map(
      (t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`,
    ),
    problems: (node.status?.conditions ?? [])
      .filter(
        (c) => c.type !== 'Ready' && HEALTHY[c.type] !== undefined && c.status !== HEALTHY[c.type],
      )
      .map((c) => `${c.type}=${c.status}`),
    cpu: { used: cpu, total: alloc.milliCPU },
    memory: { used: memory, total: alloc.memory },
    pods: { used: count, total: alloc.pods },
    tiles: tiles.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function workloads(objects: ReadonlyMap<string, WorldObject>, tiles: PodTile[]): WorkloadGroup[] {
  const groups = new Map<string, WorkloadGroup>();
  const all = [...objects.values()];
  for (const o of all.filter((x) => x.key.startsWith('/registry/deployments/'))) {
    const spec = o.object.spec as { replicas?: number } | undefined;
    const status = o.object.status as { readyReplicas?: number } | undefined;
    groups.set(`Deployment/${nameOf(o)}`, {
      key: o.key,
      kind: 'Deployment',
      name: nameOf(o),
      summary: `${status?.readyReplicas ?? 0}/${spec?.replicas ?? 1} ready`,
      replicaSets: [],
    });
  }
  for (const o of all.filter((x) => x.key.startsWith('/registry/replicasets/'))) {
    const meta = o.object.metadata as {
      ownerReferences?: { kind: string; name: string; controller?: boolean }[];
    };
    const owner = meta.ownerReferences?.find((r) => r.controller);
    const spec = o.object.spec as { replicas?: number } | undefined;
    const status = o.object.status as { replicas?: number; readyReplicas?: number } | undefined;
    const rs = {
      key: o.key,
      name: nameOf(o),
      summary: `${status?.readyReplicas ?? 0}/${spec?.replicas ?? 0} ready`,
      tiles: tiles.filter((t) => t.owner === `ReplicaSet/${nameOf(o)}`),
    };
    const parent = owner ? groups.get(`${owner.kind}/${owner.name}`) : undefined;
    if (parent) parent.replicaSets.push(rs);
    else
      groups.set(`ReplicaSet/${rs.name}`, {
        key: o.key,
        kind: 'ReplicaSet',
        name: rs.name,
        summary: rs.summary,
        replicaSets: [rs],
      });
  }
  const bare = tiles.filter((t) => !t.owner);
  if (bare.length > 0)
    groups.set('pods', {
      key: 'pods',
      kind: 'Pods',
      name: 'without an owner',
      summary: `${bare.length}`,
      replicaSets: [{ key: 'bare', name: '', summary: '', tiles: bare }],
    });
  return [...groups.values()];
}
