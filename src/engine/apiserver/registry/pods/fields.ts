import type { KubeObject } from '../../../api/object';
import type { Pod } from '../../../api/types';

// What a pod exposes to field selectors (pkg/registry/core/pod/strategy.go: ToSelectableFields)
// and how long its graceful deletion takes (CheckGracefulDelete).

/** Returns a pod's selectable fields; every key is present even when its value is empty. */
export function podSelectableFields(obj: KubeObject): Record<string, string> {
  const pod = obj as Pod;
  const spec = pod.spec;
  const status = pod.status;
  // One literal (metadataFields' two first): the watch cache asks for every pod event.
  return {
    'metadata.name': obj.metadata?.name ?? '',
    'metadata.namespace': obj.metadata?.namespace ?? '',
    'spec.nodeName': spec?.nodeName ?? '',
    'spec.restartPolicy': spec?.restartPolicy ?? '',
    'spec.schedulerName': spec?.schedulerName ?? '',
    'spec.serviceAccountName': spec?.serviceAccountName ?? '',
    'spec.hostNetwork': String(spec?.hostNetwork ?? false),
    'status.phase': status?.phase ?? '',
    'status.podIP': status?.podIPs?.[0]?.ip ?? status?.podIP ?? '',
    'status.nominatedNodeName': status?.nominatedNodeName ?? '',
  };
}

/**
 * Returns the grace period of a pod delete: the requested value, else the pod's
 * terminationGracePeriodSeconds; 0 for a pod never scheduled or already finished; a negative
 * request becomes 1.
 */
export function podGracePeriodSeconds(obj: KubeObject, requested: number | undefined): number {
  const pod = obj as Pod;
  let period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 0;
  if (!pod.spec?.nodeName) period = 0;
  const phase = pod.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') period = 0;
  return period < 0 ? 1 : period;
}
