import { describe, expect, it } from 'vitest';
import type { OwnerReference, ReplicaSet } from '../../../api/types';
import { SchedulerCache } from '../../cache/cache';
import {
  makeHandle,
  makeNode,
  makeNodeInfo,
  makePod,
  normalizedScores,
  type PodOptions,
} from '../../fixtures';
import type { NodeInfo } from '../../framework/nodeInfo';
import { newPodTopologySpread, type PodTopologySpreadArgs } from './podTopologySpread';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';

const rs: ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-abc', namespace: 'default', uid: 'rs-uid' },
  spec: { selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } }, template: {} },
};
const owned: OwnerReference[] = [
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-uid', controller: true },
];
const web = (name: string, o: PodOptions = {}): PodOptions => ({
  name,
  labels: { app: 'web', 'pod-template-hash': 'abc' },
  ownerReferences: owned,
  ...o,
});

function node(name: string, zone: string | undefined, pods: PodOptions[]): NodeInfo {
  const labels: Record<string, string> = { [HOST]: name };
  if (zone) labels[ZONE] = zone;
  return makeNodeInfo(
    name,
    { labels },
    pods.map((p) => makePod(p)),
  );
}

function scores(
  nodes: NodeInfo[],
  pod: PodOptions,
  args?: PodTopologySpreadArgs,
): Record<string, number> | 'Skip' {
  const plugin = newPodTopologySpread(args, makeHandle(nodes, { replicaSets: [rs] }));
  return normalizedScores(plugin, makePod(pod), nodes);
}

describe('PodTopologySpread Score', () => {
  it('skips a pod nothing owns, and one whose ReplicaSet is unknown [PTS3]', () => {
    const nodes = [node('n1', undefined, []), node('n2', undefined, [])];
    expect(scores(nodes, { name: 'bare', labels: { app: 'web' } })).toBe('Skip');
    const orphan = web('p', {
      ownerReferences: [{ ...(owned[0] as OwnerReference), name: 'gone' }],
    });
    expect(scores(nodes, orphan)).toBe('Skip');
  });

  // System defaults, nodes without zones: hostname weight log(3 + 2) = 1.609, maxSkew 3.
  // n1 holds 2 → 2 × 1.609 + 2 = 5.2 → 5; n2 1 → 3.6 → 4; n3 0 → 2. The zone constraint adds
  // nothing to nodes without the key. Normalized 100 × (5 + 2 − s) / 5: 40, 60, 100. [PTS8][PTS10]
  it('spreads a ReplicaSet by hostname with the system defaults', () => {
    const nodes = [
      node('n1', undefined, [web('a'), web('b')]),
      node('n2', undefined, [web('c'), { name: 'other', labels: { app: 'db' } }]),
      node('n3', undefined, []),
    ];
    expect(scores(nodes, web('p'))).toEqual({ n1: 40, n2: 60, n3: 100 });
  });

  it('scores the same through the cache, which knows that no node has a zone [CACHE6]', () => {
    const cache = new SchedulerCache();
    for (const n of ['n1', 'n2', 'n3']) cache.setNode(makeNode(n, { labels: { [HOST]: n } }));
    cache.assumePod(makePod(web('a')), 'n1');
    cache.assumePod(makePod(web('b')), 'n1');
    cache.assumePod(makePod(web('c')), 'n2');
    const handle = { ...makeHandle(cache.list(), { replicaSets: [rs] }), nodes: cache };
    const viaCache = normalizedScores(newPodTopologySpread(undefined, handle), makePod(web('p')), [
      ...cache.list(),
    ]);
    expect(viaCache).toEqual({ n1: 40, n2: 60, n3: 100 });
    expect(viaCache).toEqual(scores([...cache.list()], web('p')));
  });

  // Own constraint on zone, maxSkew 1: zones a and b, weight log(2 + 2) = 1.386. Zone a holds 2
  // → 2.77 → 3; zone b 0 → 0. n4 has no zone: ignored, 0. Normalized: 100 × (3 + 0 − s) / 3.
  it('scores zones by their pods and zeroes nodes missing the key [PTS9]', () => {
    const nodes = [
      node('n1', 'a', [web('a')]),
      node('n2', 'a', [web('b')]),
      node('n3', 'b', []),
      node('n4', undefined, []),
    ];
    const soft = {
      maxSkew: 1,
      topologyKey: ZONE,
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: { app: 'web' } },
    };
    expect(scores(nodes, web('p', { topologySpreadConstraints: [soft] }))).toEqual({
      n1: 0,
      n2: 0,
      n3: 100,
      n4: 0,
    });
  });

  it('gives every node 100 when no domain holds a matching pod', () => {
    const nodes = [node('n1', 'a', []), node('n2', 'b', [])];
    expect(scores(nodes, web('p'))).toEqual({ n1: 100, n2: 100 });
  });

  it('uses no defaults with defaultingType List and no constraints', () => {
    const nodes = [node('n1', 'a', []), node('n2', 'b', [])];
    expect(scores(nodes, web('p'), { defaultingType: 'List' })).toBe('Skip');
  });
});
