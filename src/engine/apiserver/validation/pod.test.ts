import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { defaultPod } from '../defaults/podSpec';
import { invalid } from '../errors';
import { dedupe } from './field';
import { validatePodCreate } from './pod';

// Pod create validation, asserted as the full Status message kubectl prints after
// "The Pod "x" is invalid:" (the apiserver's own message starts `Pod "x" is invalid:`).

function message(mutate: (p: Pod) => void): string | undefined {
  const pod = {
    metadata: { name: 'x', namespace: 'default' },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
  } as Pod;
  mutate(pod);
  defaultPod(pod);
  const errs = dedupe(validatePodCreate(pod));
  return errs.length ? invalid('Pod', 'x', errs).message : undefined;
}

const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('Pod validation messages', () => {
  it.each<[string, (p: Pod) => void, string]>([
    ['no containers', (p) => (p.spec!.containers = []), 'spec.containers: Required value'],
    [
      'no image',
      (p) => delete p.spec!.containers[0]!.image,
      'spec.containers[0].image: Required value',
    ],
    [
      'no container name',
      (p) => (p.spec!.containers[0]!.name = ''),
      'spec.containers[0].name: Required value',
    ],
    [
      'an upper-case container name',
      (p) => (p.spec!.containers[0]!.name = 'Web'),
      `spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ],
    [
      'two containers with one name',
      (p) => p.spec!.containers.push({ name: 'web', image: 'busybox' }),
      'spec.containers[1].name: Duplicate value: "web"',
    ],
    [
      'an unknown restartPolicy',
      (p) => (p.spec!.restartPolicy = 'Sometimes'),
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      'an unknown imagePullPolicy',
      (p) => (p.spec!.containers[0]!.imagePullPolicy = 'Sometimes'),
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ],
    [
      'a port out of range',
      (p) => (p.spec!.containers[0]!.ports = [{ containerPort: 70000 }]),
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'requests above limits',
      (p) =>
        (p.spec!.containers[0]!.resources = { requests: { cpu: '1' }, limits: { cpu: '500m' } }),
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ],
    [
      'a negative memory request',
      (p) => (p.spec!.containers[0]!.resources = { requests: { memory: '-1Mi' } }),
      'spec.containers[0].resources.requests[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
    ],
    [
      'an unknown resource (its limit is copied to requests first)',
      (p) => (p.spec!.containers[0]!.resources = { limits: { gpu: '1' } }),
      'Pod "x" is invalid: [spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified, spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers, spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified, spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers]',
    ],
    [
      'a probe without a handler',
      (p) => (p.spec!.containers[0]!.livenessProbe = { periodSeconds: 5 }),
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ],
    [
      'a liveness probe needing two successes',
      (p) =>
        (p.spec!.containers[0]!.livenessProbe = { tcpSocket: { port: 80 }, successThreshold: 2 }),
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ],
    [
      'a probe with two handlers',
      (p) =>
        (p.spec!.containers[0]!.readinessProbe = {
          exec: { command: ['true'] },
          tcpSocket: { port: 80 },
        }),
      'spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ],
    [
      'an unknown toleration operator',
      (p) => (p.spec!.tolerations = [{ key: 'k', operator: 'Maybe' }]),
      'spec.tolerations[0].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"',
    ],
    [
      'an unknown toleration effect',
      (p) => (p.spec!.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoRun' }]),
      'spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ],
    [
      'tolerationSeconds without NoExecute',
      (p) =>
        (p.spec!.tolerations = [
          { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 },
        ]),
      `spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
    ],
    [
      'a node selector value with a space',
      (p) => (p.spec!.nodeSelector = { disk: 'a b' }),
      `spec.nodeSelector: Invalid value: "a b": ${LABEL_VALUE_MSG}`,
    ],
    [
      'a mount of a missing volume',
      (p) => (p.spec!.containers[0]!.volumeMounts = [{ name: 'data', mountPath: '/data' }]),
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ],
    [
      'a pod-deletion-cost that is not an int32',
      (p) => (p.metadata!.annotations = { 'controller.kubernetes.io/pod-deletion-cost': 'cheap' }),
      'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "cheap": must be a 32bit integer',
    ],
  ])('%s', (_what, mutate, expected) => {
    const full = expected.startsWith('Pod "x"') ? expected : `Pod "x" is invalid: ${expected}`;
    expect(message(mutate)).toBe(full);
  });

  it('lists several problems in brackets, in upstream order', () => {
    expect(
      message((p) => {
        delete p.spec!.containers[0]!.image;
        p.spec!.restartPolicy = 'Sometimes';
      }),
    ).toBe(
      'Pod "x" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
    );
  });

  it('accepts a fully featured valid pod', () => {
    expect(
      message((p) => {
        p.spec!.containers[0] = {
          name: 'web',
          image: 'nginx:1.25',
          ports: [{ name: 'http', containerPort: 80 }],
          resources: { requests: { cpu: '100m' }, limits: { cpu: '1', memory: '128Mi' } },
          readinessProbe: { httpGet: { port: 'http' } },
          env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        };
        p.spec!.volumes = [{ name: 'data', emptyDir: {} }];
        p.spec!.tolerations = [{ operator: 'Exists' }];
      }),
    ).toBeUndefined();
  });
});
