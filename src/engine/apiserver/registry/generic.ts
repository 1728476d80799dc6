import equal from 'fast-deep-equal';
import type { KubeObject } from '../../api/object';
import type { Strategy } from '../strategy';

/** Returns the fields every resource lets a field selector name. */
export function metadataFields(obj: KubeObject): Record<string, string> {
  const out: Record<string, string> = { 'metadata.name': obj.metadata?.name ?? '' };
  if (obj.metadata?.namespace !== undefined) out['metadata.namespace'] = obj.metadata.namespace;
  return out;
}

/**
 * Builds the behaviour shared by every resource: status kept out of main-resource writes,
 * generation bumped only by spec changes, metadata-only field selectors, immediate deletion.
 */
export function genericStrategy(
  overrides: Partial<Strategy> = {},
  opts: { hasStatus?: boolean } = {},
): Strategy {
  const hasStatus = opts.hasStatus ?? true;
  const base: Strategy = {
    applyDefaults: () => {},
    admit: () => {},
    prepareForCreate(obj) {
      if (hasStatus) delete obj.status;
      if (obj.spec !== undefined) (obj.metadata ??= {}).generation = 1;
    },
    prepareForUpdate(obj, old) {
      if (hasStatus) {
        if (old.status === undefined) delete obj.status;
        else obj.status = old.status;
      }
      const meta = (obj.metadata ??= {});
      const gen = old.metadata?.generation;
      if (gen !== undefined) meta.generation = equal(obj.spec, old.spec) ? gen : gen + 1;
    },
    prepareForStatusUpdate(obj, old) {
      const status = obj.status;
      for (const k of Object.keys(obj)) if (k !== 'metadata' && k !== 'status') delete obj[k];
      for (const [k, v] of Object.entries(old)) if (k !== 'metadata' && k !== 'status') obj[k] = v;
      obj.status = status;
      // Status writes may not change labels, annotations or finalizers either.
      const meta = (obj.metadata ??= {});
      const prev = old.metadata ?? {};
      for (const f of ['labels', 'annotations', 'finalizers', 'ownerReferences'] as const) {
        if (prev[f] === undefined) delete meta[f];
        else (meta as Record<string, unknown>)[f] = prev[f];
      }
    },
    validate: () => [],
    validateUpdate: () => [],
    validateAdmission: () => {},
    selectableFields: metadataFields,
    gracePeriodSeconds: () => 0,
  };
  return { ...base, ...overrides };
}
