import type { ComponentFactory } from '../engine';
import {
  NODE_LIFECYCLE_CONTROLLER,
  createNodeLifecycleController,
} from './nodelifecycle/nodeLifecycleController';

/** The kube-controller-manager's controllers, by trace name, in start order. */
export const CONTROLLERS: Readonly<Record<string, ComponentFactory>> = {
  [NODE_LIFECYCLE_CONTROLLER]: createNodeLifecycleController,
};
