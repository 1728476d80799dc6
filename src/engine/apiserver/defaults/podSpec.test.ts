import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { imageTag } from './container';
import { defaultPod, defaultPodSpec } from './podSpec';
import { QuantityFormatError } from './quantities';

// Table tests for pkg/apis/core/v1/defaults.go as the simulator applies it.

const pod = (spec: Partial<Pod['spec']>): Pod =>
  ({
    metadata: { name: 'web' },
    spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec },
  }) as Pod;

describe('Pod defaults', () => {
  it('fills every PodSpec, Pod and Container default with the real values', () => {
    const p = pod({});
    defaultPod(p);
    expect(p.spec).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx',
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          resources: {},
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
    });
  });

  it.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.25', '1.25', 'IfNotPresent'],
    ['registry.local:5000/nginx', 'latest', 'Always'],
    ['registry.local:5000/nginx:1.2', '1.2', 'IfNotPresent'],
    ['nginx@sha256:0123abcd', '', 'IfNotPresent'],
    ['', '', 'IfNotPresent'],
  ])('image %j has tag %j and pull policy %s', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag);
    const p = pod({ containers: [{ name: 'web', image }] });
    defaultPod(p);
    expect(p.spec?.containers[0]?.imagePullPolicy).toBe(policy);
  });

  it('keeps values the user set', () => {
    const p = pod({
      restartPolicy: 'Never',
      dnsPolicy: 'Default',
      terminationGracePeriodSeconds: 0,
      enableServiceLinks: false,
      containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'Never' }],
    });
    defaultPod(p);
    expect(p.spec).toMatchObject({
      restartPolicy: 'Never',
      dnsPolicy: 'Default',
      terminationGracePeriodSeconds: 0,
      enableServiceLinks: false,
    });
    expect(p.spec?.containers[0]?.imagePullPolicy).toBe('Never');
  });

  it('defaults requests to limits for pods only, and canonicalizes quantities', () => {
    const resources = { limits: { cpu: '0.5', memory: '1024Mi' }, requests: { cpu: '100m' } };
    const p = pod({
      containers: [{ name: 'web', image: 'nginx', resources: structuredClone(resources) }],
    });
    defaultPod(p);
    expect(p.spec?.containers[0]?.resources).toEqual({
      limits: { cpu: '500m', memory: '1Gi' },
      requests: { cpu: '100m', memory: '1Gi' },
    });
    const template = {
      containers: [{ name: 'web', image: 'nginx', resources: structuredClone(resources) }],
    };
    defaultPodSpec(template);
    expect(template.containers[0]?.resources.requests).toEqual({ cpu: '100m' });
    expect(template).not.toHaveProperty('enableServiceLinks');
  });

  it('refuses a malformed quantity as the decoder does', () => {
    const p = pod({
      containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: 'lots' } } }],
    });
    expect(() => defaultPod(p)).toThrow(QuantityFormatError);
  });

  it('defaults probes: timeout 1, period 10, success 1, failure 3, httpGet path / and scheme HTTP', () => {
    const p = pod({
      containers: [
        {
          name: 'web',
          image: 'nginx',
          livenessProbe: { httpGet: { port: 8080 } },
          startupProbe: { tcpSocket: { port: 8080 }, failureThreshold: 30 },
          lifecycle: { preStop: { httpGet: { port: 8080, path: '/quit' } } },
        },
      ],
    });
    defaultPod(p);
    const c = p.spec?.containers[0];
    expect(c?.livenessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c?.startupProbe?.failureThreshold).toBe(30);
    expect(c?.lifecycle?.preStop?.httpGet).toEqual({ port: 8080, path: '/quit', scheme: 'HTTP' });
  });

  it('defaults ports to TCP, volumes to emptyDir and file modes to 0644', () => {
    const p = pod({
      containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }],
      volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'cfg' } }],
    });
    defaultPod(p);
    expect(p.spec?.containers[0]?.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(p.spec?.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
    ]);
  });

  it('gives hostNetwork pods hostPorts equal to their containerPorts', () => {
    const p = pod({
      hostNetwork: true,
      containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }],
    });
    defaultPod(p);
    expect(p.spec?.containers[0]?.ports?.[0]?.hostPort).toBe(80);
  });

  it('reads the deprecated serviceAccount field as serviceAccountName', () => {
    const p = pod({ serviceAccount: 'builder' });
    defaultPod(p);
    expect(p.spec?.serviceAccountName).toBe('builder');
  });
});
