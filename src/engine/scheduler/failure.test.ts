import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { podScheduledPatch, truncateMessage } from './failure';

describe('FailedScheduling reporting', () => {
  const pending: Pod = { metadata: { name: 'p' }, status: { phase: 'Pending' } };

  it('patches PodScheduled=False as CreateTwoWayMergePatch would [FAIL3]', () => {
    expect(podScheduledPatch(pending, 'Unschedulable', 'msg', 5000)).toEqual({
      status: {
        '$setElementOrder/conditions': [{ type: 'PodScheduled' }],
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: 'msg',
            lastProbeTime: null,
            lastTransitionTime: '2025-01-01T00:00:05Z',
          },
        ],
      },
    });
  });

  it('does not patch an unchanged condition, and keeps its transition time', () => {
    const failed: Pod = {
      ...pending,
      status: {
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: 'old',
            lastTransitionTime: '2025-01-01T00:00:05Z',
          },
        ],
      },
    };
    expect(podScheduledPatch(failed, 'Unschedulable', 'old', 9000)).toBeUndefined();
    expect(podScheduledPatch(failed, 'Unschedulable', 'new', 9000)).toEqual({
      status: {
        '$setElementOrder/conditions': [{ type: 'PodScheduled' }],
        conditions: [{ type: 'PodScheduled', message: 'new' }],
      },
    });
  });

  it('truncates to 1024 characters [FAIL2]', () => {
    const out = truncateMessage('x'.repeat(2000));
    expect(out.length).toBe(1024);
    expect(out.endsWith('x ...')).toBe(true);
  });
});
