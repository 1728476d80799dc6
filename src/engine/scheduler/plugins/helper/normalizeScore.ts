import type { NodeScore } from '../../framework/interface';

// helper.DefaultNormalizeScore: scales scores so the highest becomes maxPriority (integer
// division, as Go's int64 arithmetic), optionally reversed so the lowest raw score wins.

/** Normalizes scores in place to [0, maxPriority]. */
export function defaultNormalizeScore(
  maxPriority: number,
  reverse: boolean,
  scores: NodeScore[],
): void {
  let max = 0;
  for (const s of scores) if (s.score > max) max = s.score;
  if (max === 0) {
    if (reverse) for (const s of scores) s.score = maxPriority;
    return;
  }
  for (const s of scores) {
    const scaled = Math.trunc((maxPriority * s.score) / max);
    s.score = reverse ? maxPriority - scaled : scaled;
  }
}
