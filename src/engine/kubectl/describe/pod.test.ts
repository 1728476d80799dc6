import { describe, expect, it } from 'vitest';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import { at, pod } from '../printers/testdata';
import { describe as describeObject } from './index';
import { crashLoopingPod, runningPodEvents, unschedulablePod } from './scenarios';

// Golden pages, checked line by line against describe.go describePod (v1.31) and its helpers.

const NOW = 600_000;
const POD = resourceForKind('Pod') as ResourceInfo;
const page = (lines: string[]) => `${lines.join('\n')}\n`;

const running = [
  'Name:             web-7d4b9c6f5-x2x7k',
  'Namespace:        default',
  'Priority:         0',
  'Service Account:  default',
  'Node:             node-1/10.0.0.11',
  'Start Time:       Wed, 01 Jan 2025 00:00:01 +0000',
  'Labels:           app=web',
  '                  pod-template-hash=7d4b9c6f5',
  'Annotations:      <none>',
  'Status:           Running',
  'IP:               10.244.1.5',
  'IPs:',
  '  IP:           10.244.1.5',
  'Controlled By:  ReplicaSet/web-7d4b9c6f5',
  'Containers:',
  '  nginx:',
  '    Container ID:   containerd://4f1c9d3e2b7a6c5d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d',
  '    Image:          nginx',
  '    Image ID:       docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
  '    Port:           <none>',
  '    Host Port:      <none>',
  '    State:          Running',
  '      Started:      Wed, 01 Jan 2025 00:00:04 +0000',
  '    Ready:          True',
  '    Restart Count:  0',
  '    Environment:    <none>',
  '    Mounts:',
  '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-5xq2m (ro)',
  'Conditions:',
  '  Type                        Status',
  '  PodReadyToStartContainers   True ',
  '  Initialized                 True ',
  '  Ready                       True ',
  '  ContainersReady             True ',
  '  PodScheduled                True ',
  'Volumes:',
  '  kube-api-access-5xq2m:',
  '    Type:                    Projected (a volume that contains injected data from multiple sources)',
  '    TokenExpirationSeconds:  3607',
  '    ConfigMapName:           kube-root-ca.crt',
  '    ConfigMapOptional:       <nil>',
  '    DownwardAPI:             true',
  'QoS Class:                   BestEffort',
  'Node-Selectors:              <none>',
  'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
  '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
  'Events:',
  '  Type    Reason     Age    From               Message',
  '  ----    ------     ----   ----               -------',
  '  Normal  Scheduled  9m59s  default-scheduler  Successfully assigned default/web-7d4b9c6f5-x2x7k to node-1',
  '  Normal  Pulling    9m59s  kubelet            Pulling image "nginx"',
  '  Normal  Pulled     9m57s  kubelet            Successfully pulled image "nginx" in 2.1s (2.1s including waiting). Image size: 72955450 bytes.',
  '  Normal  Created    9m57s  kubelet            Created container nginx',
  '  Normal  Started    9m56s  kubelet            Started container nginx',
];

