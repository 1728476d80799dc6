import { describe, expect, it } from 'vitest';
import type { Taint } from '../../../api/types';
import {
  filterVerdicts,
  filterVerdictsAfter,
  makeHandle,
  makeNodeInfo,
  makePod,
  type PodMove,
  type PodOptions,
} from '../../fixtures';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { TopologySpreadConstraint } from './constraints';
import { filterTopologySpreadConstraints } from './constraints';
import { CriticalPaths, calPreFilterState } from './filtering';
import { newPodTopologySpread } from './podTopologySpread';

const ZONE = 'topology.kubernetes.io/zone';
const SKEW = "node(s) didn't match pod topology spread constraints";
const MISSING = "node(s) didn't match pod topology spread constraints (missing required label)";
const gpu: Taint = { key: 'gpu', value: 'true', effect: 'NoSchedule' };

const zoneSpread = (o: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew: 1,
  topologyKey: ZONE,
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
  ...o,
});

const foo = (name: string, extra: PodOptions = {}): PodOptions => ({
  name,
  labels: { foo: '' },
  ...extra,
});

// node-a, node-b in zone1; node-x, node-y in zone2 (upstream's filtering_test layout).
function cluster(placed: Record<string, PodOptions[]>, taintZone2 = false): NodeInfo[] {
  return ['node-a', 'node-b', 'node-x', 'node-y'].map((n) =>
    makeNodeInfo(
      n,
      {
        labels: { [ZONE]: n < 'node-x' ? 'zone1' : 'zone2', 'kubernetes.io/hostname': n },
        taints: taintZone2 && n >= 'node-x' ? [gpu] : undefined,
      },
      (placed[n] ?? []).map((o) => makePod(o)),
    ),
  );
}

function verdicts(nodes: NodeInfo[], pod: PodOptions): Record<string, string> | 'Skip' {
  return filterVerdicts(newPodTopologySpread(undefined, makeHandle(nodes)), makePod(pod), nodes);
}

const U = `Unschedulable: ${SKEW}`;
const TWO_ONE = { 'node-a': [foo('a1')], 'node-b': [foo('b1')], 'node-x': [foo('x1')] };

