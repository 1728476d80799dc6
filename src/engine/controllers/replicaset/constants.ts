// The ReplicaSet controller's fixed numbers and the words users read (pkg/controller/replicaset,
// pkg/controller/controller_utils.go), written once.

/** The controller's name in the trace and the source component of its events. */
export const REPLICASET_CONTROLLER = 'replicaset-controller';

/** Most pods created or deleted in one sync (replica_set.go BurstReplicas). */
export const BURST_REPLICAS = 500;
/** The first slow-start batch of creates (controller.SlowStartInitialBatchSize). */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;
/** How long unmet expectations hold a sync back (controller.ExpectationsTimeout, 5 min). */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;
/** Status PUTs retried after a fresh GET (replica_set.go statusUpdateRetries). */
export const STATUS_UPDATE_RETRIES = 1;

/** Event and condition reason: a pod could not be created. */
export const FAILED_CREATE_POD_REASON = 'FailedCreate';
/** Event reason: a pod was created. */
export const SUCCESSFUL_CREATE_POD_REASON = 'SuccessfulCreate';
/** Event and condition reason: a pod could not be deleted. */
export const FAILED_DELETE_POD_REASON = 'FailedDelete';
/** Event reason: a pod was deleted. */
export const SUCCESSFUL_DELETE_POD_REASON = 'SuccessfulDelete';
/** The status condition set while creates or deletes fail. */
export const REPLICA_FAILURE_CONDITION = 'ReplicaFailure';

/** Returns the SuccessfulCreate message: "Created pod: web-7d4b9c6f5-x2x7k". */
export const createdPodMessage = (pod: string): string => `Created pod: ${pod}`;
/** Returns the FailedCreate event message: "Error creating: <apiserver error>". */
export const errorCreatingMessage = (err: string): string => `Error creating: ${err}`;
/** Returns the SuccessfulDelete message: "Deleted pod: web-7d4b9c6f5-x2x7k". */
export const deletedPodMessage = (pod: string): string => `Deleted pod: ${pod}`;
/** Returns the FailedDelete event message: "Error deleting: <apiserver error>". */
export const errorDeletingMessage = (err: string): string => `Error deleting: ${err}`;
/** Returns the error a failed delete reports, as in ReplicaFailure's message. */
export const unableToDeleteMessage = (err: string): string => `unable to delete pods: ${err}`;
/** The error when a template has no labels (RealPodControl.createPods). */
export const NO_LABELS_MESSAGE = 'unable to create pods, no labels';

/** The annotation that orders pods for scale-down (core.PodDeletionCost). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
/** The StatusCause reason of a create refused by a terminating namespace. */
export const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';
