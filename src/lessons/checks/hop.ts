import type { CheckResult, ClusterView, HopCheck } from './check';
import { nameMatches } from './query';

// [HOP1] A hop check holds when a hop since the step began matches every field given; from and
//        to may end in "*" ("kubelet/*" is any node's kubelet).

/** Evaluates a hop check. */
export function evaluateHop(check: HopCheck, view: ClusterView): CheckResult {
  const h = check.hop;
  const goal = `a hop ${describeHop(check)}`;
  for (const m of view.hops()) {
    if (!nameMatches(h.from, m.from) || !nameMatches(h.to, m.to)) continue;
    if (h.verb !== undefined && m.verb !== h.verb) continue;
    if (h.resource !== undefined && m.resource !== h.resource) continue;
    if (h.kind !== undefined && m.kind !== h.kind) continue;
    if (!nameMatches(h.name, m.name)) continue;
    if (h.code !== undefined && m.code !== h.code) continue;
    return { ok: true, goal, explanation: '' };
  }
  return { ok: false, goal, explanation: `no hop ${describeHop(check)} since this step began.` };
}

/** Describes a hop pattern: "from kube-scheduler to kube-apiserver (POST pods/binding)". */
export function describeHop(check: HopCheck): string {
  const h = check.hop;
  const what = [h.verb, h.resource ?? h.kind, h.name, h.code].filter(Boolean).join(' ');
  return [h.from && `from ${h.from}`, h.to && `to ${h.to}`, what && `(${what})`]
    .filter(Boolean)
    .join(' ');
}
