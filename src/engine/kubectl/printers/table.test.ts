import { describe, expect, it } from 'vitest';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import type { Pod } from '../../api/types';
import { printTable, type TableOptions } from './table';
import { at, container, deployment, event, pod, replicaSet } from './testdata';
import { namespace, node, nodeLease } from './testdataCluster';

const NOW = 600_000; // every fixture was created at second 0: AGE 10m
const opts: TableOptions = {
  now: NOW,
  wide: false,
  showLabels: false,
  labelColumns: [],
  withNamespace: false,
  withKind: false,
  noHeaders: false,
};
const res = (kind: string) => resourceForKind(kind) as ResourceInfo;
const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');

function crashLooping(): Pod {
  return pod('crash-5d8f9c7b6-kq4zt', {
    conditions: [],
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
}

function pullFailing(): Pod {
  return pod('pull-6c7d8b9f5-m2n3p', {
    phase: 'Pending',
    podIP: undefined,
    podIPs: undefined,
    containerStatuses: [
      container({ ready: false, started: false, state: { waiting: { reason: 'ErrImagePull' } } }),
    ],
  });
}

function terminating(): Pod {
  const p = pod('web-7d4b9c6f5-b8c9d');
  p.metadata = { ...p.metadata, deletionTimestamp: at(620), deletionGracePeriodSeconds: 30 };
  return p;
}

function completed(): Pod {
  return pod('pi-x7k2m', {
    phase: 'Succeeded',
    containerStatuses: [
      container({
        ready: false,
        started: false,
        state: {
          terminated: { exitCode: 0, reason: 'Completed', startedAt: at(2), finishedAt: at(30) },
        },
      }),
    ],
  });
}

function initializing(): Pod {
  const p = pod('db-7f6e5d4c3-w9x8y', {
    phase: 'Pending',
    podIP: undefined,
    podIPs: undefined,
    conditions: [{ type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized' }],
    initContainerStatuses: [
      container({ name: 'init-schema', ready: false, state: { running: { startedAt: at(3) } } }),
    ],
    containerStatuses: [
      container({
        ready: false,
        started: false,
        state: { waiting: { reason: 'PodInitializing' } },
      }),
    ],
  });
  (p.spec as NonNullable<Pod['spec']>).initContainers = [{ name: 'init-schema', image: 'busybox' }];
  return p;
}

function unscheduled(): Pod {
  const p = pod('web-7d4b9c6f5-q5r6s', {
    phase: 'Pending',
    conditions: [],
    podIP: undefined,
    podIPs: undefined,
  });
  delete (p.status as NonNullable<Pod['status']>).containerStatuses;
  delete (p.spec as NonNullable<Pod['spec']>).nodeName;
  return p;
}

describe('printTable: pods (printPod)', () => {
  it('derives READY, STATUS and RESTARTS for every lifecycle stage', () => {
    const pods = [
      pod(),
      crashLooping(),
      pullFailing(),
      terminating(),
      completed(),
      initializing(),
      unscheduled(),
    ];
    expect(printTable(res('Pod'), pods, opts)).toBe(
      lines(
        'NAME                    READY   STATUS             RESTARTS      AGE',
        'web-7d4b9c6f5-x2x7k     1/1     Running            0             10m',
        'crash-5d8f9c7b6-kq4zt   0/1     CrashLoopBackOff   3 (45s ago)   10m',
        'pull-6c7d8b9f5-m2n3p    0/1     ErrImagePull       0             10m',
        'web-7d4b9c6f5-b8c9d     1/1     Terminating        0             10m',
        'pi-x7k2m                0/1     Completed          0             10m',
        'db-7f6e5d4c3-w9x8y      0/1     Init:0/1           0             10m',
        'web-7d4b9c6f5-q5r6s     0/1     Pending            0             10m',
      ),
    );
  });

  it('adds IP NODE NOMINATED NODE READINESS GATES for -o wide, NAMESPACE first for -A', () => {
    const out = printTable(res('Pod'), [pod(), pullFailing(), unscheduled()], {
      ...opts,
      wide: true,
      withNamespace: true,
    });
    expect(out).toBe(
      lines(
        'NAMESPACE   NAME                   READY   STATUS         RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
        'default     web-7d4b9c6f5-x2x7k    1/1     Running        0          10m   10.244.1.5   node-1   <none>           <none>',
        'default     pull-6c7d8b9f5-m2n3p   0/1     ErrImagePull   0          10m   <none>       node-1   <none>           <none>',
        'default     web-7d4b9c6f5-q5r6s    0/1     Pending        0          10m   <none>       <none>   <none>           <none>',
      ),
    );
  });

  it('prints nothing at all for no items, and no header with --no-headers', () => {
    expect(printTable(res('Pod'), [], opts)).toBe('');
    expect(printTable(res('Pod'), [pod()], { ...opts, noHeaders: true })).toBe(
      'web-7d4b9c6f5-x2x7k   1/1   Running   0     10m\n',
    );
  });
});

describe('printTable: nodes (printNode)', () => {
  const cordoned = () =>
    node(
      'node-2',
      {
        unschedulable: true,
        taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
      },
      'Unknown',
    );
  const controlPlane = () => {
    const n = node('control-plane');
    (n.metadata?.labels as Record<string, string>)['node-role.kubernetes.io/control-plane'] = '';
    return n;
  };

  it('shows roles from node-role labels and NotReady,SchedulingDisabled; never a NAMESPACE', () => {
    expect(
      printTable(res('Node'), [controlPlane(), node(), cordoned()], {
        ...opts,
        withNamespace: true,
      }),
    ).toBe(
      lines(
        'NAME            STATUS                        ROLES           AGE   VERSION',
        'control-plane   Ready                         control-plane   10m   v1.31.0',
        'node-1          Ready                         <none>          10m   v1.31.0',
        'node-2          NotReady,SchedulingDisabled   <none>          10m   v1.31.0',
      ),
    );
  });

  it('adds addresses and node info for -o wide', () => {
    expect(printTable(res('Node'), [node()], { ...opts, wide: true })).toBe(
      lines(
        'NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME',
        'node-1   Ready    <none>   10m   v1.31.0   10.0.0.11     <none>        Ubuntu 24.04.1 LTS   6.8.0-45-generic   containerd://1.7.18',
      ),
    );
  });
});

describe('printTable: workloads', () => {
  const rolling = () =>
    deployment({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 1,
    });

  it('prints a deployment 2/3 ready', () => {
    expect(printTable(res('Deployment'), [rolling()], opts)).toBe(
      lines(
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
        'web    2/3     3            2           10m',
      ),
    );
  });

  it('prefixes names with kind.group for get all, and adds CONTAINERS IMAGES SELECTOR when wide', () => {
    expect(
      printTable(res('Deployment'), [rolling()], { ...opts, wide: true, withKind: true }),
    ).toBe(
      lines(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR',
        'deployment.apps/web   2/3     3            2           10m   nginx        nginx    app=web',
      ),
    );
    expect(printTable(res('ReplicaSet'), [replicaSet(3, 2)], { ...opts, wide: true })).toBe(
      lines(
        'NAME            DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR',
        'web-7d4b9c6f5   3         3         2       10m   nginx        nginx    app=web,pod-template-hash=7d4b9c6f5',
      ),
    );
  });

  it('adds -L columns (empty when unset) then LABELS last', () => {
    const out = printTable(res('ReplicaSet'), [replicaSet(3, 2)], {
      ...opts,
      showLabels: true,
      labelColumns: ['app', 'app.kubernetes.io/tier'],
    });
    expect(out).toBe(
      lines(
        'NAME            DESIRED   CURRENT   READY   AGE   APP   TIER   LABELS',
        'web-7d4b9c6f5   3         3         2       10m   web          app=web,pod-template-hash=7d4b9c6f5',
      ),
    );
  });
});

describe('printTable: events, namespaces, leases', () => {
  const evs = () => [
    event(
      { kind: 'Pod', name: 'web-7d4b9c6f5-x2x7k', uid: 'u1' },
      'Scheduled',
      'Successfully assigned default/web-7d4b9c6f5-x2x7k to node-1',
      { component: 'default-scheduler' },
      { first: 1, last: 1 },
    ),
    event(
      {
        kind: 'Pod',
        name: 'crash-5d8f9c7b6-kq4zt',
        uid: 'u2',
        fieldPath: 'spec.containers{nginx}',
      },
      'BackOff',
      'Back-off restarting failed container nginx in pod crash-5d8f9c7b6-kq4zt_default(u2)',
      { component: 'kubelet', host: 'node-1' },
      { first: 300, last: 590, count: 12, type: 'Warning' },
    ),
  ];

  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE in list order', () => {
    expect(printTable(res('Event'), evs(), opts)).toBe(
      lines(
        'LAST SEEN   TYPE      REASON      OBJECT                      MESSAGE',
        '9m59s       Normal    Scheduled   pod/web-7d4b9c6f5-x2x7k     Successfully assigned default/web-7d4b9c6f5-x2x7k to node-1',
        '10s         Warning   BackOff     pod/crash-5d8f9c7b6-kq4zt   Back-off restarting failed container nginx in pod crash-5d8f9c7b6-kq4zt_default(u2)',
      ),
    );
  });

  it('adds SUBOBJECT SOURCE before MESSAGE and FIRST SEEN COUNT NAME after it when wide', () => {
    const [header, , second] = printTable(res('Event'), evs(), { ...opts, wide: true }).split('\n');
    expect(header).toBe(
      'LAST SEEN   TYPE      REASON      OBJECT                      SUBOBJECT                SOURCE              MESSAGE                                                                               FIRST SEEN   COUNT   NAME',
    );
    expect(second).toMatch(
      /^10s {9}Warning {3}BackOff {5}pod\/crash-5d8f9c7b6-kq4zt {3}spec\.containers\{nginx\} {3}kubelet, node-1 {5}Back-off .* {3}5m {11}12 {6}crash-5d8f9c7b6-kq4zt\.[0-9a-f]+$/,
    );
  });

  it('prints namespaces with STATUS and leases with HOLDER', () => {
    expect(
      printTable(res('Namespace'), [namespace('default'), namespace('old', 'Terminating')], opts),
    ).toBe(
      lines(
        'NAME      STATUS        AGE',
        'default   Active        10m',
        'old       Terminating   10m',
      ),
    );
    expect(printTable(res('Lease'), [nodeLease()], { ...opts, withNamespace: true })).toBe(
      lines('NAMESPACE         NAME     HOLDER   AGE', 'kube-node-lease   node-1   node-1   10m'),
    );
  });
});
