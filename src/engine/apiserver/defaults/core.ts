import type { Namespace, Node } from '../../api/types';
import { canonicalizeResourceList } from './quantities';

// Namespace and Node defaults (pkg/apis/core/v1/defaults.go: SetDefaults_Namespace,
// SetDefaults_NamespaceStatus, SetDefaults_NodeStatus).

/** The label every namespace carries with its own name (v1.LabelMetadataName). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Defaults a Namespace: its name label (when it has a name yet) and phase Active. */
export function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata?.name;
  if (name) ((ns.metadata ??= {}).labels ??= {})[NAMESPACE_NAME_LABEL] = name;
  // NamespaceStatus is a struct, so its phase is defaulted on every decode.
  (ns.status ??= {}).phase ||= 'Active';
}

/** Defaults a Node's status: allocatable copies capacity when absent; quantities canonical. */
export function defaultNode(node: Node): void {
  const status = node.status;
  if (!status) return;
  if (status.allocatable == null && status.capacity != null)
    status.allocatable = { ...status.capacity };
  canonicalizeResourceList(status.capacity as Record<string, string> | undefined);
  canonicalizeResourceList(status.allocatable as Record<string, string> | undefined);
}
