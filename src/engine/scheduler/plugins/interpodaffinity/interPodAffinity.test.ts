import { describe, expect, it } from 'vitest';
import type { Affinity, Namespace } from '../../../api/types';
import {
  filterVerdicts,
  filterVerdictsAfter,
  makeHandle,
  makeNodeInfo,
  makePod,
  normalizedScores,
  type PodMove,
  type PodOptions,
} from '../../fixtures';
import { CycleState } from '../../framework/cycleState';
import type { NodeInfo } from '../../framework/nodeInfo';
import { pairKey, type PreFilterState } from './filtering';
import { newInterPodAffinity, type InterPodAffinityArgs } from './interPodAffinity';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';
type Term = NonNullable<
  NonNullable<Affinity['podAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']
>[number];

const term = (app: string, topologyKey: string, o: Partial<Term> = {}): Term => ({
  labelSelector: { matchLabels: { app } },
  topologyKey,
  ...o,
});
const app = (name: string, label: string, o: PodOptions = {}): PodOptions => ({
  name,
  labels: { app: label },
  ...o,
});
const namespaces: Namespace[] = [
  { metadata: { name: 'default', labels: { team: 'x' } } },
  { metadata: { name: 'other', labels: { team: 'x' } } },
  { metadata: { name: 'third', labels: { team: 'y' } } },
];

// n1, n2 in zone a; n3 in zone b.
function cluster(placed: Record<string, PodOptions[]>, extra: NodeInfo[] = []): NodeInfo[] {
  const zones: Record<string, string> = { n1: 'a', n2: 'a', n3: 'b' };
  return [
    ...Object.entries(zones).map(([n, zone]) =>
      makeNodeInfo(
        n,
        { labels: { [ZONE]: zone, [HOST]: n } },
        (placed[n] ?? []).map((o) => makePod(o)),
      ),
    ),
    ...extra,
  ];
}

function verdicts(nodes: NodeInfo[], pod: PodOptions): Record<string, string> | 'Skip' {
  const plugin = newInterPodAffinity(undefined, makeHandle(nodes, { namespaces }));
  return filterVerdicts(plugin, makePod(pod), nodes);
}

const AFFINITY = "UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules";
const ANTI = "Unschedulable: node(s) didn't match pod anti-affinity rules";
const EXISTING = "Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules";
const affinity = (...required: Term[]): Affinity => ({
  podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required },
});
const antiAffinity = (...required: Term[]): Affinity => ({
  podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required },
});

