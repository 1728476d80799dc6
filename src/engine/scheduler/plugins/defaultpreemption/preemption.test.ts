import { describe, expect, it } from 'vitest';
import type { Event, Pod } from '../../../api/types';
import type { ObjectList } from '../../../apiserver/types';
import { defaultNodes } from '../../../cluster';
import type { Engine } from '../../../engine';
import { sh } from '../../../kubectl/testing';
import { createSimulation } from '../../../simulation';
import { preemptedMessage, preemptingMessage } from './prepare';

// Integration: one node full of priority-0 pods, then a pod of a high PriorityClass. The whole
// cluster runs (apiserver, controllers, scheduler, kubelet), so victims really terminate.

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
    const nominated = important.findIndex((p) => p.status?.nominatedNodeName === 'node-1');
    const bound = important.findIndex((p) => p.spec?.nodeName === 'node-1');
    expect(nominated).toBeGreaterThan(-1);
    expect(important[nominated]?.spec?.nodeName).toBeUndefined();
    expect(bound).toBeGreaterThan(nominated);
    const failed = events(e, 'FailedScheduling').filter(
      (ev) => ev.involvedObject.name === 'important',
    );
    expect(failed.map((ev) => ev.message)).toEqual([
      '0/1 nodes are available: 1 Insufficient cpu.',
    ]);
    const running = e.store.get('/registry/pods/default/important')?.value as Pod;
    expect(running.status?.phase).toBe('Running');
  });
});
