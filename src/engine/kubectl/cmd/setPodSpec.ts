import type { KubeObject } from '../../api/object';
import type { PodSpec } from '../../api/types';
import { KubectlError } from '../errors';

// polymorphichelpers.updatePodSpecForObject: where each workload kind keeps the pod spec that
// kubectl set edits.

interface Templated {
  spec?: {
    template?: { spec?: PodSpec };
    jobTemplate?: { spec?: { template?: { spec?: PodSpec } } };
  };
}

const TEMPLATED = new Set([
  'ReplicationController',
  'Deployment',
  'DaemonSet',
  'ReplicaSet',
  'StatefulSet',
  'Job',
]);

/** Returns the pod spec of a (mutable) object; throws for kinds without a pod template. */
export function podSpecOf(obj: KubeObject): PodSpec {
  const o = obj as KubeObject & Templated;
  if (obj.kind === 'Pod') return ((o as { spec?: PodSpec }).spec ??= { containers: [] });
  const spec = (o.spec ??= {});
  if (TEMPLATED.has(obj.kind ?? '')) return ((spec.template ??= {}).spec ??= { containers: [] });
  if (obj.kind === 'CronJob') {
    const job = ((spec.jobTemplate ??= {}).spec ??= {});
    return ((job.template ??= {}).spec ??= { containers: [] });
  }
  // %T of the typed object: every kind the simulator serves is in a v1 Go package.
  const version = (obj.apiVersion ?? 'v1').split('/').pop() ?? 'v1';
  throw new KubectlError(
    `the object is not a pod or does not have a pod template: *${version}.${obj.kind ?? ''}`,
  );
}