describe('InterPodAffinity Filter', () => {
  it('is skipped without terms while no pod has required anti-affinity', () => {
    expect(verdicts(cluster({ n1: [app('db', 'db')] }), app('p', 'web'))).toBe('Skip');
  });

  it('admits only the zones holding a matching pod [IPA4]', () => {
    const v = verdicts(
      cluster({ n1: [app('db', 'db')] }),
      app('p', 'web', { affinity: affinity(term('db', ZONE)) }),
    );
    expect(v).toEqual({ n1: 'ok', n2: 'ok', n3: AFFINITY });
  });

  it('lets the first pod of a self-affine group go wherever its keys exist [IPA4]', () => {
    const bare = makeNodeInfo('bare');
    const self = app('p', 'web', { affinity: affinity(term('web', ZONE)) });
    expect(verdicts(cluster({}, [bare]), self)).toEqual({
      n1: 'ok',
      n2: 'ok',
      n3: 'ok',
      bare: AFFINITY,
    });
    // A pod that does not match its own terms has no such exception.
    const other = app('p', 'api', { affinity: affinity(term('web', ZONE)) });
    expect(verdicts(cluster({}), other)).toEqual({ n1: AFFINITY, n2: AFFINITY, n3: AFFINITY });
  });

  it('keeps away from the domains holding a matching pod [IPA5]', () => {
    const placed = { n1: [app('w', 'web')] };
    expect(
      verdicts(cluster(placed), app('p', 'web', { affinity: antiAffinity(term('web', HOST)) })),
    ).toEqual({ n1: ANTI, n2: 'ok', n3: 'ok' });
    expect(
      verdicts(cluster(placed), app('p', 'web', { affinity: antiAffinity(term('web', ZONE)) })),
    ).toEqual({ n1: ANTI, n2: ANTI, n3: 'ok' });
  });

  it("honours existing pods' anti-affinity against the incoming pod [IPA6]", () => {
    const guard = app('g', 'guard', { affinity: antiAffinity(term('web', ZONE)) });
    expect(verdicts(cluster({ n1: [guard] }), app('p', 'web'))).toEqual({
      n1: EXISTING,
      n2: EXISTING,
      n3: 'ok',
    });
  });

  it('matches pods in the term namespaces, its namespaceSelector, or its own namespace [IPA1][IPA3]', () => {
    const placed = { n1: [app('w', 'web', { namespace: 'other' })] };
    const anti = (o: Partial<Term>): PodOptions =>
      app('p', 'api', { affinity: antiAffinity(term('web', HOST, o)) });
    expect(verdicts(cluster(placed), anti({}))).toMatchObject({ n1: 'ok' });
    expect(verdicts(cluster(placed), anti({ namespaces: ['other'] }))).toMatchObject({ n1: ANTI });
    const teamX = { namespaceSelector: { matchLabels: { team: 'x' } } };
    expect(verdicts(cluster(placed), anti(teamX))).toMatchObject({ n1: ANTI });
    const teamY = { namespaceSelector: { matchLabels: { team: 'y' } } };
    expect(verdicts(cluster(placed), anti(teamY))).toMatchObject({ n1: 'ok' });
    expect(verdicts(cluster(placed), anti({ namespaceSelector: {} }))).toMatchObject({ n1: ANTI });
  });

  it("matches an existing pod's namespaceSelector against the incoming pod's namespace labels [IPA2]", () => {
    const guard = app('g', 'guard', {
      namespace: 'third',
      affinity: antiAffinity(
        term('web', HOST, { namespaceSelector: { matchLabels: { team: 'x' } } }),
      ),
    });
    expect(verdicts(cluster({ n1: [guard] }), app('p', 'web'))).toMatchObject({ n1: EXISTING });
    const elsewhere = app('p', 'web', { namespace: 'third' });
    expect(verdicts(cluster({ n1: [guard] }), elsewhere)).toBe('Skip');
  });
});

