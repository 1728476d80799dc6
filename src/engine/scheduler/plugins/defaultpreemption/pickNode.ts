import type { PodInfo } from '../../framework/podInfo';
import { earliestPodStartTime } from './importance';

// pickOneNodeForPreemption (preemption.go, v1.31): among the candidate nodes, the one whose
// preemption hurts least. Each criterion keeps only the best-scoring nodes; the next one breaks
// their ties:
//   [PICK1] fewest PodDisruptionBudget violations;
//   [PICK2] the lowest highest-priority victim;
//   [PICK3] the smallest sum of victim priorities (each shifted by 2^31 so negatives count);
//   [PICK4] the fewest victims;
//   [PICK5] the latest start among the highest-priority victims;
//   [PICK6] then the first candidate found.

/** A node where the preemptor would fit once its victims are gone. */
export interface Candidate {
  node: string;
  /** Most important first. */
  victims: PodInfo[];
  numPDBViolations: number;
}

const PRIORITY_SHIFT = 2 ** 31;

/** Picks the node to preempt on. [PICK1]–[PICK6] */
export function pickOneNodeForPreemption(
  candidates: readonly Candidate[],
  now: number,
): Candidate | undefined {
  const scoreFuncs: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -(c.victims[0]?.priority ?? 0),
    (c) => -c.victims.reduce((sum, v) => sum + v.priority + PRIORITY_SHIFT, 0),
    (c) => -c.victims.length,
    (c) => earliestPodStartTime(c.victims, now),
  ];
  let remaining = candidates;
  for (const score of scoreFuncs) {
    let best = -Infinity;
    let selected: Candidate[] = [];
    for (const c of remaining) {
      const s = score(c);
      if (s > best) {
        best = s;
        selected = [];
      }
      if (s === best) selected.push(c);
    }
    if (selected.length === 1) return selected[0];
    remaining = selected;
  }
  return remaining[0];
}
