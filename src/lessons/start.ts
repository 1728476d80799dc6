import type { Op, SessionConfig } from '../app/worker/protocol';
import type { Lesson } from './lesson';

/**
 * Returns the session a lesson starts from: its cluster as a SessionConfig, and the objects
 * applied and components stopped as its first ops, so the start is itself a replayable session.
 */
export function lessonStart(lesson: Lesson): { config: SessionConfig; ops: Op[] } {
  const { cluster } = lesson;
  const config: SessionConfig =
    typeof cluster.nodes === 'number'
      ? { seed: cluster.seed, nodes: cluster.nodes }
      : { seed: cluster.seed, nodes: cluster.nodes.length, nodeSpecs: cluster.nodes };
  if (cluster.scoringStrategy) config.scoringStrategy = cluster.scoringStrategy;
  // Components stop first, so the objects arrive while they are down (a pod stays Pending when
  // the scheduler is stopped), as a lesson about a missing component needs.
  const ops: Op[] = (cluster.stopped ?? []).map((name) => ({
    op: 'sim',
    line: `sim component stop ${name}`,
  }));
  if (cluster.objects) ops.push({ op: 'kubectl', line: 'kubectl apply -f -', stdin: cluster.objects });
  return { config, ops };
}
