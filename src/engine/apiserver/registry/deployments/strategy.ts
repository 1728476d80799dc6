import equal from 'fast-deep-equal';
import type { Deployment } from '../../../api/types';
import { NAMESPACED_ADMISSION } from '../../admission/chains';
import { defaultDeployment } from '../../defaults/apps';
import {
  validateDeploymentSpec,
  validateReplicaStatus,
  validateSelectorImmutable,
} from '../../validation/apps';
import { dedupe, invalid } from '../../validation/field';
import { validateObjectMetaUpdate } from '../../validation/objectMeta';
import { admitWith } from '../admit';
import { decodingDefaults } from '../defaulting';
import { bumpGeneration, genericStrategy, keepStatus } from '../generic';

// Deployments (pkg/registry/apps/deployment/strategy.go). Annotation changes bump the generation
// too, because the controller copies them onto ReplicaSets; status writes may change
// annotations (that is how the controller records deployment.kubernetes.io/revision) but not
// spec or labels.

function validateStatus(d: Deployment, old: Deployment) {
  const status = d.status ?? {};
  const errs = validateReplicaStatus(status);
  if ((status.unavailableReplicas ?? 0) < 0)
    errs.push(
      invalid(
        'status.unavailableReplicas',
        status.unavailableReplicas,
        'must be greater than or equal to 0',
      ),
    );
  const prev = old.status?.collisionCount;
  if (prev != null && (status.collisionCount ?? 0) < prev)
    errs.push(
      invalid('status.collisionCount', status.collisionCount ?? 0, 'cannot be decremented'),
    );
  return errs;
}

/** The Deployment strategy. */
export const deploymentStrategy = genericStrategy(
  {
    applyDefaults: decodingDefaults<Deployment>('Deployment', defaultDeployment),
    admit: admitWith(NAMESPACED_ADMISSION, 'deployments', 'deployments.apps'),
    prepareForCreate(obj) {
      obj.status = {};
      (obj.metadata ??= {}).generation = 1;
    },
    prepareForUpdate(obj, old) {
      keepStatus(obj, old);
      const changed =
        !equal(obj.spec, old.spec) || !equal(obj.metadata?.annotations, old.metadata?.annotations);
      bumpGeneration(obj, old, changed);
    },
    validate: (obj) => dedupe(validateDeploymentSpec(obj as Deployment)),
    validateUpdate: (obj, old) =>
      dedupe([
        ...validateObjectMetaUpdate(obj, old),
        ...validateDeploymentSpec(obj as Deployment),
        ...validateSelectorImmutable(obj as Deployment, old as Deployment),
        ...validateStatus(obj as Deployment, old as Deployment),
      ]),
  },
  { hasStatus: true, namespaced: true, generation: true, statusKeepsMetadata: ['labels'] },
);
