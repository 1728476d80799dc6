import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine/api/object';
import type { Check, CheckResult } from './check';
import { evaluate } from './evaluate';
import { fakeView, node, runningPod, unschedulablePod, waitingPod } from './testing';

const NO_CPU =
  '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';

const threeWeb = [
  runningPod('web-7d4b9c6f5-a1', 'node-1'),
  runningPod('web-7d4b9c6f5-b2', 'node-2'),
  unschedulablePod('web-7d4b9c6f5-x2x7k', NO_CPU),
];

const deployment = (status: Record<string, unknown>, generation = 1): KubeObject => ({
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', generation },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } } },
  status: { observedGeneration: 1, ...status },
});

type Case = [name: string, check: Check, objects: KubeObject[], expected: Partial<CheckResult>];

describe('count [COUNT1] [COUNT3]', () => {
  const cases: Case[] = [
    [
      'holds when the number matches',
      { count: { kind: 'Pod', selector: 'app=web', status: 'Running' }, equals: 2 },
      threeWeb,
      { ok: true, goal: '2 Running pods with app=web', explanation: '' },
    ],
    [
      'a short count names the pending pod and the scheduler’s reason',
      { count: { kind: 'Pod', selector: 'app=web', status: 'Running' }, equals: 3 },
      threeWeb,
      {
        ok: false,
        explanation:
          'expected 3 Running pods with app=web, found 2: web-7d4b9c6f5-x2x7k is Pending — ' +
          NO_CPU.replace(/\.$/, '') +
          '.',
      },
    ],
    [
      'a waiting container gives its message, not its reason twice',
      { count: { kind: 'Pod', status: 'Running' }, atLeast: 1 },
      [waitingPod('web-9', 'node-3', 'ImagePullBackOff', 'Back-off pulling image "nginx:1.99"')],
      {
        ok: false,
        explanation:
          'expected at least 1 Running pod, found 0: web-9 is ImagePullBackOff on node-3 — Back-off pulling image "nginx:1.99".',
      },
    ],
    [
      'an over-count names the counted objects',
      { count: { kind: 'Pod', selector: 'app=web', node: 'node-1' }, atMost: 0 },
      threeWeb,
      {
        ok: false,
        goal: 'at most 0 pods with app=web on node-1',
        explanation: 'expected at most 0 pods with app=web on node-1, found 1: web-7d4b9c6f5-a1 is Running on node-1.',
      },
    ],
    [
      'no candidates at all says so',
      { count: { kind: 'Pod', selector: 'app=api' }, equals: 1 },
      threeWeb,
      { ok: false, explanation: 'expected 1 pod with app=api, found 0: there are 0 pods with app=api.' },
    ],
    [
      'nodes use their STATUS and the Ready message',
      { count: { kind: 'Node', status: 'Ready' }, equals: 2 },
      [node('node-1', true), node('node-2', false)],
      {
        ok: false,
        explanation: 'expected 2 Ready nodes, found 1: node-2 is NotReady — Kubelet stopped posting node status.',
      },
    ],
    [
      'other namespaces are not counted unless asked',
      { count: { kind: 'Pod', namespace: '*' }, equals: 4 },
      [...threeWeb, { ...runningPod('dns', 'node-1'), metadata: { name: 'dns', namespace: 'kube-system' } }],
      { ok: true, goal: '4 pods in any namespace' },
    ],
  ];
  it.each(cases)('%s', (_name, check, objects, expected) => {
    expect(evaluate(check, fakeView(objects))).toMatchObject(expected);
  });
});

describe('count over time [COUNT2]', () => {
  const states = [
    threeWeb.slice(0, 2),
    [...threeWeb.slice(0, 2), runningPod('web-new-1', 'node-3'), runningPod('web-new-2', 'node-3')],
    threeWeb.slice(0, 1),
  ];
  const cases: [string, Check, Partial<CheckResult>][] = [
    ['max holds', { count: { kind: 'Pod', status: 'Running' }, equals: 4, measure: 'max' }, { ok: true }],
    ['min holds', { count: { kind: 'Pod', status: 'Running' }, equals: 1, measure: 'min' }, { ok: true }],
    [
      'max fails with the peak',
      { count: { kind: 'Pod', status: 'Running' }, atMost: 3, measure: 'max' },
      {
        ok: false,
        explanation: 'expected at most 3 Running pods at once during the step; the most at any moment was 4.',
      },
    ],
  ];
  it.each(cases)('%s', (_name, check, expected) => {
    expect(evaluate(check, fakeView([], { states }))).toMatchObject(expected);
  });
});

