import type { KubeObject } from '../../api/object';
import type { StrategyContext } from '../strategy';

// The admission chain as k8s.io/apiserver/pkg/admission runs it: each plugin sees the operation
// and the object, may mutate it, and rejects the request by throwing a StatusError.

/** The operations admission plugins are called for. */
export type Operation = 'CREATE' | 'UPDATE';

/** What a plugin is told about a request (admission.Attributes). */
export interface AdmissionAttributes {
  operation: Operation;
  /** The REST resource, e.g. "pods". */
  resource: string;
  /** The qualified resource errors name, e.g. "pods" or "deployments.apps". */
  qualifiedResource: string;
  /** The request's namespace; undefined for cluster-scoped resources. */
  namespace: string | undefined;
  /** The object's name; empty on a create that uses generateName (not generated yet). */
  name: string;
  obj: KubeObject;
  old: KubeObject | undefined;
  ctx: StrategyContext;
}

/** One admission plugin, named as --enable-admission-plugins names it. */
export interface AdmissionPlugin {
  readonly name: string;
  /** Mutates or rejects (throws a StatusError). */
  admit(a: AdmissionAttributes): void;
}

/** Runs plugins in order; the first rejection ends the request. */
export function runAdmission(plugins: readonly AdmissionPlugin[], a: AdmissionAttributes): void {
  for (const plugin of plugins) plugin.admit(a);
}
