import type { ContainerStatus, Pod } from '../../api/types';
import type { FieldError } from '../errors';
import { child, forbidden, index, invalid, invalidEach } from './field';
import { validateLabelName } from './labels';
import { isDNS1123Subdomain } from './names';

// Pod status writes (core validation: ValidatePodStatusUpdate): the QoS class is fixed at
// creation, and a container that should not restart may not leave the terminated state.

const SYSTEM_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized']);

function validateStateTransitions(
  next: readonly ContainerStatus[],
  prev: readonly ContainerStatus[],
  restartPolicy: string,
  path: string,
): FieldError[] {
  if (restartPolicy === 'Always') return [];
  const errs: FieldError[] = [];
  prev.forEach((old, i) => {
    const term = old.state?.terminated;
    if (!term) return;
    if (term.exitCode !== 0 && restartPolicy === 'OnFailure') return;
    for (const s of next) {
      if (s.name === old.name && !s.state?.terminated)
        errs.push(
          forbidden(
            child(index(path, i), 'state'),
            'may not be transitioned to non-terminated state',
          ),
        );
    }
  });
  return errs;
}

/** Validates a pod's status against its previous status. */
export function validatePodStatusUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs: FieldError[] = [];
  const status = pod.status ?? {};
  const prev = old.status ?? {};
  (status.conditions ?? []).forEach((c, i) => {
    if (!SYSTEM_CONDITIONS.has(c.type))
      errs.push(...validateLabelName(c.type, child(index('metadata.conditions', i), 'Type')));
  });
  const nominated = status.nominatedNodeName;
  if (nominated && nominated !== prev.nominatedNodeName)
    errs.push(...invalidEach('status.nominatedNodeName', nominated, isDNS1123Subdomain(nominated)));
  if ((status.qosClass ?? '') !== (prev.qosClass ?? ''))
    errs.push(invalid('status.qosClass', status.qosClass ?? '', 'field is immutable'));
  const policy = old.spec?.restartPolicy ?? 'Always';
  errs.push(
    ...validateStateTransitions(
      status.containerStatuses ?? [],
      prev.containerStatuses ?? [],
      policy,
      'status.containerStatuses',
    ),
  );
  return errs;
}
