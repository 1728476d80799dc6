import { describe, expect, it } from 'vitest';
import { makePod } from '../../fixtures';
import { withStatus } from './fixtures';
import type { Candidate } from './pickNode';
import { pickOneNodeForPreemption } from './pickNode';

const victim = (priority: number, second = 0) =>
  withStatus(makePod({ name: `v${priority}-${second}`, priority }), {
    startTime: `2025-01-01T00:00:${String(second).padStart(2, '0')}Z`,
  });

const candidate = (node: string, victims: ReturnType<typeof victim>[], numPDBViolations = 0) =>
  ({ node, victims, numPDBViolations }) satisfies Candidate;

describe('pickOneNodeForPreemption', () => {
  it.each([
    {
      name: 'fewest PDB violations first [PICK1]',
      candidates: [candidate('a', [victim(0)], 1), candidate('b', [victim(100)], 0)],
      want: 'b',
    },
    {
      name: 'then the lowest highest-priority victim [PICK2]',
      candidates: [candidate('a', [victim(10)]), candidate('b', [victim(5), victim(5)])],
      want: 'b',
    },
    {
      name: 'then the smallest sum of priorities [PICK3]',
      candidates: [
        candidate('a', [victim(10), victim(5)]),
        candidate('b', [victim(10), victim(1)]),
      ],
      want: 'b',
    },
    {
      name: 'negative priorities still add up: two victims cost more than one [PICK3]',
      candidates: [candidate('a', [victim(-5), victim(-5)]), candidate('b', [victim(-5)])],
      want: 'b',
    },
    {
      name: 'then the fewest victims [PICK4]',
      candidates: [
        candidate('a', [victim(0), victim(0), victim(0)]),
        candidate('b', [victim(0), victim(0)]),
      ],
      want: 'b',
    },
    {
      name: 'then the latest start among the highest-priority victims [PICK5]',
      candidates: [candidate('a', [victim(0, 5)]), candidate('b', [victim(0, 20)])],
      want: 'b',
    },
    {
      name: 'the start time compared is the earliest of the top-priority victims [PICK5]',
      candidates: [
        candidate('a', [victim(3, 40), victim(3, 2)]),
        candidate('b', [victim(3, 10), victim(3, 30)]),
      ],
      want: 'b',
    },
    {
      name: 'then the first candidate [PICK6]',
      candidates: [candidate('a', [victim(0, 5)]), candidate('b', [victim(0, 5)])],
      want: 'a',
    },
  ])('$name', ({ candidates, want }) => {
    expect(pickOneNodeForPreemption(candidates, 60_000)?.node).toBe(want);
  });

  it('picks nothing from no candidates', () => {
    expect(pickOneNodeForPreemption([], 0)).toBeUndefined();
  });
});