const crash = [
  'Name:             crash-5d8f9c7b6-kq4zt',
  'Namespace:        default',
  'Priority:         0',
  'Service Account:  default',
  'Node:             node-1/10.0.0.11',
  'Start Time:       Wed, 01 Jan 2025 00:00:01 +0000',
  'Labels:           app=web',
  '                  pod-template-hash=7d4b9c6f5',
  'Annotations:      <none>',
  'Status:           Running',
  'IP:               10.244.1.5',
  'IPs:',
  '  IP:           10.244.1.5',
  'Controlled By:  ReplicaSet/web-7d4b9c6f5',
  'Containers:',
  '  nginx:',
  '    Container ID:  containerd://4f1c9d3e2b7a6c5d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d',
  '    Image:         busybox:1.36',
  '    Image ID:      docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
  '    Port:          8080/TCP',
  '    Host Port:     0/TCP',
  '    Command:',
  '      sh',
  '      -c',
  '      exit 1',
  '    State:          Waiting',
  '      Reason:       CrashLoopBackOff',
  '    Last State:     Terminated',
  '      Reason:       Error',
  '      Exit Code:    1',
  '      Started:      Wed, 01 Jan 2025 00:09:14 +0000',
  '      Finished:     Wed, 01 Jan 2025 00:09:15 +0000',
  '    Ready:          False',
  '    Restart Count:  3',
  '    Limits:',
  '      memory:  256Mi',
  '    Requests:',
  '      cpu:     250m',
  '      memory:  128Mi',
  '    Liveness:  http-get http://:8080/healthz delay=3s timeout=1s period=10s #success=1 #failure=3',
  '    Environment:',
  '      MODE:      crash',
  '      POD_NAME:  crash-5d8f9c7b6-kq4zt (v1:metadata.name)',
  '      NODE:       (v1:spec.nodeName)',
  '    Mounts:',
  '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-5xq2m (ro)',
  'Volumes:',
  '  kube-api-access-5xq2m:',
  '    Type:                    Projected (a volume that contains injected data from multiple sources)',
  '    TokenExpirationSeconds:  3607',
  '    ConfigMapName:           kube-root-ca.crt',
  '    ConfigMapOptional:       <nil>',
  '    DownwardAPI:             true',
  'QoS Class:                   Burstable',
  'Node-Selectors:              <none>',
  'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
  '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
  'Events:',
  '  Type     Reason   Age                  From     Message',
  '  ----     ------   ----                 ----     -------',
  '  Normal   Pulled   46s (x4 over 9m58s)  kubelet  Container image "busybox:1.36" already present on machine',
  '  Warning  BackOff  10s (x12 over 5m)    kubelet  Back-off restarting failed container nginx in pod crash-5d8f9c7b6-kq4zt_default(u)',
];

const pending = [
  'Name:             web-7d4b9c6f5-q5r6s',
  'Namespace:        default',
  'Priority:         0',
  'Service Account:  default',
  'Node:             <none>',
  'Labels:           app=web',
  '                  pod-template-hash=7d4b9c6f5',
  'Annotations:      <none>',
  'Status:           Pending',
  'IP:               ',
  'IPs:              <none>',
  'Controlled By:    ReplicaSet/web-7d4b9c6f5',
  'Containers:',
  '  nginx:',
  '    Image:        nginx',
  '    Port:         <none>',
  '    Host Port:    <none>',
  '    Environment:  <none>',
  '    Mounts:',
  '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-5xq2m (ro)',
  'Conditions:',
  '  Type           Status',
  '  PodScheduled   False ',
  'Volumes:',
  '  kube-api-access-5xq2m:',
  '    Type:                    Projected (a volume that contains injected data from multiple sources)',
  '    TokenExpirationSeconds:  3607',
  '    ConfigMapName:           kube-root-ca.crt',
  '    ConfigMapOptional:       <nil>',
  '    DownwardAPI:             true',
  'QoS Class:                   BestEffort',
  'Node-Selectors:              <none>',
  'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
  '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
  'Events:                      <none>',
];

describe('describe pod', () => {
  it('prints a running pod: header, container state, conditions, the kube-api-access volume, events', () => {
    const p = pod();
    expect(describeObject(POD, p, { events: runningPodEvents(p) }, NOW)).toBe(page(running));
  });

  it('prints a crash-looping container: Last State, resources, probe, env, repeated events', () => {
    const { pod: p, events } = crashLoopingPod();
    expect(describeObject(POD, p, { events }, NOW)).toBe(page(crash));
  });

  it('prints an unscheduled pod: Node <none>, empty IP, no container status', () => {
    expect(describeObject(POD, unschedulablePod(), { events: [] }, NOW)).toBe(page(pending));
  });

  it('prints a terminating pod as "Terminating (lasts <invalid>)" with its grace period', () => {
    const p = pod();
    p.metadata = { ...p.metadata, deletionTimestamp: at(630), deletionGracePeriodSeconds: 30 };
    const lines = describeObject(POD, p, {}, NOW).split('\n');
    expect(lines.slice(9, 11)).toEqual([
      'Status:                    Terminating (lasts <invalid>)',
      'Termination Grace Period:  30s',
    ]);
    expect(lines.at(-2)).toMatch(/^ {29}node\.kubernetes\.io\/unreachable/);
    expect(lines.some((l) => l.startsWith('Events:'))).toBe(false);
  });
});
