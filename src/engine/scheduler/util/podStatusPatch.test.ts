import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { podStatusPatch } from './podStatusPatch';

const unschedulable = (message: string) => ({
  type: 'PodScheduled',
  status: 'False',
  reason: 'Unschedulable',
  message,
});

describe('podStatusPatch', () => {
  const pending: Pod = { metadata: { name: 'p' }, status: { phase: 'Pending' } };

  it('patches a new condition as CreateTwoWayMergePatch would [PATCH1]', () => {
    expect(podStatusPatch(pending, { condition: unschedulable('msg') }, 5000)).toEqual({
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

  it('sends nothing for an unchanged condition, and keeps its transition time [PATCH1]', () => {
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
    expect(podStatusPatch(failed, { condition: unschedulable('old') }, 9000)).toBeUndefined();
    expect(podStatusPatch(failed, { condition: unschedulable('new') }, 9000)).toEqual({
      status: {
        '$setElementOrder/conditions': [{ type: 'PodScheduled' }],
        conditions: [{ type: 'PodScheduled', message: 'new' }],
      },
    });
  });

  it('sets, keeps and clears nominatedNodeName [PATCH2]', () => {
    const nominated: Pod = { ...pending, status: { nominatedNodeName: 'node-1' } };
    expect(podStatusPatch(pending, { nominatedNodeName: 'node-1' }, 0)).toEqual({
      status: { nominatedNodeName: 'node-1' },
    });
    expect(podStatusPatch(nominated, { nominatedNodeName: 'node-1' }, 0)).toBeUndefined();
    expect(podStatusPatch(nominated, {}, 0)).toBeUndefined();
    expect(podStatusPatch(nominated, { nominatedNodeName: '' }, 0)).toEqual({
      status: { nominatedNodeName: null },
    });
    expect(podStatusPatch(pending, { nominatedNodeName: '' }, 0)).toBeUndefined();
  });
});
