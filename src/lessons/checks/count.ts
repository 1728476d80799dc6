import type { KubeObject } from '../../engine/api/object';
import type { CheckResult, ClusterView, CountCheck } from './check';
import { candidates, counted, describeQuery } from './query';
import { standing } from './status';

// [COUNT1] A count compares the matching objects with equals / atLeast / atMost.
// [COUNT2] measure max (min) takes the highest (lowest) count at any write since the step began:
//          "at most 4 pods at once during the rollout".
// [COUNT3] A short count names up to three objects the query is about but did not count, each
//          with its STATUS and the cluster's own reason; an over-count names the counted ones.

const NAMED = 3;

/** Evaluates a count check. */
export function evaluateCount(check: CountCheck, view: ClusterView): CheckResult {
  const q = check.count;
  const measure = check.measure ?? 'now';
  const goal = `${bound(check)} ${describeQuery(q, check.equals ?? check.atMost ?? check.atLeast)}${measure === 'now' ? '' : ' at once during the step'}`;
  const countIn = (objects: readonly KubeObject[]) =>
    candidates(q, objects).filter((o) => counted(q, o, view.now)).length;
  if (measure !== 'now') {
    let extreme: number | undefined;
    for (const objects of view.states(q.kind)) {
      const n = countIn(objects);
      extreme = extreme === undefined ? n : measure === 'max' ? Math.max(extreme, n) : Math.min(extreme, n);
    }
    const n = extreme ?? 0;
    if (holds(check, n)) return { ok: true, goal, explanation: '' };
    const word = measure === 'max' ? 'the most' : 'the fewest';
    return { ok: false, goal, explanation: `expected ${goal}; ${word} at any moment was ${n}.` };
  }
  const all = candidates(q, view.list(q.kind));
  const yes = all.filter((o) => counted(q, o, view.now));
  if (holds(check, yes.length)) return { ok: true, goal, explanation: '' };
  const expected = `expected ${goal}, found ${yes.length}`;
  const short = check.atLeast !== undefined ? yes.length < check.atLeast : yes.length < (check.equals ?? 0);
  const named = short ? all.filter((o) => !yes.includes(o)) : yes;
  if (named.length === 0) {
    const about = describeQuery({ ...q, status: undefined, node: undefined }, all.length);
    const are = all.length === 1 ? 'is' : 'are';
    const only = all.length > 0 ? 'only ' : '';
    return { ok: false, goal, explanation: `${expected}: there ${are} ${only}${all.length} ${about}.` };
  }
  const listed = named.slice(0, NAMED).map((o) => whereItStands(q.kind, o, view.now));
  const more = named.length > NAMED ? `; and ${named.length - NAMED} more` : '';
  return { ok: false, goal, explanation: `${expected}: ${listed.join('; ')}${more}.` };
}

function bound(c: CountCheck): string {
  if (c.equals !== undefined) return String(c.equals);
  if (c.atLeast !== undefined && c.atMost !== undefined) return `${c.atLeast} to ${c.atMost}`;
  if (c.atLeast !== undefined) return `at least ${c.atLeast}`;
  return `at most ${c.atMost ?? 0}`;
}

function holds(c: CountCheck, n: number): boolean {
  if (c.equals !== undefined && n !== c.equals) return false;
  if (c.atLeast !== undefined && n < c.atLeast) return false;
  if (c.atMost !== undefined && n > c.atMost) return false;
  return true;
}

/** "web-7d4b9c6f5-x2x7k is Pending — 0/3 nodes are available: 3 Insufficient cpu." */
function whereItStands(kind: string, obj: KubeObject, now: number): string {
  return `${obj.metadata?.name ?? ''}${standing(kind, obj, now)}`;
}
