import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../../api/types';
import { rfc3339 } from '../../clock/time';
import { calculateStatus, statusChanged } from './status';

const rs = (status: ReplicaSet['status'], minReadySeconds = 0): ReplicaSet => ({
  metadata: { name: 'web', generation: 2 },
  spec: {
    replicas: 3,
    minReadySeconds,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web', tier: 'front' } } },
  },
  status,
});

const pod = (labels: Record<string, string>, readyAtMs?: number): Pod => ({
  metadata: { labels },
  status: {
    conditions:
      readyAtMs === undefined
        ? []
        : [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(readyAtMs) }],
  },
});

const full = { app: 'web', tier: 'front' };

describe('calculateStatus', () => {
  it('[STAT1] counts replicas, fully labeled, ready and available (minReadySeconds 10)', () => {
    const pods = [pod(full, 0), pod(full, 5_000), pod({ app: 'web' }, 0), pod(full)];
    // At 10.5 s the pod Ready since 0 s is available (10 s strictly passed); the 5 s one is not.
    expect(calculateStatus(rs({ replicas: 0 }, 10), pods, undefined, 10_500)).toEqual({
      replicas: 4,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 2,
    });
  });

  it('[STAT1] Ready for exactly minReadySeconds is not yet available', () => {
    expect(calculateStatus(rs({ replicas: 0 }, 10), [pod(full, 0)], undefined, 10_000)).toEqual({
      replicas: 1,
      fullyLabeledReplicas: 1,
      readyReplicas: 1,
    });
  });

  it('[STAT2] adds ReplicaFailure once and removes it after a clean sync', () => {
    const failed = calculateStatus(rs({ replicas: 0 }), [], new Error('boom'), 61_000);
    expect(failed.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: 'boom',
        lastTransitionTime: '2025-01-01T00:01:01Z',
      },
    ]);
    const again = calculateStatus(rs(failed), [], new Error('other'), 99_000);
    expect(again.conditions).toEqual(failed.conditions);
    expect(calculateStatus(rs(failed), [], undefined, 99_000).conditions).toBeUndefined();
  });

  it('[STAT2] a failure with too many pods is FailedDelete', () => {
    const pods = [pod(full), pod(full), pod(full), pod(full)];
    const status = calculateStatus(rs({ replicas: 4 }), pods, new Error('x'), 0);
    expect(status.conditions?.[0]?.reason).toBe('FailedDelete');
  });
});

describe('statusChanged', () => {
  it.each([
    ['nothing moved', { replicas: 3, observedGeneration: 2 }, { replicas: 3 }, false],
    ['a count moved', { replicas: 3, observedGeneration: 2 }, { replicas: 2 }, true],
    ['a new generation', { replicas: 3, observedGeneration: 1 }, { replicas: 3 }, true],
    [
      'a condition moved',
      { replicas: 3, observedGeneration: 2 },
      { replicas: 3, conditions: [{ type: 'ReplicaFailure', status: 'True' }] },
      true,
    ],
  ])('%s → %s', (_name, cur, next, changed) => {
    expect(statusChanged(rs(cur), next)).toBe(changed);
  });
});