describe('InterPodAffinity PreFilter extensions', () => {
  type Move = [PodMove['op'], PodOptions, string];
  function after(placed: Record<string, PodOptions[]>, pod: PodOptions, moves: Move[]) {
    const nodes = cluster(placed);
    const at = (n: string): NodeInfo => nodes.find((x) => x.name === n) as NodeInfo;
    const plugin = newInterPodAffinity(undefined, makeHandle(nodes, { namespaces }));
    const podMoves: PodMove[] = moves.map(([op, o, n]) => ({ op, pod: makePod(o), node: at(n) }));
    return filterVerdictsAfter(plugin, makePod(pod), nodes, podMoves);
  }

  it('RemovePod takes a victim out of the anti-affinity counts, on the clone only [IPA9]', () => {
    const pod = app('p', 'api', { affinity: antiAffinity(term('web', HOST)) });
    const v = after({ n1: [app('w', 'web')] }, pod, [['removePod', app('w', 'web'), 'n1']]);
    expect(v.after).toEqual({ n1: 'ok', n2: 'ok', n3: 'ok' });
    expect(v.before).toEqual({ n1: ANTI, n2: 'ok', n3: 'ok' });
  });

  it("AddPod counts a nominated pod's anti-affinity toward the incoming pod [IPA9][IPA2]", () => {
    // The incoming pod has a term of its own, so PreFilter is not skipped.
    const pod = app('p', 'web', { affinity: antiAffinity(term('none', HOST)) });
    const teamX = { namespaceSelector: { matchLabels: { team: 'x' } } };
    const guard = app('g', 'guard', {
      namespace: 'third',
      affinity: antiAffinity(term('web', ZONE, teamX)),
    });
    const v = after({}, pod, [['addPod', guard, 'n3']]);
    expect(v.after).toEqual({ n1: 'ok', n2: 'ok', n3: EXISTING });
    expect(v.before).toEqual({ n1: 'ok', n2: 'ok', n3: 'ok' });
  });

  it('AddPod and RemovePod move the domains required affinity finds [IPA9]', () => {
    const pod = app('p', 'api', { affinity: affinity(term('db', ZONE)) });
    const v = after({ n3: [app('d', 'db')] }, pod, [
      ['addPod', app('d2', 'db'), 'n1'],
      ['removePod', app('d', 'db'), 'n3'],
      ['addPod', app('w', 'web'), 'n3'],
    ]);
    expect(v.after).toEqual({ n1: 'ok', n2: 'ok', n3: AFFINITY });
    expect(v.before).toEqual({ n1: AFFINITY, n2: AFFINITY, n3: 'ok' });
  });

  it('updates the counts per topology pair, dropping pairs that reach 0 [IPA9]', () => {
    const nodes = cluster({ n1: [app('w', 'web')] });
    const plugin = newInterPodAffinity(undefined, makeHandle(nodes, { namespaces }));
    const state = new CycleState();
    const pod = makePod(app('p', 'api', { affinity: antiAffinity(term('web', ZONE)) }));
    plugin.preFilter(state, pod);
    const s = state.read<PreFilterState>('PreFilterInterPodAffinity') as PreFilterState;
    const copy = s.clone();
    const web = makePod(app('w2', 'web')).pod;
    copy.updateWithPod(web, pod, nodes[2] as NodeInfo, 1);
    copy.updateWithPod(web, pod, nodes[0] as NodeInfo, -1);
    expect(copy.antiAffinityCounts).toEqual(new Map([[pairKey(ZONE, 'b'), 1]]));
    expect(s.antiAffinityCounts).toEqual(new Map([[pairKey(ZONE, 'a'), 1]]));
  });
});

function scores(
  nodes: NodeInfo[],
  pod: PodOptions,
  args?: InterPodAffinityArgs,
): Record<string, number> | 'Skip' {
  const plugin = newInterPodAffinity(args, makeHandle(nodes, { namespaces }));
  return normalizedScores(plugin, makePod(pod), nodes);
}

describe('InterPodAffinity Score', () => {
  it('is skipped when no term ties the pod to any other', () => {
    expect(scores(cluster({ n1: [app('w', 'web')] }), app('p', 'web'))).toBe('Skip');
  });

  // Preferred affinity 10 to db by zone (db in zone b), anti-affinity 5 to web by hostname (web
  // on n1): n1 −5, n2 0, n3 10 → (s + 5) / 15 × 100: 0, 33, 100. [IPA7][IPA8]
  it("weighs the incoming pod's preferred terms", () => {
    const pod = app('p', 'api', {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, podAffinityTerm: term('db', ZONE) },
          ],
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 5, podAffinityTerm: term('web', HOST) },
          ],
        },
      },
    });
    const placed = { n1: [app('w', 'web')], n3: [app('d', 'db')] };
    expect(scores(cluster(placed), pod)).toEqual({ n1: 0, n2: 33, n3: 100 });
  });

  // An existing pod on n2 requires web on its host (hard weight 1) and prefers web away from
  // its zone (−3): n1 −3, n2 1 − 3 = −2, n3 0 → 0, 33, 100. With hard weight 0: 0, 0, 100. [IPA7]
  it("weighs existing pods' terms toward the incoming pod", () => {
    const sidecar = app('s', 'cache', {
      affinity: {
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web', HOST)] },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 3, podAffinityTerm: term('web', ZONE) },
          ],
        },
      },
    });
    const nodes = cluster({ n2: [sidecar] });
    expect(scores(nodes, app('p', 'web'))).toEqual({ n1: 0, n2: 33, n3: 100 });
    expect(scores(nodes, app('p', 'web'), { hardPodAffinityWeight: 0 })).toEqual({
      n1: 0,
      n2: 0,
      n3: 100,
    });
    expect(scores(nodes, app('p', 'web'), { ignorePreferredTermsOfExistingPods: true })).toBe(
      'Skip',
    );
  });
});
