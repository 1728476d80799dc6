import type { StoredObject } from '../../api/object';
import type { EventRecorder } from '../../client/eventRecorder';
import type { Informer } from '../../client/informer';
import type { Rng } from '../../rng/rng';
import type { Zones } from './zones';

/** What the monitor and the NoExecute tainting pass share with the controller. */
export interface LifecycleContext {
  readonly nodes: Informer<StoredObject>;
  /** Leases in kube-node-lease: the kubelets' heartbeats. */
  readonly leases: Informer<StoredObject>;
  /** Pods, indexed by node name. */
  readonly pods: Informer<StoredObject>;
  readonly zones: Zones;
  /** Records events as "node-controller". */
  readonly recorder: EventRecorder;
  readonly rng: Rng;
  /** Returns the controller's clock, virtual ms. */
  now(): number;
  /** Reports whether this run of the controller is still going. */
  alive(): boolean;
  /** Makes sure a NoExecute tainting pass runs soon: a node was queued. */
  wakeTainter(): void;
}
