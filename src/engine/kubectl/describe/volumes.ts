import type { PodSpec } from '../../api/types';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer';

// The Volumes section (describe.go describeVolumes and its print*VolumeSource helpers) for the
// volume types a Wheelhouse pod can carry; anything else prints "<unknown>" as kubectl does for
// types it does not know.

type Volume = NonNullable<PodSpec['volumes']>[number];
type Projection = NonNullable<NonNullable<Volume['projected']>['sources']>[number];

// kubectl v1.31 prints the *bool Optional fields of projected sources with %v: "<nil>" when unset,
// and a pointer address when set (kubernetes/kubectl#1694, fixed in v1.33).
const POINTER = '0xc000a3b6c8';

/** Prints "Volumes:" and each volume's type and source, or "Volumes:\t<none>". */
export function describeVolumes(
  w: PrefixWriter,
  volumes: readonly Volume[] | undefined,
  space: string,
): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    describeSource(w, v);
  }
}

function describeSource(w: PrefixWriter, v: Volume): void {
  if (v.hostPath) {
    w.write(
      LEVEL_2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`,
    );
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit ? String(v.emptyDir.sizeLimit) : '<unset>';
    w.write(
      LEVEL_2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`,
    );
  } else if (v.secret) {
    w.write(
      LEVEL_2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`,
    );
  } else if (v.configMap) {
    w.write(
      LEVEL_2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`,
    );
  } else if (v.persistentVolumeClaim) {
    w.write(
      LEVEL_2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`,
    );
  } else {
    describeOtherSource(w, v);
  }
}

function describeOtherSource(w: PrefixWriter, v: Volume): void {
  if (v.downwardAPI) {
    w.write(
      LEVEL_2,
      'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n',
    );
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef)
        w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    w.write(
      LEVEL_2,
      'Type:\tProjected (a volume that contains injected data from multiple sources)\n',
    );
    for (const source of v.projected.sources ?? []) describeProjection(w, source);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

function optional(value: boolean | undefined): string {
  return value === undefined ? '<nil>' : POINTER;
}

// printProjectedVolumeSource of v1.31: the kube-api-access-* volume reads
// TokenExpirationSeconds 3607, ConfigMapName kube-root-ca.crt, ConfigMapOptional <nil>, DownwardAPI.
function describeProjection(w: PrefixWriter, s: Projection): void {
  if (s.secret) {
    w.write(
      LEVEL_2,
      `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${optional(s.secret.optional)}\n`,
    );
  } else if (s.downwardAPI) {
    w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
  } else if (s.configMap) {
    w.write(
      LEVEL_2,
      `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${optional(s.configMap.optional)}\n`,
    );
  } else if (s.serviceAccountToken) {
    w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
  }
}
