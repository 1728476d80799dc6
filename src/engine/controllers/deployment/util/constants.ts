// The deployment controller's words, exactly as upstream writes them
// (pkg/controller/deployment/util/deployment_util.go, sync.go, progress.go, rollback.go).
// Users read these in `kubectl describe deployment` and `kubectl get events`.

/** The label that ties a ReplicaSet and its pods to one pod template (DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** The rollout sequence number of a ReplicaSet, copied to its Deployment. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** The older revisions a ReplicaSet served before a rollback made it new again. */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** The Deployment's replicas when the ReplicaSet was last scaled: tells scaling from rollouts. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** replicas + maxSurge when the ReplicaSet was last scaled: the base of proportional scaling. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** apps.DeprecatedRollbackTo: how the removed spec.rollbackTo field round-trips. */
export const ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
/** v1.LastAppliedConfigAnnotation, which is never copied to ReplicaSets. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Progressing reason: a ReplicaSet of the rollout was scaled. */
export const REPLICA_SET_UPDATED_REASON = 'ReplicaSetUpdated';
/** Progressing reason: the new ReplicaSet could not be created. */
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
/** Progressing reason: the controller created the new ReplicaSet. */
export const NEW_REPLICA_SET_REASON = 'NewReplicaSetCreated';
/** Progressing reason: the new ReplicaSet already existed (adopted, or found after a restart). */
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
/** Progressing reason: the rollout completed. */
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
/** Progressing reason: no progress within progressDeadlineSeconds. */
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
/** Progressing reason while spec.paused is true. */
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
/** Progressing reason after spec.paused goes back to false. */
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
/** Available reason: available ≥ replicas − maxUnavailable. */
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
/** Available reason: fewer available than replicas − maxUnavailable. */
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';

/** Available=True message. */
export const MIN_AVAILABILITY_MESSAGE = 'Deployment has minimum availability.';
/** Available=False message. */
export const NO_MIN_AVAILABILITY_MESSAGE = 'Deployment does not have minimum availability.';
/** Progressing=Unknown message while paused. */
export const PAUSED_MESSAGE = 'Deployment is paused';
/** Progressing=Unknown message after resuming. */
export const RESUMED_MESSAGE = 'Deployment is resumed';

/** Event reason of every scale the controller makes. */
export const SCALING_REPLICA_SET = 'ScalingReplicaSet';
/** Warning event reason for a Deployment whose selector is empty. */
export const SELECTING_ALL_REASON = 'SelectingAll';
/** Warning event message for a Deployment whose selector is empty. */
export const SELECTING_ALL_MESSAGE =
  'This deployment is selecting all pods. A non-empty selector is required.';
/** Warning event reason: the rollback revision does not exist. */
export const ROLLBACK_REVISION_NOT_FOUND = 'DeploymentRollbackRevisionNotFound';
/** Warning event reason: the rollback revision has the current template. */
export const ROLLBACK_TEMPLATE_UNCHANGED = 'DeploymentRollbackTemplateUnchanged';
/** Normal event reason: a rollback was performed. */
export const ROLLBACK_DONE = 'DeploymentRollback';

/** Progressing=True NewReplicaSetCreated message. */
export const createdNewRSMessage = (rs: string): string => `Created new replica set "${rs}"`;
/** Progressing=True FoundNewReplicaSet message. */
export const foundNewRSMessage = (rs: string): string => `Found new replica set "${rs}"`;
/** Progressing=False ReplicaSetCreateError message. */
export const failedRSCreateMessage = (rs: string, err: string): string =>
  `Failed to create new replica set "${rs}": ${err}`;
/** Progressing=True ReplicaSetUpdated message. */
export const progressingMessage = (rs: string): string => `ReplicaSet "${rs}" is progressing.`;
/** Progressing=True NewReplicaSetAvailable message. */
export const progressedMessage = (rs: string): string =>
  `ReplicaSet "${rs}" has successfully progressed.`;
/** Progressing=False ProgressDeadlineExceeded message. */
export const timedOutMessage = (rs: string): string =>
  `ReplicaSet "${rs}" has timed out progressing.`;
/** The same three messages when there is no new ReplicaSet, naming the Deployment instead. */
export const deploymentProgressMessage = {
  progressing: (d: string): string => `Deployment "${d}" is progressing.`,
  progressed: (d: string): string => `Deployment "${d}" has successfully progressed.`,
  timedOut: (d: string): string => `Deployment "${d}" has timed out progressing.`,
};
/** ScalingReplicaSet message (v1.29+ wording, with the old size). */
export const scaledMessage = (direction: string, rs: string, from: number, to: number): string =>
  `Scaled ${direction} replica set ${rs} from ${from} to ${to}`;
/** DeploymentRollback message. */
export const rolledBackMessage = (d: string, revision: number): string =>
  `Rolled back deployment "${d}" to revision ${revision}`;
/** DeploymentRollbackTemplateUnchanged message. */
export const rollbackUnchangedMessage = (d: string): string =>
  `The rollback revision contains the same template as current deployment "${d}"`;
/** DeploymentRollbackRevisionNotFound message when there is no previous revision. */
export const NO_LAST_REVISION_MESSAGE = 'Unable to find last revision.';
/** DeploymentRollbackRevisionNotFound message when the asked revision is gone. */
export const NO_ROLLBACK_REVISION_MESSAGE = 'Unable to find the revision to rollback to.';
