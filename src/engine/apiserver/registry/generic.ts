import equal from 'fast-deep-equal';
import type { KubeObject } from '../../api/object';
import type { ObjectMeta } from '../../api/types';
import type { Strategy } from '../strategy';
import { validateObjectMetaUpdate } from '../validation/objectMeta';

// What every resource's strategy shares (k8s.io/apiserver/pkg/registry/rest: BeforeCreate,
// BeforeUpdate, and the status strategies' "keep everything but status").

/** A resource's strategy (the hooks are all in Strategy now; kept as the registry's name). */
export type RegistryStrategy = Strategy;

/** How a resource's writes are shaped. */
export interface StrategyOptions {
  /** The status subresource exists: main-resource writes keep the stored status. */
  hasStatus: boolean;
  namespaced: boolean;
  /** metadata.generation is tracked: 1 on create, +1 per spec change (Deployments, ReplicaSets). */
  generation: boolean;
  /** Metadata a status write may not change (upstream's status strategies differ per resource). */
  statusKeepsMetadata: readonly (keyof ObjectMeta)[];
}

const DEFAULTS: StrategyOptions = {
  hasStatus: true,
  namespaced: true,
  generation: false,
  statusKeepsMetadata: [],
};

/** Returns the fields every resource lets a field selector name, with their values. */
export function metadataFields(obj: KubeObject, namespaced = true): Record<string, string> {
  const out: Record<string, string> = { 'metadata.name': obj.metadata?.name ?? '' };
  if (namespaced) out['metadata.namespace'] = obj.metadata?.namespace ?? '';
  return out;
}

/** Copies the stored status into an update of the main resource. */
export function keepStatus(obj: KubeObject, old: KubeObject): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = old.status;
}

/** Copies every top-level field but metadata and status from the stored object (status writes). */
export function keepAllButStatus(obj: KubeObject, old: KubeObject): void {
  // A status patch already holds the stored fields themselves (handlers/update.ts); deleting and
  // re-adding them would only move them after status and make obj a slow dictionary object.
  if (holdsStoredFields(obj, old)) return;
  const status = obj.status;
  for (const k of Object.keys(obj)) if (k !== 'metadata' && k !== 'status') delete obj[k];
  for (const [k, v] of Object.entries(old)) if (k !== 'metadata' && k !== 'status') obj[k] = v;
  obj.status = status;
}

// Whether every field of obj but metadata and status is the stored object's own, and no other.
function holdsStoredFields(obj: KubeObject, old: KubeObject): boolean {
  let n = 0;
  for (const k in old) {
    if (k === 'metadata' || k === 'status' || !Object.hasOwn(old, k)) continue;
    if (!Object.hasOwn(obj, k) || obj[k] !== old[k]) return false;
    n++;
  }
  for (const k in obj) if (k !== 'metadata' && k !== 'status' && Object.hasOwn(obj, k)) n--;
  return n === 0;
}

/** Copies metadata fields from the stored object, deleting them when it had none. */
export function keepMetadata(
  obj: KubeObject,
  old: KubeObject,
  fields: readonly (keyof ObjectMeta)[],
): void {
  const meta = (obj.metadata ??= {}) as Record<string, unknown>;
  const prev = (old.metadata ?? {}) as Record<string, unknown>;
  for (const f of fields) {
    if (prev[f] === undefined) delete meta[f];
    else meta[f] = prev[f];
  }
}

/** Bumps metadata.generation when changed says the desired state moved. */
export function bumpGeneration(obj: KubeObject, old: KubeObject, changed: boolean): void {
  const gen = old.metadata?.generation ?? 0;
  (obj.metadata ??= {}).generation = changed ? gen + 1 : gen;
}

// BeforeCreate/BeforeUpdate clear the namespace of a cluster-scoped object instead of refusing it.
function clearNamespace(obj: KubeObject, namespaced: boolean): void {
  if (!namespaced && obj.metadata) delete obj.metadata.namespace;
}

/**
 * Builds a strategy from the shared behaviour and per-resource overrides: status kept out of
 * main-resource writes, spec kept out of status writes, generation only where tracked, metadata
 * field selectors, immediate deletion.
 */
export function genericStrategy(
  overrides: Partial<RegistryStrategy> = {},
  options: Partial<StrategyOptions> = {},
): RegistryStrategy {
  const opts = { ...DEFAULTS, ...options };
  const base: RegistryStrategy = {
    applyDefaults: () => {},
    admit: () => {},
    prepareForCreate(obj) {
      clearNamespace(obj, opts.namespaced);
      if (opts.hasStatus) delete obj.status;
      if (opts.generation) (obj.metadata ??= {}).generation = 1;
    },
    prepareForUpdate(obj, old) {
      clearNamespace(obj, opts.namespaced);
      if (opts.hasStatus) keepStatus(obj, old);
      if (opts.generation) bumpGeneration(obj, old, !equal(obj.spec, old.spec));
    },
    prepareForStatusUpdate(obj, old) {
      clearNamespace(obj, opts.namespaced);
      keepAllButStatus(obj, old);
      keepMetadata(obj, old, opts.statusKeepsMetadata);
    },
    validate: () => [],
    validateUpdate: (obj, old) => validateObjectMetaUpdate(obj, old),
    validateAdmission: () => {},
    selectableFields: (obj) => metadataFields(obj, opts.namespaced),
    gracePeriodSeconds: () => 0,
  };
  return { ...base, ...overrides };
}
