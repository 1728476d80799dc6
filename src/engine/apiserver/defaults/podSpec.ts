import type { Pod, PodSpec } from '../../api/types';
import { defaultContainer } from './container';

// PodSpec and Pod defaults (pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, SetDefaults_Pod,
// SetDefaults_Volume and the volume-source defaulters). SetDefaults_Pod runs for Pods only, so
// templates in Deployments get neither enableServiceLinks nor requests copied from limits.

/** The scheduler a pod gets when it names none (v1.DefaultSchedulerName). */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
/** The grace period a pod gets when it names none (v1.DefaultTerminationGracePeriodSeconds). */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** 0644: the file mode secret, configMap, downwardAPI and projected volumes default to. */
export const DEFAULT_VOLUME_MODE = 420;

type Volume = NonNullable<PodSpec['volumes']>[number];

const SOURCE_KEYS = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
] as const;

function defaultVolume(v: Volume): void {
  const source = v as unknown as Record<string, unknown>;
  if (SOURCE_KEYS.every((k) => source[k] == null)) v.emptyDir = {};
  if (v.hostPath) v.hostPath.type ??= '';
  for (const s of [v.secret, v.configMap, v.downwardAPI, v.projected])
    if (s) s.defaultMode ??= DEFAULT_VOLUME_MODE;
  for (const item of v.downwardAPI?.items ?? [])
    if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  for (const p of v.projected?.sources ?? []) {
    if (p.serviceAccountToken) p.serviceAccountToken.expirationSeconds ??= 3600;
    for (const item of p.downwardAPI?.items ?? [])
      if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  }
}

/** Applies SetDefaults_PodSpec and the nested container and volume defaults, in place. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  spec.schedulerName ||= DEFAULT_SCHEDULER_NAME;
  // v1 conversion: the deprecated serviceAccount field is an alias for serviceAccountName.
  if (!spec.serviceAccountName && spec.serviceAccount)
    spec.serviceAccountName = spec.serviceAccount;
  for (const v of spec.volumes ?? []) defaultVolume(v);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
}

/** Mirrors serviceAccountName into the deprecated serviceAccount field, as v1 output does. */
export function syncDeprecatedServiceAccount(spec: PodSpec | undefined): void {
  if (!spec) return;
  if (!spec.serviceAccountName) delete spec.serviceAccount;
  else if (spec.serviceAccount !== spec.serviceAccountName)
    spec.serviceAccount = spec.serviceAccountName;
}

/** Applies every Pod default in place: the PodSpec's, then SetDefaults_Pod's. */
export function defaultPod(pod: Pod): void {
  const spec = (pod.spec ??= { containers: [] });
  defaultPodSpec(spec);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = ((c.resources ??= {}).requests ??= {});
    for (const [name, q] of Object.entries(limits)) if (!(name in requests)) requests[name] = q;
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])])
      for (const port of c.ports ?? []) port.hostPort ||= port.containerPort;
  }
}