describe('PodTopologySpread Filter', () => {
  it('is skipped for a pod without DoNotSchedule constraints', () => {
    expect(verdicts(cluster({}), foo('p', { topologySpreadConstraints: [] }))).toBe('Skip');
    const soft = zoneSpread({ whenUnsatisfiable: 'ScheduleAnyway' });
    expect(verdicts(cluster({}), foo('p', { topologySpreadConstraints: [soft] }))).toBe('Skip');
  });

  it('admits the lighter zone only: 2 + 1 − 1 > 1 in zone1, 1 + 1 − 1 in zone2 [PTS5]', () => {
    const v = verdicts(cluster(TWO_ONE), foo('p', { topologySpreadConstraints: [zoneSpread()] }));
    expect(v).toEqual({ 'node-a': U, 'node-b': U, 'node-x': 'ok', 'node-y': 'ok' });
  });

  it('does not count the incoming pod when it does not match its own selector', () => {
    const v = verdicts(cluster(TWO_ONE), { name: 'p', topologySpreadConstraints: [zoneSpread()] });
    expect(v).toEqual({ 'node-a': 'ok', 'node-b': 'ok', 'node-x': 'ok', 'node-y': 'ok' });
  });

  it('ignores pods in other namespaces and pods being deleted [PTS4]', () => {
    const placed = {
      'node-a': [foo('a1', { namespace: 'other' }), foo('a2', { deleting: true })],
      'node-x': [foo('x1')],
    };
    const v = verdicts(cluster(placed), foo('p', { topologySpreadConstraints: [zoneSpread()] }));
    // zone1 has 0 matching pods, zone2 has 1: the minimum is 0.
    expect(v).toEqual({ 'node-a': 'ok', 'node-b': 'ok', 'node-x': U, 'node-y': U });
  });

  it('rejects a node without the topology key as unresolvable [PTS7]', () => {
    const nodes = [...cluster(TWO_ONE), makeNodeInfo('bare')];
    const v = verdicts(nodes, foo('p', { topologySpreadConstraints: [zoneSpread()] }));
    expect(v).toMatchObject({ bare: `UnschedulableAndUnresolvable: ${MISSING}`, 'node-x': 'ok' });
  });

  it('treats the global minimum as 0 below minDomains [PTS6]', () => {
    const c = zoneSpread({ minDomains: 3 });
    const v = verdicts(cluster(TWO_ONE), foo('p', { topologySpreadConstraints: [c] }));
    expect(v).toEqual({ 'node-a': U, 'node-b': U, 'node-x': U, 'node-y': U });
  });

  it('counts only nodes matching the pod node affinity unless nodeAffinityPolicy is Ignore [PTS2]', () => {
    const pinned = (c: TopologySpreadConstraint): PodOptions =>
      foo('p', { nodeSelector: { [ZONE]: 'zone1' }, topologySpreadConstraints: [c] });
    // Honor: zone2 is not a domain, so zone1 is the minimum: 2 + 1 − 2 = 1.
    expect(verdicts(cluster(TWO_ONE), pinned(zoneSpread()))).toMatchObject({ 'node-a': 'ok' });
    const ignore = zoneSpread({ nodeAffinityPolicy: 'Ignore' });
    expect(verdicts(cluster(TWO_ONE), pinned(ignore))).toMatchObject({ 'node-a': U });
  });

  it('drops tainted nodes from the domains only when nodeTaintsPolicy is Honor [PTS2]', () => {
    const nodes = cluster(TWO_ONE, true);
    expect(verdicts(nodes, foo('p', { topologySpreadConstraints: [zoneSpread()] }))).toMatchObject({
      'node-a': U,
    });
    const honor = zoneSpread({ nodeTaintsPolicy: 'Honor' });
    expect(verdicts(nodes, foo('p', { topologySpreadConstraints: [honor] }))).toMatchObject({
      'node-a': 'ok',
    });
  });

  it('narrows the selector with matchLabelKeys to pods of the same revision [PTS1]', () => {
    const rev = (name: string, r: string): PodOptions => ({ name, labels: { foo: '', rev: r } });
    const placed = { 'node-a': [rev('a1', '1'), rev('a2', '1')], 'node-x': [rev('x1', '2')] };
    const c = zoneSpread({ matchLabelKeys: ['rev'] });
    const pod = { ...rev('p', '2'), topologySpreadConstraints: [c] };
    // Only rev=2 counts: zone1 0, zone2 1.
    expect(verdicts(cluster(placed), pod)).toEqual({
      'node-a': 'ok',
      'node-b': 'ok',
      'node-x': U,
      'node-y': U,
    });
  });

  it('spreads by hostname and zone together', () => {
    const host = zoneSpread({ topologyKey: 'kubernetes.io/hostname' });
    const placed = { 'node-a': [foo('a1')], 'node-x': [foo('x1')], 'node-y': [foo('y1')] };
    const v = verdicts(
      cluster(placed),
      foo('p', { topologySpreadConstraints: [zoneSpread(), host] }),
    );
    // zone1 1 vs zone2 2: zone2 fails; node-a already holds one (1 + 1 − 0 > 1).
    expect(v).toEqual({ 'node-a': U, 'node-b': 'ok', 'node-x': U, 'node-y': U });
  });
});

