import type { CycleState } from './cycleState';
import type { NodeScore, ScorePlugin } from './interface';
import { MAX_NODE_SCORE } from './interface';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';

// RunScorePlugins (runtime/framework.go, v1.31): every enabled Score plugin over every feasible
// node, then its NormalizeScore, then its weight ([FW2], framework.ts). This runs for hundreds of
// nodes per pod, so raw scores go into one number array per plugin; only plugins that normalize
// get the NodeScore objects their NormalizeScore edits, and those are reused from cycle to cycle.

/**
 * A node's total weighted score (framework.NodePluginScores). Per-plugin scores are recorded by
 * the results wrapper when the scheduler view wants them, not carried here.
 */
export interface NodePluginScores {
  name: string;
  total: number;
}

/** An enabled Score plugin and its weight. */
export interface WeightedScorePlugin {
  plugin: ScorePlugin;
  weight: number;
}

/** Scores the nodes; scratch is the caller's NodeScore list, refilled for each NormalizeScore. */
export function runScorePlugins(
  plugins: readonly WeightedScorePlugin[],
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  scratch: NodeScore[],
): NodePluginScores[] {
  const n = nodes.length;
  const out: NodePluginScores[] = new Array<NodePluginScores>(n);
  for (let i = 0; i < n; i++) out[i] = { name: (nodes[i] as NodeInfo).name, total: 0 };
  const raw: number[] = new Array<number>(n);
  for (const { plugin, weight } of plugins) {
    if (state.skipScorePlugins.has(plugin.name)) continue;
    for (let i = 0; i < n; i++) raw[i] = plugin.score(state, pod, nodes[i] as NodeInfo);
    if (plugin.normalizeScore) {
      const list = refill(scratch, out, raw);
      plugin.normalizeScore(state, pod, list);
      for (let i = 0; i < n; i++) raw[i] = (list[i] as NodeScore).score;
    }
    for (let i = 0; i < n; i++) {
      const score = raw[i] as number;
      if (score > MAX_NODE_SCORE || score < 0)
        throw new Error(
          `plugin "${plugin.name}" returns an invalid score ${score}, it should in the range of [0, ${MAX_NODE_SCORE}] after normalizing`,
        );
      (out[i] as NodePluginScores).total += score * weight;
    }
  }
  return out;
}

// Refills the list NormalizeScore edits in place: no plugin keeps it past its call.
function refill(
  list: NodeScore[],
  out: readonly NodePluginScores[],
  raw: readonly number[],
): NodeScore[] {
  if (list.length > out.length) list.length = out.length;
  for (let i = 0; i < out.length; i++) {
    const name = (out[i] as NodePluginScores).name;
    const score = raw[i] as number;
    const ns = list[i];
    if (ns) {
      ns.name = name;
      ns.score = score;
    } else list.push({ name, score });
  }
  return list;
}
