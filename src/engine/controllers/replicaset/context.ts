import type { Pod, ReplicaSet } from '../../api/types';
import type { Expectations } from './expectations';
import type { RecordEvent } from './podControl';

/** What one sync of one ReplicaSet uses from its controller; built by ReplicaSetController. */
export interface SyncContext {
  /** The ReplicaSet's "namespace/name" key. */
  key: string;
  /** Virtual time in ms (metav1.Now). */
  now(): number;
  expectations: Expectations;
  /** Records an event on the ReplicaSet, from "replicaset-controller". */
  event: RecordEvent;
  /** Returns the pods of every ReplicaSet with the same owner (getIndirectlyRelatedPods). */
  relatedPods(rs: ReplicaSet): Pod[];
  /** Syncs this key again after ms of virtual time (queue.AddAfter). */
  enqueueAfter(ms: number): void;
}