describe('PodTopologySpread PreFilter extensions', () => {
  const spread = (o: PodOptions = {}): PodOptions =>
    foo('p', { topologySpreadConstraints: [zoneSpread()], ...o });
  function after(placed: Record<string, PodOptions[]>, pod: PodOptions, moves: Move[]) {
    const nodes = [...cluster(placed), makeNodeInfo('bare')];
    const at = (n: string): NodeInfo => nodes.find((x) => x.name === n) as NodeInfo;
    const plugin = newPodTopologySpread(undefined, makeHandle(nodes));
    const podMoves: PodMove[] = moves.map(([op, o, n]) => ({ op, pod: makePod(o), node: at(n) }));
    return filterVerdictsAfter(plugin, makePod(pod), nodes, podMoves);
  }
  type Move = [PodMove['op'], PodOptions, string];

  it('RemovePod takes a victim out of its zone, on the clone only [PTS11]', () => {
    const v = after(TWO_ONE, spread(), [['removePod', foo('a1'), 'node-a']]);
    // zone1 2 → 1: 1 + 1 − 1 ≤ 1 everywhere.
    expect(v.after).toMatchObject({ 'node-a': 'ok', 'node-b': 'ok', 'node-x': 'ok' });
    expect(v.before).toMatchObject({ 'node-a': U, 'node-b': U, 'node-x': 'ok' });
  });

  it('AddPod counts a nominated pod in its zone [PTS11]', () => {
    const placed = { 'node-a': [foo('a1')] };
    const v = after(placed, spread(), [
      ['addPod', foo('n1'), 'node-x'],
      ['addPod', foo('n2'), 'node-y'],
    ]);
    // zone1 1, zone2 0 → 2: zone2 now holds the excess.
    expect(v.after).toMatchObject({ 'node-a': 'ok', 'node-x': U, 'node-y': U });
    expect(v.before).toMatchObject({ 'node-a': U, 'node-x': 'ok', 'node-y': 'ok' });
  });

  it('ignores pods of other namespaces and pods the selector does not select [PTS11]', () => {
    const v = after({ 'node-a': [foo('a1')] }, spread(), [
      ['addPod', foo('other', { namespace: 'other' }), 'node-x'],
      ['addPod', { name: 'unlabelled' }, 'node-x'],
    ]);
    // Counted, either would have lifted zone2 to zone1's 1 and let node-a in.
    expect(v.after).toEqual(v.before);
    expect(v.after).toMatchObject({ 'node-a': U });
  });

  it('ignores nodes the inclusion policies leave out of the domains [PTS11]', () => {
    const pinned = spread({ nodeSelector: { [ZONE]: 'zone1' } });
    const v = after({ 'node-a': [foo('a1')], 'node-b': [foo('b1')] }, pinned, [
      ['addPod', foo('x1'), 'node-x'],
    ]);
    // Counted, zone2 would have become a domain of 1 and the minimum: 2 + 1 − 1 > 1.
    expect(v.after).toEqual(v.before);
    expect(v.after).toMatchObject({ 'node-a': 'ok' });
  });

  it('moves the counts and the critical paths of a clone, not of the original [PTS11]', () => {
    const nodes = cluster(TWO_ONE);
    const pod = makePod(spread());
    const constraints = filterTopologySpreadConstraints([zoneSpread()], pod.pod, 'DoNotSchedule');
    const s = calPreFilterState(pod, constraints, nodes);
    const copy = s.clone();
    const [nodeA, nodeB] = nodes as [NodeInfo, NodeInfo];
    const a1 = makePod(foo('a1')).pod;
    copy.updateWithPod(a1, pod, nodeA, -1);
    copy.updateWithPod(makePod(foo('b1')).pod, pod, nodeB, -1);
    expect([...(copy.tpValueToMatchNum[0] ?? [])]).toEqual([
      ['zone1', 0],
      ['zone2', 1],
    ]);
    expect(copy.criticalPaths[0]?.paths[0]).toEqual({ topologyValue: 'zone1', matchNum: 0 });
    copy.updateWithPod(a1, pod, nodeA, 1);
    // A node without the topology key is no domain: nothing to count.
    copy.updateWithPod(makePod(foo('k')).pod, pod, makeNodeInfo('bare'), 1);
    expect(copy.criticalPaths[0]?.paths.map((p) => p.matchNum)).toEqual([1, 1]);
    expect(copy.tpValueToMatchNum[0]?.size).toBe(2);
    expect([...(s.tpValueToMatchNum[0] ?? [])]).toEqual([
      ['zone1', 2],
      ['zone2', 1],
    ]);
    expect(s.criticalPaths[0]?.paths[0]).toEqual({ topologyValue: 'zone2', matchNum: 1 });
  });
});

describe('criticalPaths', () => {
  it('keeps the minimum in paths[0]', () => {
    const p = new CriticalPaths();
    for (const [v, n] of [
      ['a', 3],
      ['b', 1],
      ['c', 2],
      ['b', 4],
    ] as const)
      p.update(v, n);
    expect(p.paths[0]).toEqual({ topologyValue: 'c', matchNum: 2 });
  });
});
