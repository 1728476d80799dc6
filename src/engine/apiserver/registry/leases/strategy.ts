import type { Lease } from '../../../api/types';
import { NAMESPACED_ADMISSION } from '../../admission/chains';
import { dedupe } from '../../validation/field';
import { validateObjectMetaUpdate } from '../../validation/objectMeta';
import { validateLease } from '../../validation/others';
import { admitWith } from '../admit';
import { genericStrategy } from '../generic';

// Leases (pkg/registry/coordination/lease/strategy.go): the kubelet's heartbeat in
// kube-node-lease. No status, no generation.

/** The Lease strategy. */
export const leaseStrategy = genericStrategy(
  {
    admit: admitWith(NAMESPACED_ADMISSION, 'leases', 'leases.coordination.k8s.io'),
    validate: (obj) => dedupe(validateLease(obj as Lease)),
    validateUpdate: (obj, old) =>
      dedupe([...validateObjectMetaUpdate(obj, old), ...validateLease(obj as Lease)]),
  },
  { hasStatus: false, namespaced: true },
);
