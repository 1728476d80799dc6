import type { Event, Pod } from '../../api/types';
import { at, container, event, pod } from '../printers/testdata';

// Describe test scenarios: pods in telling states, with the events a v1.31 cluster records.

/** A crash-looping busybox with a liveness probe, resources, env vars and two event series. */
export function crashLoopingPod(): { pod: Pod; events: Event[] } {
  const p = pod('crash-5d8f9c7b6-kq4zt', {
    conditions: [],
    qosClass: 'Burstable',
    containerStatuses: [
      container({
        ready: false,
        restartCount: 3,
        started: false,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: 'back-off 40s restarting failed container=nginx',
          },
        },
        lastState: {
          terminated: { exitCode: 1, reason: 'Error', startedAt: at(554), finishedAt: at(555) },
        },
      }),
    ],
  });
  const c = (p.spec as NonNullable<Pod['spec']>).containers[0] as NonNullable<
    Pod['spec']
  >['containers'][number];
  Object.assign(c, {
    image: 'busybox:1.36',
    command: ['sh', '-c', 'exit 1'],
    ports: [{ containerPort: 8080, protocol: 'TCP' }],
    resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { memory: '0.25Gi' } },
    livenessProbe: {
      httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
      initialDelaySeconds: 3,
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    },
    env: [
      { name: 'MODE', value: 'crash' },
      {
        name: 'POD_NAME',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
      },
      { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
    ],
  });
  const involved = {
    kind: 'Pod',
    name: 'crash-5d8f9c7b6-kq4zt',
    uid: 'u',
    fieldPath: 'spec.containers{nginx}',
  };
  const kubelet = { component: 'kubelet', host: 'node-1' };
  const events = [
    event(
      involved,
      'BackOff',
      'Back-off restarting failed container nginx in pod crash-5d8f9c7b6-kq4zt_default(u)',
      kubelet,
      { first: 300, last: 590, count: 12, type: 'Warning' },
    ),
    event(
      involved,
      'Pulled',
      'Container image "busybox:1.36" already present on machine',
      kubelet,
      { first: 2, last: 554, count: 4 },
    ),
  ];
  return { pod: p, events };
}

/** A pod the scheduler could not place: no node, no IP, no container statuses. */
export function unschedulablePod(): Pod {
  const p = pod('web-7d4b9c6f5-q5r6s', {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message:
          '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.',
        lastTransitionTime: at(0),
      },
    ],
    podIP: undefined,
    podIPs: undefined,
    hostIP: undefined,
    hostIPs: undefined,
    startTime: undefined,
  });
  delete (p.status as NonNullable<Pod['status']>).containerStatuses;
  delete (p.spec as NonNullable<Pod['spec']>).nodeName;
  return p;
}

/** The scheduler's and kubelet's events for the running fixture pod. */
export function runningPodEvents(p: Pod): Event[] {
  const name = p.metadata?.name ?? '';
  const uid = p.metadata?.uid ?? '';
  const kubelet = { component: 'kubelet', host: 'node-1' };
  const c = { kind: 'Pod', name, uid, fieldPath: 'spec.containers{nginx}' };
  return [
    event(
      { kind: 'Pod', name, uid },
      'Scheduled',
      `Successfully assigned default/${name} to node-1`,
      { component: 'default-scheduler' },
      { first: 1, last: 1 },
    ),
    event(c, 'Pulling', 'Pulling image "nginx"', kubelet, { first: 1, last: 1 }),
    event(
      c,
      'Pulled',
      'Successfully pulled image "nginx" in 2.1s (2.1s including waiting). Image size: 72955450 bytes.',
      kubelet,
      { first: 3, last: 3 },
    ),
    event(c, 'Created', 'Created container nginx', kubelet, { first: 3, last: 3 }),
    event(c, 'Started', 'Started container nginx', kubelet, { first: 4, last: 4 }),
  ];
}
