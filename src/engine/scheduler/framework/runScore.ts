import type { CycleState } from './cycleState';
import type { ScorePlugin } from './interface';
import { MAX_NODE_SCORE } from './interface';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';

// RunScorePlugins (runtime/framework.go, v1.31): every enabled Score plugin over every feasible
// node, then its NormalizeScore, then its weight ([FW2], framework.ts). This runs for hundreds of
// nodes per pod, so scores live in typed arrays parallel to the nodes, reused from cycle to
// cycle: one list the plugins refill, and the totals.

/**
 * The feasible nodes' total weighted scores, totals[i] being nodes[i]'s
 * (framework.NodePluginScores). Per-plugin scores are recorded by the results wrapper when the
 * scheduler view wants them, not carried here. totals is the framework's own array, rewritten by
 * its next cycle: read it before scheduling another pod.
 */
export interface NodeScores {
  nodes: readonly NodeInfo[];
  totals: Float64Array;
}

/** An enabled Score plugin and its weight. */
export interface WeightedScorePlugin {
  plugin: ScorePlugin;
  weight: number;
}

/**
 * Scores the nodes into totals; scratch is the caller's list of nodes.length scores, which
 * plugins refill, and totals another of the same length.
 */
export function runScorePlugins(
  plugins: readonly WeightedScorePlugin[],
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  scratch: Float64Array,
  totals: Float64Array,
): NodeScores {
  const n = nodes.length;
  totals.fill(0);
  const max = MAX_NODE_SCORE;
  for (const { plugin, weight } of plugins) {
    if (state.skipScorePlugins.has(plugin.name)) continue;
    scratch.fill(0);
    plugin.score(state, pod, nodes, scratch);
    plugin.normalizeScore?.(state, pod, nodes, scratch);
    for (let i = 0; i < n; i++) {
      const score = scratch[i] as number;
      if (score > max || score < 0) invalidScore(plugin, score);
      totals[i] = (totals[i] as number) + score * weight;
    }
  }
  return { nodes, totals };
}

function invalidScore(plugin: ScorePlugin, score: number): never {
  throw new Error(
    `plugin "${plugin.name}" returns an invalid score ${score}, it should in the range of [0, ${MAX_NODE_SCORE}] after normalizing`,
  );
}
