import type { KubeObject } from '../../../api/object';
import { joined } from '../../../api/strings';
import type { Event } from '../../../api/types';
import { NAMESPACED_ADMISSION } from '../../admission/chains';
import { dedupe } from '../../validation/field';
import { validateEvent } from '../../validation/others';
import { admitWith } from '../admit';
import { genericStrategy, metadataFields } from '../generic';

// core/v1 Events (pkg/registry/core/event/strategy.go): no status, no generation, legacy
// validation only, and a wide set of selectable fields for `kubectl get events
// --field-selector involvedObject.name=web`.

/** Returns an event's selectable fields; "source" falls back to the reporting controller. */
export function eventSelectableFields(obj: KubeObject): Record<string, string> {
  const ev = obj as Event;
  const io = ev.involvedObject ?? {};
  return {
    ...metadataFields(obj),
    'involvedObject.kind': io.kind ?? '',
    'involvedObject.namespace': io.namespace ?? '',
    'involvedObject.name': io.name ?? '',
    'involvedObject.uid': io.uid ?? '',
    'involvedObject.apiVersion': io.apiVersion ?? '',
    'involvedObject.resourceVersion': io.resourceVersion ?? '',
    'involvedObject.fieldPath': io.fieldPath ?? '',
    reason: ev.reason ?? '',
    reportingComponent: ev.reportingComponent ?? '',
    source: ev.source?.component || ev.reportingComponent || '',
    type: ev.type ?? '',
  };
}

/** The Event strategy. */
export const eventStrategy = genericStrategy(
  {
    admit: admitWith(NAMESPACED_ADMISSION, 'events', 'events'),
    validate: (obj) => dedupe(validateEvent(obj as Event)),
    validateUpdate: (obj) => dedupe(validateEvent(obj as Event)),
    selectableFields: eventSelectableFields,
    // A kubelet's events in a row are mostly about one pod: the same involvedObject and source.
    sharingGroup: (obj) => {
      const source = (obj as Event).source;
      return joined(source?.component ?? '', '/', source?.host ?? '');
    },
  },
  { hasStatus: false, namespaced: true },
);
