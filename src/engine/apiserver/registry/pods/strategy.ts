import type { Pod } from '../../../api/types';
import { POD_ADMISSION } from '../../admission/chains';
import { defaultPod, syncDeprecatedServiceAccount } from '../../defaults/podSpec';
import { dedupe } from '../../validation/field';
import { validateObjectMetaUpdate } from '../../validation/objectMeta';
import { validatePodCreate } from '../../validation/pod';
import { validatePodStatusUpdate } from '../../validation/podStatus';
import { validatePodUpdate } from '../../validation/podUpdate';
import { admitWith } from '../admit';
import { decodingDefaults } from '../defaulting';
import { genericStrategy, keepAllButStatus, keepMetadata, keepStatus } from '../generic';
import { podGracePeriodSeconds, podSelectableFields } from './fields';
import { computePodQOS } from './qos';

// Pods (pkg/registry/core/pod/strategy.go). In v1.31 pods carry no metadata.generation: it
// arrived with pod generation tracking in v1.33.

/** The reason of the PodScheduled=False condition a gated pod is created with. */
export const SCHEDULING_GATED = 'SchedulingGated';
/** Its message, as `kubectl describe pod` shows it. */
export const SCHEDULING_GATED_MESSAGE = 'Scheduling is blocked due to non-empty scheduling gates';

function initialStatus(pod: Pod): NonNullable<Pod['status']> {
  const status: NonNullable<Pod['status']> = { phase: 'Pending', qosClass: computePodQOS(pod) };
  // applySchedulingGatedCondition: the scheduler will not look at a gated pod, so say why now.
  if (pod.spec?.schedulingGates?.length) {
    status.conditions = [
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null as unknown as string,
        lastTransitionTime: null as unknown as string,
        reason: SCHEDULING_GATED,
        message: SCHEDULING_GATED_MESSAGE,
      },
    ];
  }
  return status;
}

/** The pod strategy. */
export const podStrategy = genericStrategy(
  {
    applyDefaults: decodingDefaults<Pod>('Pod', defaultPod),
    admit: admitWith(POD_ADMISSION, 'pods', 'pods'),
    prepareForCreate(obj) {
      const pod = obj as Pod;
      pod.status = initialStatus(pod);
      syncDeprecatedServiceAccount(pod.spec);
    },
    prepareForUpdate(obj, old) {
      keepStatus(obj, old);
      syncDeprecatedServiceAccount((obj as Pod).spec);
    },
    prepareForStatusUpdate(obj, old) {
      keepAllButStatus(obj, old);
      // Old kubelets corrupted owner references through pods/status, so upstream ignores them.
      keepMetadata(obj, old, ['ownerReferences']);
      const status = ((obj as Pod).status ??= {});
      status.qosClass ||= (old as Pod).status?.qosClass;
      if (!status.qosClass) delete status.qosClass;
    },
    validate: (obj) => dedupe(validatePodCreate(obj as Pod)),
    // One hook serves main and status writes: each leaves the other half as stored, so the
    // checks for the other half pass trivially.
    validateUpdate: (obj, old) =>
      dedupe([
        ...validateObjectMetaUpdate(obj, old),
        ...validatePodUpdate(obj as Pod, old as Pod),
        ...validatePodStatusUpdate(obj as Pod, old as Pod),
      ]),
    selectableFields: podSelectableFields,
    gracePeriodSeconds: podGracePeriodSeconds,
  },
  { hasStatus: true, namespaced: true },
);
