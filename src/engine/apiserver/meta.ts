import type { KubeObject } from '../api/object';
import { joined } from '../api/strings';
import { rfc3339 } from '../clock/time';
import type { Rng } from '../rng/rng';
import { conflict } from './errors';

// Metadata the apiserver owns (k8s.io/apiserver/pkg/registry/rest: BeforeCreate/BeforeUpdate).

/** The alphabet of generated name suffixes: no vowels, no 0, 1 or 3, so no words appear. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Appends five random characters to a generateName base, cut to fit 63 characters. */
export function generateName(base: string, rng: Rng): string {
  const cut = base.length > 58 ? base.slice(0, 58) : base;
  return joined(cut, rng.string(NAME_SUFFIX_ALPHABET, 5));
}

/** Sets the metadata a create owns: name from generateName, uid, creationTimestamp. */
export function fillCreateMetadata(obj: KubeObject, rng: Rng, now: number): void {
  const meta = (obj.metadata ??= {});
  if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName, rng);
  meta.uid = rng.uuid();
  meta.creationTimestamp = rfc3339(now);
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.resourceVersion;
  delete meta.selfLink;
  omitEmptyMetadata(meta);
}

/**
 * Drops empty labels, annotations, finalizers, ownerReferences and managedFields: ObjectMeta
 * tags them omitempty, so an object whose last owner reference was removed shows none at all.
 */
function omitEmptyMetadata(meta: NonNullable<KubeObject['metadata']>): void {
  for (const field of ['labels', 'annotations'] as const) {
    const v = meta[field];
    if (v && Object.keys(v).length === 0) delete meta[field];
  }
  for (const field of ['finalizers', 'ownerReferences', 'managedFields'] as const)
    if (meta[field]?.length === 0) delete meta[field];
}

/** Carries over the metadata an update may not change: uid, creation and deletion stamps. */
export function keepUpdateMetadata(
  obj: KubeObject,
  old: KubeObject,
  qualifiedResource: string,
): void {
  const meta = (obj.metadata ??= {});
  const prev = old.metadata ?? {};
  // A uid in the body is a precondition: it must still be the stored object's.
  if (meta.uid && meta.uid !== prev.uid) {
    throw conflict(
      qualifiedResource,
      prev.name ?? '',
      `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${prev.uid ?? ''}`,
    );
  }
  meta.uid = prev.uid;
  meta.creationTimestamp = prev.creationTimestamp;
  if (prev.generateName !== undefined) meta.generateName = prev.generateName;
  else delete meta.generateName;
  if (prev.deletionTimestamp) meta.deletionTimestamp = prev.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (prev.deletionGracePeriodSeconds !== undefined)
    meta.deletionGracePeriodSeconds = prev.deletionGracePeriodSeconds;
  else delete meta.deletionGracePeriodSeconds;
  if (prev.generation !== undefined) meta.generation = prev.generation;
  omitEmptyMetadata(meta);
}
