import type { Event, Lease, Namespace } from '../../api/types';
import type { FieldError } from '../errors';
import { child, invalid, invalidEach, required } from './field';
import { kubeFinalizerErrors } from './objectMeta';
import { isDNS1123Subdomain, isQualifiedName } from './names';

// Namespaces, Events and Leases (core validation: ValidateNamespace, ValidateNamespaceStatusUpdate,
// legacyValidateEvent; coordination validation: ValidateLeaseSpec).

/** Validates a namespace's spec.finalizers (upstream reports them at the list's path). */
export function validateNamespace(ns: Namespace): FieldError[] {
  return (ns.spec?.finalizers ?? []).flatMap((f) => [
    ...invalidEach('spec.finalizers', f, isQualifiedName(f)),
    ...kubeFinalizerErrors(f, 'spec.finalizers'),
  ]);
}

/** Validates a namespace status write: Active exactly when not being deleted. */
export function validateNamespaceStatus(ns: Namespace): FieldError[] {
  const phase = ns.status?.phase ?? '';
  if (!ns.metadata?.deletionTimestamp)
    return phase === 'Active'
      ? []
      : [invalid('status.Phase', phase, "may only be 'Active' if `deletionTimestamp` is empty")];
  return phase === 'Terminating'
    ? []
    : [
        invalid(
          'status.Phase',
          phase,
          "may only be 'Terminating' if `deletionTimestamp` is not empty",
        ),
      ];
}

/**
 * Validates a core/v1 Event with the legacy rules that API version keeps: the event's namespace
 * must match the involved object's (cluster-scoped objects' events live in "default").
 */
export function validateEvent(ev: Event): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata?.namespace ?? '';
  const involved = ev.involvedObject?.namespace ?? '';
  const mismatch = invalid('involvedObject.namespace', involved, 'does not match event.namespace');
  if (!ev.eventTime) {
    if (involved === '' ? ns !== '' && ns !== 'default' : ns !== involved) errs.push(mismatch);
  } else {
    if (involved === '' && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch);
    errs.push(...validateNewStyleEvent(ev));
  }
  errs.push(...invalidEach('namespace', ns, isDNS1123Subdomain(ns)));
  return errs;
}

// Events with eventTime set (events.k8s.io style) must say who reported them and why.
function validateNewStyleEvent(ev: Event): FieldError[] {
  const errs: FieldError[] = [];
  const controller = ev.reportingComponent ?? '';
  if (!controller) errs.push(required('reportingController'));
  errs.push(...invalidEach('reportingController', controller, isQualifiedName(controller)));
  const limits: [keyof Event, string, number][] = [
    ['reportingInstance', 'reportingInstance', 128],
    ['action', 'action', 128],
    ['reason', 'reason', 128],
  ];
  for (const [field, path, max] of limits) {
    const v = String(ev[field] ?? '');
    if (!v) errs.push(required(path));
    if (v.length > max) errs.push(invalid(path, '', `can have at most ${max} characters`));
  }
  if ((ev.message ?? '').length > 1024)
    errs.push(invalid('message', '', 'can have at most 1024 characters'));
  return errs;
}

/** Validates a Lease's spec (ValidateLeaseSpec). */
export function validateLease(lease: Lease): FieldError[] {
  const errs: FieldError[] = [];
  const spec = lease.spec ?? {};
  if (spec.leaseDurationSeconds != null && spec.leaseDurationSeconds <= 0)
    errs.push(
      invalid(
        child('spec', 'leaseDurationSeconds'),
        spec.leaseDurationSeconds,
        'must be greater than 0',
      ),
    );
  if (spec.leaseTransitions != null && spec.leaseTransitions < 0)
    errs.push(
      invalid(
        child('spec', 'leaseTransitions'),
        spec.leaseTransitions,
        'must be greater than or equal to 0',
      ),
    );
  return errs;
}
