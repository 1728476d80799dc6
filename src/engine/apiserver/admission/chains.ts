import { defaultTolerationSeconds } from './defaultTolerationSeconds';
import { namespaceLifecycle } from './namespaceLifecycle';
import { priority } from './priority';
import { serviceAccount } from './serviceAccount';
import { taintNodesByCondition } from './taintNodesByCondition';
import type { AdmissionPlugin } from './types';

// Which plugins run for which resources, in the order of kube-apiserver's AllOrderedPlugins
// (pkg/kubeapiserver/options/plugins.go): NamespaceLifecycle, ServiceAccount,
// TaintNodesByCondition, Priority, DefaultTolerationSeconds. NamespaceLifecycle is a mutating
// (Admit) plugin upstream, so it runs before validation: a bad pod in a missing namespace gets 404.

/** The chain for pods. */
export const POD_ADMISSION: readonly AdmissionPlugin[] = [
  namespaceLifecycle,
  serviceAccount,
  priority,
  defaultTolerationSeconds,
];
/** The chain for other namespaced resources. */
export const NAMESPACED_ADMISSION: readonly AdmissionPlugin[] = [namespaceLifecycle];
/** The chain for nodes. */
export const NODE_ADMISSION: readonly AdmissionPlugin[] = [taintNodesByCondition];
