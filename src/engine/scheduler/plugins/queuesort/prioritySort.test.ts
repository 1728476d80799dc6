import { describe, expect, it } from 'vitest';
import type { QueuedPodInfo } from '../../framework/interface';
import { makePod } from '../../fixtures';
import { lessByPriority } from './prioritySort';

const queued = (name: string, priority: number, timestamp: number, seq: number): QueuedPodInfo => ({
  podInfo: makePod({ name, priority }),
  timestamp,
  attempts: 0,
  unschedulablePlugins: new Set(),
  cause: null,
  seq,
});

describe('PrioritySort', () => {
  it.each([
    ['higher priority first', queued('a', 10, 5, 1), queued('b', 0, 1, 0), true],
    ['lower priority later', queued('a', 0, 1, 0), queued('b', 10, 5, 1), false],
    ['equal priority: earlier queue time first', queued('a', 0, 1, 1), queued('b', 0, 2, 0), true],
    ['equal priority and time: queue order', queued('a', 0, 1, 0), queued('b', 0, 1, 1), true],
  ] as const)('%s', (_name, a, b, less) => {
    expect(lessByPriority(a, b)).toBe(less);
  });
});
