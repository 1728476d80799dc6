import type { Container, Pod, PodSpec } from '../../api/types';
import { generateName } from '../meta';
import type { Rng } from '../../rng/rng';
import type { AdmissionPlugin } from './types';

// ServiceAccount (plugin/pkg/admission/serviceaccount): on pod create, name the "default"
// service account and mount a bound token as the projected volume kube-api-access-<5 random>
// at /var/run/secrets/kubernetes.io/serviceaccount in every container.

/** The plugin's name. */
export const SERVICE_ACCOUNT = 'ServiceAccount';
/** The service account a pod gets when it names none. */
export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';
/** The prefix of the generated token volume's name. */
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access';
/** Where every container finds its token, CA bundle and namespace. */
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** Token lifetime the plugin asks for: one hour and seven seconds (WarnOnlyBoundTokenExpirationSeconds). */
export const TOKEN_EXPIRATION_SECONDS = 3607;
/** The annotation the kubelet sets on mirror pods, which this plugin leaves alone. */
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

type Volume = NonNullable<PodSpec['volumes']>[number];

/** Returns the projected volume source for the token (TokenVolumeSource), defaultMode 0644. */
export function tokenVolumeSource(): NonNullable<Volume['projected']> {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [
            { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
          ],
        },
      },
    ],
  };
}

function mountInto(containers: Container[] | undefined, volumeName: string): boolean {
  let mounted = false;
  for (const c of containers ?? []) {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue;
    (c.volumeMounts ??= []).push({
      name: volumeName,
      readOnly: true,
      mountPath: DEFAULT_API_TOKEN_MOUNT_PATH,
    });
    mounted = true;
  }
  return mounted;
}

/** Mounts the token volume into every container that has nothing at the token path. */
export function mountServiceAccountToken(spec: PodSpec, rng: Rng): void {
  const existing = (spec.volumes ?? []).find((v) =>
    v.name.startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`),
  );
  const volumeName = existing?.name ?? generateName(`${SERVICE_ACCOUNT_VOLUME_NAME}-`, rng);
  const inits = mountInto(spec.initContainers, volumeName);
  const regular = mountInto(spec.containers, volumeName);
  if (!existing && (inits || regular))
    (spec.volumes ??= []).push({ name: volumeName, projected: tokenVolumeSource() });
}

/** ServiceAccount admission: pods on create only. */
export const serviceAccount: AdmissionPlugin = {
  name: SERVICE_ACCOUNT,
  admit(a) {
    if (a.resource !== 'pods' || a.operation !== 'CREATE') return;
    const pod = a.obj as Pod;
    if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
    const spec = (pod.spec ??= { containers: [] });
    spec.serviceAccountName ||= DEFAULT_SERVICE_ACCOUNT_NAME;
    // The pod's automountServiceAccountToken wins; the default ServiceAccount does not opt out.
    if (spec.automountServiceAccountToken === false) return;
    mountServiceAccountToken(spec, a.ctx.rng);
  },
};
