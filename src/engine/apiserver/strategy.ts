import type { KubeObject } from '../api/object';
import type { Rng } from '../rng/rng';
import type { FieldError } from './errors';

/** What a strategy may consult: the seeded generator and a read of current objects. */
export interface StrategyContext {
  rng: Rng;
  /** Virtual ms now. */
  now: number;
  /** Reads a current object (e.g. a Namespace during admission). */
  lookup(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Lists the current objects of a small cluster-scoped resource (PriorityClasses). */
  list(resource: string): KubeObject[];
}

/**
 * Per-resource behaviour of the generic REST handlers, as pkg/registry/<group>/<resource>/strategy.go
 * plus the decoder's defaulting and the admission chain. Every hook receives an object the hook
 * may mutate (the handler passes its own copy).
 */
export interface Strategy {
  /** Applies the versioned API defaults (pkg/apis/<group>/v1/defaults.go). */
  applyDefaults(obj: KubeObject): void;
  /** Runs mutating admission for create/update (ServiceAccount, DefaultTolerationSeconds, …). */
  admit(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): void;
  /** Clears fields users may not set on create (status), sets generation. */
  prepareForCreate(obj: KubeObject): void;
  /** Carries over fields users may not change (status), bumps generation when spec changes. */
  prepareForUpdate(obj: KubeObject, old: KubeObject): void;
  /** Carries over everything but status for a write to the status subresource. */
  prepareForStatusUpdate(obj: KubeObject, old: KubeObject): void;
  /** Validates a new object (pkg/apis/<group>/validation). */
  validate(obj: KubeObject, ctx: StrategyContext): FieldError[];
  /** Validates an update, including immutable fields. */
  validateUpdate(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[];
  /** Runs validating admission (NamespaceLifecycle, …); throws a StatusError to reject. */
  validateAdmission(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): void;
  /** Returns the fields a field selector may name, with their values. */
  selectableFields(obj: KubeObject): Record<string, string>;
  /**
   * Returns the grace period for a delete, or 0 to delete at once; pods are the only resource
   * with graceful deletion.
   */
  gracePeriodSeconds(obj: KubeObject, requested: number | undefined): number;
  /** Sets fields derived from the final name (after generateName), once validation passed. */
  canonicalize?(obj: KubeObject): void;
  /** Runs admission for a delete; throws a StatusError to refuse (system namespaces). */
  admitDelete?(obj: KubeObject, ctx: StrategyContext): void;
  /**
   * Prepares the copy of an object being marked for deletion; returns true when the object must
   * stay until something else finishes (a namespace with spec.finalizers goes Terminating).
   */
  markForDeletion?(copy: KubeObject): boolean;
  /** Reports whether an object being deleted may go now that its finalizers are empty. */
  shouldDeleteDuringUpdate?(obj: KubeObject): boolean;
  /** Prepares a write to the finalize subresource (namespaces: spec.finalizers only). */
  prepareForFinalize?(obj: KubeObject, old: KubeObject): void;
  /**
   * Names the objects a new one is most like (an Event's reporter), so its storage shares
   * subtrees with the last of them written rather than with the resource's last write.
   */
  sharingGroup?(obj: KubeObject): string;
}