describe('rollout [ROLL1] [ROLL2]', () => {
  const done = { replicas: 3, updatedReplicas: 3, availableReplicas: 3 };
  const cases: Case[] = [
    ['complete', { rollout: { deployment: 'web' } }, [deployment(done)], { ok: true, goal: 'the rollout of deployment web is complete' }],
    [
      'not yet observed',
      { rollout: { deployment: 'web' } },
      [deployment(done, 2)],
      { ok: false, explanation: 'Waiting for deployment spec update to be observed...' },
    ],
    [
      'waiting names a stuck pod',
      { rollout: { deployment: 'web' } },
      [deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 2 }), ...threeWeb],
      {
        ok: false,
        explanation:
          'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available... web-7d4b9c6f5-x2x7k is Pending — ' +
          NO_CPU.replace(/\.$/, '') +
          '.',
      },
    ],
    [
      'missing deployment',
      { rollout: { deployment: 'api' } },
      [deployment(done)],
      { ok: false, explanation: 'deployment "api" does not exist in namespace default.' },
    ],
  ];
  it.each(cases)('%s', (_name, check, objects, expected) => {
    expect(evaluate(check, fakeView(objects))).toMatchObject(expected);
  });
});

describe('event [EVENT1] [EVENT2]', () => {
  const event = (reason: string, name: string): KubeObject => ({
    kind: 'Event',
    metadata: { name: `${name}.1`, namespace: 'default' },
    involvedObject: { kind: 'Pod', name, namespace: 'default' },
    reason,
    message: `${reason} happened`,
  });
  const events = [event('Scheduled', 'web-1'), event('FailedScheduling', 'web-2')];
  const cases: Case[] = [
    ['a reason about a named object', { event: { reason: 'FailedScheduling', kind: 'Pod', name: 'web-2' } }, events, { ok: true }],
    ['a name prefix', { event: { reason: 'Scheduled', name: 'web-*' } }, events, { ok: true }],
    ['message text', { event: { reason: 'Scheduled', message: 'nope' } }, events, { ok: false }],
    [
      'missing: lists the reasons seen about the object',
      { event: { reason: 'Killing', kind: 'Pod', name: 'web-1' } },
      events,
      {
        ok: false,
        goal: 'an event Killing about Pod web-1',
        explanation: 'no Killing event about Pod web-1 since this step began; the events were: Scheduled.',
      },
    ],
  ];
  it.each(cases)('%s', (_name, check, objects, expected) => {
    expect(evaluate(check, fakeView(objects))).toMatchObject(expected);
  });
});

describe('hop [HOP1]', () => {
  const hops = [
    { from: 'kubectl', to: 'kube-apiserver', verb: 'POST', resource: 'deployments', type: 'request' as const },
    { from: 'kubelet/node-2', to: 'containerd/node-2', verb: 'StopContainer', type: 'cri' as const },
  ];
  const cases: [string, Check, Partial<CheckResult>][] = [
    ['exact', { hop: { from: 'kubectl', verb: 'POST', resource: 'deployments' } }, { ok: true }],
    ['wildcards', { hop: { from: 'kubelet/*', to: 'containerd/*' } }, { ok: true }],
    [
      'absent',
      { hop: { from: 'kube-scheduler', to: 'kube-apiserver', verb: 'POST', resource: 'pods/binding' } },
      {
        ok: false,
        goal: 'a hop from kube-scheduler to kube-apiserver (POST pods/binding)',
        explanation: 'no hop from kube-scheduler to kube-apiserver (POST pods/binding) since this step began.',
      },
    ],
  ];
  it.each(cases)('%s', (_name, check, expected) => {
    expect(evaluate(check, fakeView([], { hops }))).toMatchObject(expected);
  });
});

describe('field [FIELD1], not, any, description', () => {
  const d: KubeObject = {
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': '4' } },
    spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
  };
  const cases: [string, Check, Partial<CheckResult>][] = [
    ['a list index', { field: { kind: 'Deployment', name: 'web', path: 'spec.template.spec.containers.0.image' }, equals: 'nginx:1.26' }, { ok: true }],
    [
      'an escaped dot',
      { field: { kind: 'Deployment', name: 'web', path: 'metadata.annotations.deployment\\.kubernetes\\.io/revision' }, equals: '4' },
      { ok: true },
    ],
    [
      'a missing field is null',
      { field: { kind: 'Deployment', name: 'web', path: 'spec.paused' }, equals: true },
      { ok: false, explanation: 'Deployment web has spec.paused = null, expected true.' },
    ],
    [
      'not',
      { not: { field: { kind: 'Deployment', name: 'web', path: 'spec.paused' }, equals: null } },
      { ok: false, explanation: 'expected not Deployment web has spec.paused = null, but it holds.' },
    ],
    [
      'any',
      { any: [{ count: { kind: 'Deployment' }, equals: 2 }, { count: { kind: 'Deployment' }, equals: 1 }] },
      { ok: true },
    ],
    [
      'all',
      { all: [{ count: { kind: 'Deployment' }, equals: 1 }, { count: { kind: 'Deployment' }, equals: 2 }] },
      { ok: false, goal: '1 deployment, and 2 deployments', explanation: 'expected 2 deployments, found 1: there is only 1 deployment.' },
    ],
    ['description replaces the goal', { count: { kind: 'Deployment' }, equals: 1, description: 'web exists' }, { ok: true, goal: 'web exists' }],
  ];
  it.each(cases)('%s', (_name, check, expected) => {
    expect(evaluate(check, fakeView([d]))).toMatchObject(expected);
  });
});
