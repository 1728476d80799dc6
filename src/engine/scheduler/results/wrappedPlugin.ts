import type { Effect, Task } from '../../client/task';
import type { AnyPlugin } from '../framework/interface';
import type { ResultStore } from './resultStore';
import { filterResult } from './resultStore';

// Records what each plugin decided by decorating it, as kube-scheduler-simulator's
// wrappedplugin.go does: the wrapper has the same extension points as the plugin, calls it, and
// writes the result to the pod's record. Plugins stay unaware of the UI.

/** Returns a plugin that behaves like p and records its results in store. */
export function wrapPlugin(p: AnyPlugin, weight: number, store: ResultStore): AnyPlugin {
  // PreFilter extensions only edit what-if copies of a cycle's state: nothing to record.
  const w: AnyPlugin = {
    name: p.name,
    events: p.events,
    preFilterExtensions: p.preFilterExtensions,
  };
  const { less, bind, preFilter, filter, postFilter, preScore, score, normalizeScore } = p;
  // Queue order and binding are not per-node verdicts; they pass through unrecorded.
  if (less) w.less = (a, b) => less.call(p, a, b);
  if (bind) w.bind = (state, pod, node) => bind.call(p, state, pod, node);
  if (preFilter)
    w.preFilter = (state, pod) => {
      const r = preFilter.call(p, state, pod);
      const rec = store.current(pod.key);
      if (rec) rec.preFilter[p.name] = filterResult(r.status);
      return r;
    };
  if (filter)
    w.filter = (state, pod, node) => {
      const s = filter.call(p, state, pod, node);
      const rec = store.current(pod.key);
      if (rec) (rec.filter[node.name] ??= {})[p.name] = filterResult(s);
      return s;
    };
  if (postFilter)
    w.postFilter = function* (state, pod, statuses) {
      // Preemption re-runs Filter on what-if copies of nodes; those verdicts are not the real ones.
      const r = yield* unrecorded(postFilter.call(p, state, pod, statuses), store);
      const rec = store.current(pod.key);
      if (rec) rec.postFilter[p.name] = filterResult(r.status);
      return r;
    };
  if (preScore)
    w.preScore = (state, pod, nodes) => {
      const s = preScore.call(p, state, pod, nodes);
      const rec = store.current(pod.key);
      if (rec) rec.preScore[p.name] = filterResult(s);
      return s;
    };
  if (score)
    w.score = (state, pod, nodes, scores) => {
      score.call(p, state, pod, nodes, scores);
      const rec = store.current(pod.key);
      if (!rec) return;
      nodes.forEach((n, i) => {
        const raw = scores[i] as number;
        (rec.score[n.name] ??= {})[p.name] = { raw, normalized: raw, weighted: raw * weight };
      });
    };
  if (normalizeScore)
    w.normalizeScore = (state, pod, nodes, scores) => {
      normalizeScore.call(p, state, pod, nodes, scores);
      const rec = store.current(pod.key);
      if (!rec) return;
      nodes.forEach((n, i) => {
        const entry = rec.score[n.name]?.[p.name];
        if (entry) {
          entry.normalized = scores[i] as number;
          entry.weighted = (scores[i] as number) * weight;
        }
      });
    };
  return w;
}

// Runs a task with recording paused while its own code runs; what happens while it waits for
// the apiserver (bindings of other pods finishing) records as usual.
function* unrecorded<T>(task: Task<T>, store: ResultStore): Task<T> {
  let resume = (): IteratorResult<Effect, T> => task.next();
  for (;;) {
    store.setPaused(true);
    let step: IteratorResult<Effect, T>;
    try {
      step = resume();
    } finally {
      store.setPaused(false);
    }
    if (step.done) return step.value;
    try {
      const input: unknown = yield step.value;
      resume = () => task.next(input);
    } catch (e) {
      resume = () => task.throw(e);
    }
  }
}
