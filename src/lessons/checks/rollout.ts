import type { KubeObject } from '../../engine/api/object';
import { fromLabelSelector, matches } from '../../engine/api/labels';
import type { Deployment } from '../../engine/api/types';
import { deploymentStatus } from '../../engine/kubectl/cmd/rolloutStatus';
import type { CheckResult, ClusterView, RolloutCheck } from './check';
import { standing, statusText } from './status';

// [ROLL1] A rollout is complete when `kubectl rollout status` would print "successfully rolled
//         out" (its DeploymentStatusViewer, shared with the engine's kubectl).
// [ROLL2] An unfinished rollout explains itself with kubectl's waiting line and, when one of the
//         Deployment's pods is stuck, that pod's status and reason.

/** Evaluates a rollout check. */
export function evaluateRollout(check: RolloutCheck, view: ClusterView): CheckResult {
  const { deployment: name, namespace = 'default' } = check.rollout;
  const goal = `the rollout of deployment ${name} is complete`;
  const d = view
    .list('Deployment')
    .find((o) => o.metadata?.name === name && o.metadata.namespace === namespace) as
    | Deployment
    | undefined;
  if (!d) {
    return { ok: false, goal, explanation: `deployment "${name}" does not exist in namespace ${namespace}.` };
  }
  let status: { message: string; done: boolean };
  try {
    status = deploymentStatus(d as KubeObject, 0);
  } catch (e) {
    return { ok: false, goal, explanation: `${e instanceof Error ? e.message : String(e)}.` };
  }
  if (status.done) return { ok: true, goal, explanation: '' };
  const stuck = stuckPod(d, view);
  const because = stuck ? ` ${stuck}.` : '';
  return { ok: false, goal, explanation: `${status.message.trim()}${because}` };
}

function stuckPod(d: Deployment, view: ClusterView): string {
  const selector = fromLabelSelector(d.spec?.selector) ?? [];
  for (const pod of view.list('Pod')) {
    if (pod.metadata?.namespace !== d.metadata?.namespace) continue;
    if (!matches(selector, pod.metadata?.labels)) continue;
    const status = statusText('Pod', pod, view.now);
    if (status === 'Running' || status === 'Terminating') continue;
    return `${pod.metadata?.name ?? ''}${standing('Pod', pod, view.now)}`;
  }
  return '';
}
