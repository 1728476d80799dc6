import { describe, expect, it } from 'vitest';
import type { Event, Pod } from '../api/types';
import type { ObjectList } from '../apiserver/types';
import { defaultNodes } from '../cluster';
import type { Engine } from '../engine';
import { sh } from '../kubectl/testing';
import { createSimulation } from '../simulation';
import type { Scheduler } from './scheduler';

// Integration: a whole cluster with zone-labelled nodes. A Deployment spreads over the zones by
// its topologySpreadConstraints; pods with required (anti-)affinity stay Pending with the
// scheduler's exact words and are retried on the pod events that can help them.

const ZONE = 'topology.kubernetes.io/zone';

const web = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 6
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      topologySpreadConstraints:
      - {maxSkew: 1, topologyKey: ${ZONE}, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
      containers:
      - {name: app, image: nginx}
`;

const pod = (name: string, kind: 'podAffinity' | 'podAntiAffinity', target: string): string =>
  `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  affinity:
    ${kind}:
      requiredDuringSchedulingIgnoredDuringExecution:
      - {topologyKey: ${ZONE}, labelSelector: {matchLabels: {app: ${target}}}}
  containers:
  - {name: app, image: nginx}
`;

function pods(e: Engine): Pod[] {
  const res = e.request('test', { verb: 'list', resource: 'pods', namespace: 'default' });
  return (res.body as ObjectList).items as Pod[];
}

const nodeOf = (e: Engine, name: string): string | undefined =>
  pods(e).find((p) => p.metadata?.name === name)?.spec?.nodeName;

function failedScheduling(e: Engine, name: string): string[] {
  const res = e.request('test', { verb: 'list', resource: 'events', namespace: 'default' });
  return ((res.body as ObjectList).items as Event[])
    .filter((ev) => ev.reason === 'FailedScheduling' && ev.involvedObject.name === name)
    .map((ev) => ev.message ?? '');
}

describe('topology spreading and inter-pod affinity in a running cluster', () => {
  const e = createSimulation({ nodes: defaultNodes(5) });
  // Zone a has three nodes: resource balancing alone would put three replicas there.
  const zoneOf: Record<string, string> = {
    'node-1': 'a',
    'node-2': 'a',
    'node-3': 'a',
    'node-4': 'b',
    'node-5': 'c',
  };
  for (const [node, zone] of Object.entries(zoneOf))
    sh(e, `kubectl label node ${node} ${ZONE}=${zone}`);
  sh(e, 'kubectl apply -f -', {}, web);
  e.runFor(30_000);
  const perZone = (): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const p of pods(e).filter((x) => x.metadata?.labels?.app === 'web')) {
      const zone = zoneOf[p.spec?.nodeName ?? ''] ?? 'none';
      out[zone] = (out[zone] ?? 0) + 1;
    }
    return out;
  };
  const spread = perZone();
  sh(e, 'kubectl apply -f -', {}, pod('loner', 'podAntiAffinity', 'web'));
  e.runFor(5_000);
  const scheduler = e.component('kube-scheduler') as Scheduler;
  const lonerResult = scheduler.result('default/loner');

  it('places the six replicas two per zone although zone a has three nodes', () => {
    expect(spread).toEqual({ a: 2, b: 2, c: 2 });
  });

  it('keeps a pod with required anti-affinity Pending with the exact FailedScheduling message', () => {
    expect(nodeOf(e, 'loner')).toBeUndefined();
    expect(failedScheduling(e, 'loner')).toEqual([
      "0/5 nodes are available: 5 node(s) didn't match pod anti-affinity rules. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.",
    ]);
  });

  it('records each new plugin per node for the scheduler view', () => {
    expect(lonerResult?.preFilter).toMatchObject({
      NodePorts: { code: 'Skip' },
      PodTopologySpread: { code: 'Skip' },
      InterPodAffinity: { code: 'Success' },
    });
    expect(lonerResult?.filter['node-2']?.InterPodAffinity).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't match pod anti-affinity rules"],
    });
  });

  it('retries it when the matching pods are deleted (AssignedPodDelete) [Q3]', () => {
    sh(e, 'kubectl delete deployment web');
    e.runFor(60_000);
    expect(perZone()).toEqual({});
    expect(nodeOf(e, 'loner')).toBeDefined();
  });

  it('retries a pod when an assigned pod gains the label its affinity wants (PodLabelChange) [Q6]', () => {
    sh(e, 'kubectl apply -f -', {}, pod('follower', 'podAffinity', 'db'));
    e.runFor(5_000);
    expect(failedScheduling(e, 'follower')).toEqual([
      "0/5 nodes are available: 5 node(s) didn't match pod affinity rules. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.",
    ]);
    sh(e, 'kubectl label pod loner app=db --overwrite');
    e.runFor(3_000);
    expect(zoneOf[nodeOf(e, 'follower') ?? '']).toBe(zoneOf[nodeOf(e, 'loner') ?? '']);
  });
});
