import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../api/types';
import { podGracePeriodSeconds, podSelectableFields } from './fields';

describe('pod field selectors', () => {
  it('exposes every selectable field, empty when unset', () => {
    expect(podSelectableFields({ metadata: {} })).toEqual({
      'metadata.name': '',
      'metadata.namespace': '',
      'spec.nodeName': '',
      'spec.restartPolicy': '',
      'spec.schedulerName': '',
      'spec.serviceAccountName': '',
      'spec.hostNetwork': 'false',
      'status.phase': '',
      'status.podIP': '',
      'status.nominatedNodeName': '',
    });
  });

  it('reads a scheduled, running pod', () => {
    const pod = {
      metadata: { name: 'web', namespace: 'default' },
      spec: { nodeName: 'node-1', hostNetwork: true, containers: [] },
      status: { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }] },
    } as unknown as Pod;
    expect(podSelectableFields(pod)).toMatchObject({
      'spec.nodeName': 'node-1',
      'spec.hostNetwork': 'true',
      'status.phase': 'Running',
      'status.podIP': '10.244.1.5',
    });
  });
});

describe('pod graceful deletion (CheckGracefulDelete)', () => {
  const pod = (nodeName: string | undefined, phase = 'Running', grace = 30): Pod =>
    ({
      spec: { nodeName, terminationGracePeriodSeconds: grace, containers: [] },
      status: { phase },
    }) as Pod;

  it.each<[string, Pod, number | undefined, number]>([
    ['a running pod, no request', pod('node-1'), undefined, 30],
    ['a running pod, --grace-period=5', pod('node-1'), 5, 5],
    ['a running pod, --grace-period=0', pod('node-1'), 0, 0],
    ['a negative request', pod('node-1'), -3, 1],
    ['an unscheduled pod', pod(undefined, 'Pending'), 20, 0],
    ['a succeeded pod', pod('node-1', 'Succeeded'), undefined, 0],
    ['a failed pod', pod('node-1', 'Failed'), 10, 0],
  ])('%s → %ds', (_what, p, requested, expected) => {
    expect(podGracePeriodSeconds(p, requested)).toBe(expected);
  });
});
