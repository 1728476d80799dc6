import type { Check, CheckResult, ClusterView } from './check';
import { evaluateCount } from './count';
import { evaluateEvent } from './event';
import { evaluateField } from './field';
import { evaluateHop } from './hop';
import { evaluateRollout } from './rollout';

/** Evaluates one check against a view; the result says the goal in words and, failing, why. */
export function evaluate(check: Check, view: ClusterView): CheckResult {
  const result = dispatch(check, view);
  return check.description ? { ...result, goal: check.description } : result;
}

/** Evaluates every check; all must hold. */
export function evaluateAll(checks: readonly Check[], view: ClusterView): CheckResult[] {
  return checks.map((c) => evaluate(c, view));
}

function dispatch(check: Check, view: ClusterView): CheckResult {
  if ('count' in check) return evaluateCount(check, view);
  if ('rollout' in check) return evaluateRollout(check, view);
  if ('event' in check) return evaluateEvent(check, view);
  if ('hop' in check) return evaluateHop(check, view);
  if ('field' in check) return evaluateField(check, view);
  if ('not' in check) {
    const inner = evaluate(check.not, view);
    const goal = `not: ${inner.goal}`;
    return inner.ok
      ? { ok: false, goal, explanation: `expected not ${inner.goal}, but it holds.` }
      : { ok: true, goal, explanation: '' };
  }
  if ('all' in check) {
    const results = check.all.map((c) => evaluate(c, view));
    const goal = results.map((r) => r.goal).join(', and ');
    const failed = results.filter((r) => !r.ok);
    if (failed.length === 0) return { ok: true, goal, explanation: '' };
    return { ok: false, goal, explanation: failed.map((r) => r.explanation).join(' ') };
  }
  const results = check.any.map((c) => evaluate(c, view));
  const goal = results.map((r) => r.goal).join(', or ');
  if (results.some((r) => r.ok)) return { ok: true, goal, explanation: '' };
  return { ok: false, goal, explanation: results.map((r) => r.explanation).join(' And ') };
}
