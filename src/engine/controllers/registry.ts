import type { ComponentFactory } from '../engine';
import { DEPLOYMENT_CONTROLLER, createDeploymentController } from './deployment';
import { GARBAGE_COLLECTOR, createGarbageCollector } from './garbagecollector/garbageCollector';
import { NAMESPACE_CONTROLLER, createNamespaceController } from './namespace/namespaceController';
import {
  NODE_LIFECYCLE_CONTROLLER,
  createNodeLifecycleController,
} from './nodelifecycle/nodeLifecycleController';
import {
  REPLICASET_CONTROLLER,
  createReplicaSetController,
} from './replicaset/replicaSetController';
import {
  TAINT_EVICTION_CONTROLLER,
  createTaintEvictionController,
} from './tainteviction/taintEvictionController';

/** The kube-controller-manager's controllers, by trace name, in start order. */
export const CONTROLLERS: Readonly<Record<string, ComponentFactory>> = {
  [NODE_LIFECYCLE_CONTROLLER]: createNodeLifecycleController,
  [TAINT_EVICTION_CONTROLLER]: createTaintEvictionController,
  [DEPLOYMENT_CONTROLLER]: createDeploymentController,
  [REPLICASET_CONTROLLER]: createReplicaSetController,
  [GARBAGE_COLLECTOR]: createGarbageCollector,
  [NAMESPACE_CONTROLLER]: createNamespaceController,
};
