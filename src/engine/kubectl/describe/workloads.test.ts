import { describe, expect, it } from 'vitest';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import type { ReplicaSet } from '../../api/types';
import { at, deployment, event, pod, replicaSet } from '../printers/testdata';
import { describe as describeObject } from './index';
import { crashLoopingPod, unschedulablePod } from './scenarios';
import { splitReplicaSets } from './workloadsReplicaSets';

// Golden pages, checked line by line against describe.go describeReplicaSet, describeDeployment
// and DescribePodTemplate (v1.31).

const NOW = 600_000;
const res = (kind: string) => resourceForKind(kind) as ResourceInfo;
const page = (lines: string[]) => `${lines.join('\n')}\n`;

const rs = [
  'Name:           web-7d4b9c6f5',
  'Namespace:      default',
  'Selector:       app=web,pod-template-hash=7d4b9c6f5',
  'Labels:         app=web',
  '                pod-template-hash=7d4b9c6f5',
  'Annotations:    deployment.kubernetes.io/desired-replicas: 3',
  '                deployment.kubernetes.io/max-replicas: 4',
  '                deployment.kubernetes.io/revision: 1',
  'Controlled By:  Deployment/web',
  'Replicas:       3 current / 3 desired',
  'Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 0 Failed',
  'Pod Template:',
  '  Labels:  app=web',
  '           pod-template-hash=7d4b9c6f5',
  '  Containers:',
  '   nginx:',
  '    Image:         nginx',
  '    Port:          <none>',
  '    Host Port:     <none>',
  '    Environment:   <none>',
  '    Mounts:        <none>',
  '  Volumes:         <none>',
  '  Node-Selectors:  <none>',
  '  Tolerations:     <none>',
  'Events:',
  '  Type    Reason            Age   From                   Message',
  '  ----    ------            ----  ----                   -------',
  '  Normal  SuccessfulCreate  10m   replicaset-controller  Created pod: web-7d4b9c6f5-x2x7k',
];

const deploy = [
  'Name:                   web',
  'Namespace:              default',
  'CreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000',
  'Labels:                 app=web',
  'Annotations:            deployment.kubernetes.io/revision: 1',
  'Selector:               app=web',
  'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
  'StrategyType:           RollingUpdate',
  'MinReadySeconds:        0',
  'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
  'Pod Template:',
  '  Labels:  app=web',
  '  Containers:',
  '   nginx:',
  '    Image:         nginx',
  '    Port:          <none>',
  '    Host Port:     <none>',
  '    Environment:   <none>',
  '    Mounts:        <none>',
  '  Volumes:         <none>',
  '  Node-Selectors:  <none>',
  '  Tolerations:     <none>',
  'Conditions:',
  '  Type           Status  Reason',
  '  ----           ------  ------',
  '  Available      True    MinimumReplicasAvailable',
  '  Progressing    True    NewReplicaSetAvailable',
  'OldReplicaSets:  <none>',
  'NewReplicaSet:   web-7d4b9c6f5 (3/3 replicas created)',
  'Events:',
  '  Type    Reason             Age   From                   Message',
  '  ----    ------             ----  ----                   -------',
  '  Normal  ScalingReplicaSet  10m   deployment-controller  Scaled up replica set web-7d4b9c6f5 to 3',
];

function available() {
  return deployment({
    replicas: 3,
    updatedReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    observedGeneration: 1,
    conditions: [
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
        lastTransitionTime: at(20),
        lastUpdateTime: at(20),
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: 'ReplicaSet "web-7d4b9c6f5" has successfully progressed.',
        lastTransitionTime: at(0),
        lastUpdateTime: at(20),
      },
    ],
  });
}

describe('describe replicaset', () => {
  it('counts its own pods by phase and prints the pod template', () => {
    const created = event(
      { kind: 'ReplicaSet', name: 'web-7d4b9c6f5', uid: 'x' },
      'SuccessfulCreate',
      'Created pod: web-7d4b9c6f5-x2x7k',
      { component: 'replicaset-controller' },
      { first: 0, last: 0 },
    );
    const pods = [pod(), crashLoopingPod().pod, unschedulablePod()];
    expect(describeObject(res('ReplicaSet'), replicaSet(), { pods, events: [created] }, NOW)).toBe(
      page(rs),
    );
  });
});

describe('describe deployment', () => {
  it('prints replicas, strategy, conditions and the new ReplicaSet', () => {
    const scaled = event(
      { kind: 'Deployment', name: 'web', uid: 'x' },
      'ScalingReplicaSet',
      'Scaled up replica set web-7d4b9c6f5 to 3',
      { component: 'deployment-controller' },
      { first: 0, last: 0 },
    );
    const related = { replicaSets: [replicaSet()], events: [scaled] };
    expect(describeObject(res('Deployment'), available(), related, NOW)).toBe(page(deploy));
  });

  it('splits owned ReplicaSets into the new one (current template) and the old ones, oldest first', () => {
    const d = available();
    const old = (name: string, s: number, image: string): ReplicaSet => {
      const r = replicaSet(0, 0);
      r.metadata = { ...r.metadata, name, uid: name, creationTimestamp: at(s) };
      (r.spec?.template?.spec?.containers[0] as { image: string }).image = image;
      return r;
    };
    const stranger = replicaSet();
    stranger.metadata = { ...stranger.metadata, name: 'other', ownerReferences: [] };
    const { newRS, old: olds } = splitReplicaSets(d, [
      old('web-b', 5, 'nginx:1.26'),
      replicaSet(),
      stranger,
      old('web-a', 1, 'nginx:1.25'),
    ]);
    expect(newRS?.metadata?.name).toBe('web-7d4b9c6f5');
    expect(olds.map((r) => r.metadata?.name)).toEqual(['web-a', 'web-b']);
    const text = describeObject(
      res('Deployment'),
      d,
      { replicaSets: [old('web-a', 1, 'nginx:1.25'), replicaSet()] },
      NOW,
    );
    expect(text).toContain(
      'OldReplicaSets:  web-a (0/0 replicas created)\nNewReplicaSet:   web-7d4b9c6f5 (3/3 replicas created)\n',
    );
    expect(text).not.toContain('Events:');
  });
});
