import { describe, expect, it } from 'vitest';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import type { KubeObject } from '../../api/object';
import { scalarStyle } from './goYamlScalar';
import { goKeyCompare, printJson, printNames, printYaml } from './structured';
import { at, container, deployment, pod } from './testdata';

describe('printYaml (sigs.k8s.io/yaml over go-yaml v2)', () => {
  it('prints a pod as kubectl get pod -o yaml does: sorted keys, quoting, unindented sequences', () => {
    const p = pod('pull-6c7d8b9f5-m2n3p', {
      phase: 'Pending',
      podIP: undefined,
      podIPs: undefined,
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [nginx]',
          lastProbeTime: null as unknown as string,
          lastTransitionTime: at(1),
        },
      ],
      containerStatuses: [
        container({
          ready: false,
          started: false,
          state: {
            waiting: {
              reason: 'ErrImagePull',
              message:
                'failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": not found',
            },
          },
        }),
      ],
    });
    p.spec = { ...p.spec, volumes: [], tolerations: [] } as NonNullable<typeof p.spec>;
    p.metadata = { ...p.metadata, labels: { app: 'web', 'pod-template-hash': '5478954' } };
    expect(printYaml([p], false)).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: "2025-01-01T00:00:00Z"',
        '  generateName: web-7d4b9c6f5-',
        '  labels:',
        '    app: web',
        '    pod-template-hash: "5478954"',
        '  name: pull-6c7d8b9f5-m2n3p',
        '  namespace: default',
        '  ownerReferences:',
        '  - apiVersion: apps/v1',
        '    blockOwnerDeletion: true',
        '    controller: true',
        '    kind: ReplicaSet',
        '    name: web-7d4b9c6f5',
        '    uid: 6f1d3a52-58a0-4b0e-9d57-0b8f3f4a8c21',
        '  resourceVersion: "1042"',
        '  uid: 0b6b4a8e-7f0e-4d7c-a2f7-2d1c9e5b6a01',
        'spec:',
        '  containers:',
        '  - image: nginx',
        '    imagePullPolicy: Always',
        '    name: nginx',
        '    resources: {}',
        '    terminationMessagePath: /dev/termination-log',
        '    terminationMessagePolicy: File',
        '    volumeMounts:',
        '    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount',
        '      name: kube-api-access-5xq2m',
        '      readOnly: true',
        '  dnsPolicy: ClusterFirst',
        '  enableServiceLinks: true',
        '  nodeName: node-1',
        '  preemptionPolicy: PreemptLowerPriority',
        '  priority: 0',
        '  restartPolicy: Always',
        '  schedulerName: default-scheduler',
        '  securityContext: {}',
        '  serviceAccount: default',
        '  serviceAccountName: default',
        '  terminationGracePeriodSeconds: 30',
        '  tolerations: []',
        '  volumes: []',
        'status:',
        '  conditions:',
        '  - lastProbeTime: null',
        '    lastTransitionTime: "2025-01-01T00:00:01Z"',
        "    message: 'containers with unready status: [nginx]'",
        '    reason: ContainersNotReady',
        '    status: "False"',
        '    type: Ready',
        '  containerStatuses:',
        '  - containerID: containerd://4f1c9d3e2b7a6c5d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d',
        '    image: docker.io/library/nginx:latest',
        '    imageID: docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
        '    lastState: {}',
        '    name: nginx',
        '    ready: false',
        '    restartCount: 0',
        '    started: false',
        '    state:',
        '      waiting:',
        `        message: 'failed to pull and unpack image "docker.io/library/nginx:doesnotexist":`,
        '          failed to resolve reference "docker.io/library/nginx:doesnotexist": not',
        "          found'",
        '        reason: ErrImagePull',
        '  hostIP: 10.0.0.11',
        '  hostIPs:',
        '  - ip: 10.0.0.11',
        '  phase: Pending',
        '  qosClass: BestEffort',
        '  startTime: "2025-01-01T00:00:01Z"',
        '',
      ].join('\n'),
    );
  });

  it('wraps several objects in a v1 List, and prints an empty one with items: []', () => {
    const empty = printYaml([], true);
    expect(empty).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    const two = printYaml(
      [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } },
      ],
      true,
    );
    expect(two).toBe(
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: b\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('writes multi-line strings as literal blocks with go-yaml chomping', () => {
    const obj: KubeObject = {
      data: { clip: 'a\nb\n', keep: 'a\n\n', strip: 'a\n b' },
      kind: 'ConfigMap',
    };
    expect(printYaml([obj], false)).toBe(
      'data:\n  clip: |\n    a\n    b\n  keep: |+\n    a\n\n  strip: |-\n    a\n     b\nkind: ConfigMap\n',
    );
  });

  it('drops managedFields and undefined fields as kubectl and the wire do', () => {
    const obj = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x', managedFields: [{}] },
      spec: undefined,
    };
    expect(printYaml([obj], false)).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n');
  });
});

