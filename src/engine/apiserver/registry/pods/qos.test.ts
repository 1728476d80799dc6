import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../../../api/types';
import { computePodQOS } from './qos';

const pod = (...resources: Container['resources'][]): Pod =>
  ({
    spec: { containers: resources.map((r, i) => ({ name: `c${i}`, image: 'x', resources: r })) },
  }) as Pod;

describe('QoS class (GetPodQOS)', () => {
  it.each<[string, Pod, string]>([
    ['no resources', pod({}), 'BestEffort'],
    ['only non-compute resources', pod({ limits: { 'ephemeral-storage': '1Gi' } }), 'BestEffort'],
    [
      'requests equal to limits for cpu and memory',
      pod({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } }),
      'Guaranteed',
    ],
    ['only a cpu limit', pod({ requests: { cpu: '1' }, limits: { cpu: '1' } }), 'Burstable'],
    [
      'requests below limits',
      pod({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }),
      'Burstable',
    ],
    [
      'one guaranteed and one best-effort container',
      pod({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, {}),
      'Burstable',
    ],
  ])('%s → %s', (_what, p, expected) => {
    expect(computePodQOS(p)).toBe(expected);
  });
});
