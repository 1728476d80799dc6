import type { PodSpec } from '../../api/types';
import type { FieldError } from '../errors';
import { child, duplicate, forbidden, index, invalidEach, required } from './field';
import { isDNS1123Label } from './names';

// Pod volumes (core validation: ValidateVolumes, validateVolumeSource). Source-specific checks
// cover the sources the simulator's lessons use; every source counts toward "one type only".

type Volume = NonNullable<PodSpec['volumes']>[number];

// Upstream checks sources in this order and names the second one in its Forbidden error; the
// path spellings "cephFS" and "downwarAPI" are upstream's own.
const SOURCES: readonly [string, string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

// The one required field of the sources lessons use.
const REQUIRED_FIELD: Record<string, string> = {
  hostPath: 'path',
  secret: 'secretName',
  configMap: 'name',
  persistentVolumeClaim: 'claimName',
};

function validateSource(vol: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const source = vol as unknown as Record<string, Record<string, unknown> | undefined>;
  let count = 0;
  for (const [field, pathName] of SOURCES) {
    const value = source[field];
    if (value == null) continue;
    if (count > 0) {
      errs.push(forbidden(child(path, pathName), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    const req = REQUIRED_FIELD[field];
    if (req && !value[req]) errs.push(required(child(path, field, req)));
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** Validates pod volumes and returns the names containers may mount. */
export function validateVolumes(
  volumes: readonly Volume[] | undefined,
  path: string,
): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  (volumes ?? []).forEach((vol, i) => {
    const p = index(path, i);
    const namePath = child(p, 'name');
    const el = validateSource(vol, p);
    if (!vol.name) el.push(required(namePath));
    else el.push(...invalidEach(namePath, vol.name, isDNS1123Label(vol.name)));
    if (names.has(vol.name)) el.push(duplicate(namePath, vol.name));
    if (el.length === 0) names.add(vol.name);
    else errors.push(...el);
  });
  return { names, errors };
}
