import type { ContainerStatus, Deployment, Event, Pod, ReplicaSet } from '../../api/types';
import { rfc3339 } from '../../clock/time';

// Test fixtures shared by the printer and describe tests: objects shaped as the apiserver,
// kubelet and controllers of a v1.31 cluster write them (defaults, admission additions, statuses).

/** Returns the RFC3339 timestamp of virtual second s. */
export const at = (s: number): string => rfc3339(s * 1000);

/** The uid of the ReplicaSet web-7d4b9c6f5, which owns the fixture pods. */
export const RS_UID = '6f1d3a52-58a0-4b0e-9d57-0b8f3f4a8c21';
/** The uid of the Deployment web. */
export const DEPLOY_UID = 'a3b9e6f0-4c1d-4e7a-8f2b-9d0c1e2f3a4b';

const tolerations = ['not-ready', 'unreachable'].map((t) => ({
  key: `node.kubernetes.io/${t}`,
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
}));

/** Returns a running nginx pod of ReplicaSet web-7d4b9c6f5 on node-1, created at second 0. */
export function pod(name = 'web-7d4b9c6f5-x2x7k', status?: Partial<Pod['status']>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: 'web-7d4b9c6f5-',
      namespace: 'default',
      uid: '0b6b4a8e-7f0e-4d7c-a2f7-2d1c9e5b6a01',
      resourceVersion: '1042',
      creationTimestamp: at(0),
      labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-7d4b9c6f5',
          uid: RS_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          imagePullPolicy: 'Always',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            {
              name: 'kube-api-access-5xq2m',
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              readOnly: true,
            },
          ],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      nodeName: 'node-1',
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations,
      volumes: [
        {
          name: 'kube-api-access-5xq2m',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              {
                configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
              },
              {
                downwardAPI: {
                  items: [
                    {
                      fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                      path: 'namespace',
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    status: {
      phase: 'Running',
      conditions: [
        cond('PodReadyToStartContainers', 3),
        cond('Initialized', 1),
        cond('Ready', 5),
        cond('ContainersReady', 5),
        cond('PodScheduled', 1),
      ],
      hostIP: '10.0.0.11',
      hostIPs: [{ ip: '10.0.0.11' }],
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      qosClass: 'BestEffort',
      startTime: at(1),
      containerStatuses: [container({ state: { running: { startedAt: at(4) } } })],
      ...status,
    },
  };
}

function cond(type: string, s: number, status = 'True') {
  return { type, status, lastProbeTime: null as unknown as string, lastTransitionTime: at(s) };
}

/** Returns the nginx container's status, ready and running unless overridden. */
export function container(over: Partial<ContainerStatus> = {}): ContainerStatus {
  return {
    name: 'nginx',
    ready: true,
    restartCount: 0,
    started: true,
    image: 'docker.io/library/nginx:latest',
    imageID:
      'docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
    containerID: 'containerd://4f1c9d3e2b7a6c5d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d',
    lastState: {},
    state: {},
    ...over,
  };
}

/** Returns Deployment web (3 replicas, 25%/25% rolling update), created at second 0. */
export function deployment(status: Deployment['status'] = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: DEPLOY_UID,
      resourceVersion: '1101',
      generation: 1,
      creationTimestamp: at(0),
      labels: { app: 'web' },
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', resources: {} }],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          schedulerName: 'default-scheduler',
          securityContext: {},
        },
      },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status,
  };
}

/** Returns ReplicaSet web-7d4b9c6f5 owned by Deployment web, created at second 0. */
export function replicaSet(replicas = 3, ready = 3): ReplicaSet {
  const d = deployment();
  const template = d.spec?.template as NonNullable<ReplicaSet['spec']>['template'];
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-7d4b9c6f5',
      namespace: 'default',
      uid: RS_UID,
      resourceVersion: '1100',
      generation: 1,
      creationTimestamp: at(0),
      labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4',
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: DEPLOY_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } },
      template: {
        ...template,
        metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } },
      },
    },
    status: {
      replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      fullyLabeledReplicas: replicas,
      observedGeneration: 1,
    },
  };
}

/** Returns a core/v1 Event as client-go's recorder writes it. */
export function event(
  involved: { kind: string; name: string; uid: string; namespace?: string; fieldPath?: string },
  reason: string,
  message: string,
  source: { component: string; host?: string },
  times: { first: number; last: number; count?: number; type?: string },
): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${involved.name}.${(1735689600000 + times.first * 1000).toString(16)}00000`,
      namespace: involved.namespace ?? 'default',
      uid: `e${times.first}-${reason}`,
      resourceVersion: String(2000 + times.last),
      creationTimestamp: at(times.first),
    },
    involvedObject: { apiVersion: 'v1', ...involved },
    reason,
    message,
    source,
    firstTimestamp: at(times.first),
    lastTimestamp: at(times.last),
    count: times.count ?? 1,
    type: times.type ?? 'Normal',
    eventTime: null as unknown as string,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  };
}
