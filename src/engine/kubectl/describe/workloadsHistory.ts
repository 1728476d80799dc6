import { wireCopy } from '../../api/object';
import type { Deployment, ReplicaSet } from '../../api/types';
import { KubectlError } from '../errors';
import type { Template } from './podTemplate';
import { describePodTemplate } from './podTemplate';
import { replicaSetsByRevision } from './workloadsReplicaSets';
import { LEVEL_0, PrefixWriter, tabbedString } from './writer';

// What `kubectl rollout history` prints for a Deployment (polymorphichelpers/history.go
// DeploymentHistoryViewer.ViewHistory, v1.31): a REVISION / CHANGE-CAUSE table, or one
// revision's pod template as describe prints it, unaligned.

/** The annotation whose value fills CHANGE-CAUSE (polymorphichelpers.ChangeCauseAnnotation). */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** Renders a Deployment's history from its ReplicaSets; revision > 0 shows that revision alone. */
export function viewDeploymentHistory(
  d: Deployment,
  replicaSets: readonly ReplicaSet[],
  revision: number,
): string {
  const history = new Map<number, Template>();
  for (const [v, rs] of replicaSetsByRevision(d, replicaSets)) history.set(v, withChangeCause(rs));
  if (history.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const template = history.get(revision);
    if (!template) throw new KubectlError('unable to find the specified revision');
    return podTemplateText(template);
  }
  const revisions = [...history.keys()].sort((a, b) => a - b);
  return tabbedString((w) => {
    w.write(LEVEL_0, 'REVISION\tCHANGE-CAUSE\n');
    for (const r of revisions) {
      const cause = history.get(r)?.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
      w.write(LEVEL_0, `${r}\t${cause || '<none>'}\n`);
    }
  });
}

/** Renders a pod template as describe does, without aligning it (printTemplate). */
export function podTemplateText(template: Template): string {
  const w = new PrefixWriter();
  describePodTemplate(w, template);
  return w.raw();
}

// The ReplicaSet's change-cause is shown as an annotation of its template.
function withChangeCause(rs: ReplicaSet): Template {
  const template = wireCopy(rs.spec?.template ?? {});
  const cause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
  if (cause)
    (template.metadata ??= {}).annotations = {
      ...template.metadata?.annotations,
      [CHANGE_CAUSE_ANNOTATION]: cause,
    };
  return template;
}
