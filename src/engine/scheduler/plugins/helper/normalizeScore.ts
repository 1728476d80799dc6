// helper.DefaultNormalizeScore: scales scores so the highest becomes maxPriority (integer
// division, as Go's int64 arithmetic), optionally reversed so the lowest raw score wins.

/** Normalizes scores in place to [0, maxPriority]. */
export function defaultNormalizeScore(
  maxPriority: number,
  reverse: boolean,
  scores: Float64Array,
): void {
  let max = 0;
  for (let i = 0; i < scores.length; i++)
    if ((scores[i] as number) > max) max = scores[i] as number;
  if (max === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const scaled = Math.trunc((maxPriority * (scores[i] as number)) / max);
    scores[i] = reverse ? maxPriority - scaled : scaled;
  }
}
