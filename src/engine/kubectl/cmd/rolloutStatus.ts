import type { KubeObject } from '../../api/object';
import type { Deployment } from '../../api/types';
import { KubectlError } from '../errors';

// The status viewers of kubectl rollout status (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/
// rollout_status.go, v1.31): one line per observed state, in the order the checks run. A paused
// Deployment has no case of its own: the controller makes no new ReplicaSet while paused, so the
// viewer keeps printing "0 out of N new replicas have been updated..." until it is resumed.

/** A status line and whether the rollout is finished. */
export interface RolloutStatus {
  message: string;
  done: boolean;
}

/** Returns the status of a Deployment (DeploymentStatusViewer.Status); throws on a failed rollout. */
export function deploymentStatus(obj: KubeObject, revision: number): RolloutStatus {
  const d = obj as Deployment;
  checkRevision(d, revision);
  const status = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return waiting('Waiting for deployment spec update to be observed...\n');
  }
  const q = JSON.stringify(d.metadata?.name ?? '');
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    throw new KubectlError(`deployment ${q} exceeded its progress deadline`);
  }
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const prefix = `Waiting for deployment ${q} rollout to finish: `;
  if (d.spec?.replicas !== undefined && updated < d.spec.replicas) {
    return waiting(
      `${prefix}${updated} out of ${d.spec.replicas} new replicas have been updated...\n`,
    );
  }
  if (replicas > updated) {
    return waiting(`${prefix}${replicas - updated} old replicas are pending termination...\n`);
  }
  if (available < updated) {
    return waiting(`${prefix}${available} of ${updated} updated replicas are available...\n`);
  }
  return { message: `deployment ${q} successfully rolled out\n`, done: true };
}

function waiting(message: string): RolloutStatus {
  return { message, done: false };
}

function checkRevision(d: Deployment, revision: number): void {
  if (revision <= 0) return;
  const current = Number(d.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? '0');
  if (revision !== current) {
    throw new KubectlError(
      `desired revision (${revision}) is different from the running revision (${current})`,
    );
  }
}