describe('scalarStyle (go-yaml v2 encoder and emitter)', () => {
  it.each([
    ['nginx', 'plain'],
    ['kube-root-ca.crt', 'plain'],
    ['7d4b9c6f5', 'plain'],
    ['10Mi', 'plain'],
    ['1.2.3', 'plain'],
    ['Successfully assigned default/web to node-1', 'plain'],
    ['', 'double'],
    ['1', 'double'],
    ['0777', 'double'],
    ['1e3', 'double'],
    ['1_000', 'double'],
    ['true', 'double'],
    ['yes', 'double'],
    ['Off', 'double'],
    ['null', 'double'],
    ['~', 'double'],
    ['2025-01-01T00:00:00Z', 'double'],
    ['2025-01-01', 'double'],
    ['10:30', 'double'],
    ['*', 'single'],
    ['containers with unready status: [nginx]', 'single'],
    ['- a', 'single'],
    ['#x', 'single'],
    [' leading', 'single'],
    ['tab\there', 'double'],
    ['line\nbreak', 'literal'],
    ['trailing \nspace', 'double'],
  ])('%j is %s', (s, style) => {
    expect(scalarStyle(s, false)).toBe(style);
  });
});

describe('goKeyCompare (go-yaml v2 keyList.Less)', () => {
  it('sorts letters by code point, non-letters first, digit runs numerically', () => {
    const keys = ['b', 'a10', 'a9', 'A', '_x', 'a', 'app.kubernetes.io/name', 'app'];
    expect([...keys].sort(goKeyCompare)).toEqual([
      '_x',
      'A',
      'a',
      'a9',
      'a10',
      'app',
      'app.kubernetes.io/name',
      'b',
    ]);
  });
});

describe('printJson (encoding/json MarshalIndent)', () => {
  it('indents by 4, sorts keys, keeps {} and [], escapes <, > and &', () => {
    const obj = {
      kind: 'X',
      apiVersion: 'v1',
      metadata: { name: 'a', annotations: { note: '<none> & more' } },
      spec: {},
      items: [],
    };
    expect(printJson([obj], false)).toBe(
      [
        '{',
        '    "apiVersion": "v1",',
        '    "items": [],',
        '    "kind": "X",',
        '    "metadata": {',
        '        "annotations": {',
        '            "note": "\\u003cnone\\u003e \\u0026 more"',
        '        },',
        '        "name": "a"',
        '    },',
        '    "spec": {}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('wraps a list in a v1 List', () => {
    expect(printJson([], true)).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });
});

describe('printNames', () => {
  it('prints kind.group/name, lower-cased kind, core kinds without a group', () => {
    const res = (k: string) => resourceForKind(k) as ResourceInfo;
    expect(printNames(res('Pod'), [pod(), pod('b')])).toBe('pod/web-7d4b9c6f5-x2x7k\npod/b\n');
    expect(printNames(res('Deployment'), [deployment()])).toBe('deployment.apps/web\n');
    expect(printNames(res('Lease'), [{ metadata: { name: 'node-1' } }])).toBe(
      'lease.coordination.k8s.io/node-1\n',
    );
  });
});
