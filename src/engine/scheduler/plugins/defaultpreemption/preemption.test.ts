import { describe, expect, it } from 'vitest';
import type { Event, Pod } from '../../../api/types';
import type { ObjectList } from '../../../apiserver/types';
import { defaultNodes } from '../../../cluster';
import type { Engine } from '../../../engine';
import { sh } from '../../../kubectl/testing';
import { createSimulation } from '../../../simulation';
import { preemptedMessage, preemptingMessage } from './prepare';

// Integration: the whole cluster runs (apiserver, controllers, scheduler, kubelet), so victims
// really terminate. First one node full of priority-0 pods, then a pod of a high PriorityClass;
// then nodes whose priority-0 pods repel a high-priority pod by its required anti-affinity.

const podYaml = (name: string, cpu: string, priorityClass?: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${priorityClass ? `  priorityClassName: ${priorityClass}\n` : ''}  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "${cpu}"
`;

const history = (e: Engine, name: string): Pod[] =>
  e.store.history(`/registry/pods/default/${name}`).map((ev) => ev.kv.value as Pod);

function events(e: Engine, reason: string): Event[] {
  const res = e.request('test', { verb: 'list', resource: 'events', namespace: 'default' });
  return ((res.body as ObjectList).items as Event[]).filter((ev) => ev.reason === reason);
}

// [PRE3] the preemptor is nominated to the node while still unbound, binds there later, fails
// once with a message without a preemption part, and runs.
function expectNominatedThenBound(e: Engine, node: string | undefined, failed: string): void {
  const important = history(e, 'important');
  const nominated = important.findIndex((p) => p.status?.nominatedNodeName === node);
  const bound = important.findIndex((p) => p.spec?.nodeName === node);
  expect(nominated).toBeGreaterThan(-1);
  expect(important[nominated]?.spec?.nodeName).toBeUndefined();
  expect(bound).toBeGreaterThan(nominated);
  const messages = events(e, 'FailedScheduling')
    .filter((ev) => ev.involvedObject.name === 'important')
    .map((ev) => ev.message);
  expect(messages).toEqual([failed]);
  const running = e.store.get('/registry/pods/default/important')?.value as Pod;
  expect(running.status?.phase).toBe('Running');
}

describe('preemption on a full node', () => {
  const e = createSimulation({ nodes: defaultNodes(1) });
  // Four 1-CPU pods fill the 4-CPU node, each a second younger than the one before.
  for (const name of ['low-a', 'low-b', 'low-c', 'low-d']) {
    sh(e, 'kubectl apply -f -', {}, podYaml(name, '1'));
    e.runFor(1000);
  }
  e.runFor(5000);
  sh(e, 'kubectl create priorityclass high --value=1000');
  const created = sh(e, 'kubectl apply -f -', {}, podYaml('important', '2', 'high'));
  e.runFor(30_000);
  const important = history(e, 'important');
  const uid = important[0]?.metadata?.uid;

  it('gives the pod its class priority', () => {
    expect(created.stdout).toBe('pod/important created\n');
    expect(important[0]?.spec).toMatchObject({
      priorityClassName: 'high',
      priority: 1000,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  });

  it('preempts the minimum set: the two youngest pods [VIC3]', () => {
    const names = ['low-a', 'low-b', 'low-c', 'low-d'];
    const gone = names.filter(
      (n) => history(e, n).length > 0 && !e.store.get(`/registry/pods/default/${n}`),
    );
    expect(gone).toEqual(['low-c', 'low-d']);
  });

  it('marks each victim DisruptionTarget before deleting it [PREP1]', () => {
    for (const name of ['low-c', 'low-d']) {
      const marked = history(e, name).find((p) =>
        p.status?.conditions?.some((c) => c.type === 'DisruptionTarget'),
      );
      expect(marked?.metadata?.deletionTimestamp).toBeUndefined();
      expect(marked?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
        status: 'True',
        reason: 'PreemptionByScheduler',
        message: preemptingMessage('default-scheduler'),
      });
    }
    expect(events(e, 'Preempted').map((ev) => [ev.involvedObject.name, ev.message])).toEqual([
      ['low-c', preemptedMessage(important[0] as Pod, 'node-1')],
      ['low-d', preemptedMessage(important[0] as Pod, 'node-1')],
    ]);
    expect(uid).toBeDefined();
  });

  it('nominates the pod to the node, then binds it there once the victims are gone [PRE3]', () => {
    expectNominatedThenBound(e, 'node-1', '0/1 nodes are available: 1 Insufficient cpu.');
  });
});

const placed = (name: string, app: string, node: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${app}}
spec:
  nodeName: ${node}
  containers:
  - {name: app, image: nginx}
`;

const repelled = `apiVersion: v1
kind: Pod
metadata:
  name: important
spec:
  priorityClassName: high
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: batch}}}
  containers:
  - {name: app, image: nginx}
`;

describe('preemption for required pod anti-affinity', () => {
  const e = createSimulation({ nodes: defaultNodes(2) });
  // Room to spare everywhere, but every node runs a batch pod the new pod refuses to meet.
  for (const n of [1, 2]) {
    sh(e, 'kubectl apply -f -', {}, placed(`batch-${n}`, 'batch', `node-${n}`));
    sh(e, 'kubectl apply -f -', {}, placed(`web-${n}`, 'web', `node-${n}`));
  }
  e.runFor(10_000);
  sh(e, 'kubectl create priorityclass high --value=1000');
  sh(e, 'kubectl apply -f -', {}, repelled);
  e.runFor(60_000);
  const exists = (name: string): boolean => Boolean(e.store.get(`/registry/pods/default/${name}`));
  const important = history(e, 'important');
  const node = important.at(-1)?.spec?.nodeName;

  it('evicts exactly the batch pod on one node: RemovePod drops it from the counts [VIC2][IPA9]', () => {
    const gone = ['batch-1', 'batch-2', 'web-1', 'web-2'].filter((n) => !exists(n));
    expect(gone).toHaveLength(1);
    expect(gone[0]).toBe(`batch-${node?.slice(-1) ?? ''}`);
    expect(events(e, 'Preempted').map((ev) => ev.involvedObject.name)).toEqual(gone);
  });

  it('nominates the pod there, then binds it once the batch pod is gone [PRE3]', () => {
    const failed = "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.";
    expectNominatedThenBound(e, node, failed);
  });
});
