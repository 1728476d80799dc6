import { describe, expect, it } from 'vitest';
import { strictDecode } from './decode';

describe('strict decoding', () => {
  it('[DEC1] names unknown fields with their paths', () => {
    const err = strictDecode('Pod', 'v1', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', imagee: 'nginx' }], foo: 1 },
    });
    expect(err?.message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.foo"',
    );
    expect(err?.code).toBe(400);
  });

  it('[DEC2] reports the first type mismatch in Go json wording', () => {
    const err = strictDecode('Deployment', 'apps/v1', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 'three', selector: {}, template: {} },
    });
    expect(err?.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('accepts quantities as numbers or strings and int-or-string ports', () => {
    const err = strictDecode('Pod', 'v1', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', annotations: { a: 'b' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            resources: { requests: { cpu: 1, memory: '64Mi' } },
            livenessProbe: { httpGet: { port: 'http', path: '/' } },
          },
        ],
      },
    });
    expect(err).toBeUndefined();
  });

  it('accepts every served kind in its ordinary shape', () => {
    expect(
      strictDecode('Node', 'v1', {
        metadata: { name: 'n' },
        spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] },
      }),
    ).toBeUndefined();
    expect(
      strictDecode('Lease', 'coordination.k8s.io/v1', {
        spec: { holderIdentity: 'n', leaseDurationSeconds: 40 },
      }),
    ).toBeUndefined();
  });
});
