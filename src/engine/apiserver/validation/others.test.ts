import { describe, expect, it } from 'vitest';
import type { Event } from '../../api/types';
import { formatFieldError } from '../errors';
import { validateEvent, validateLease, validateNamespace, validateNamespaceStatus } from './others';

describe('Namespace, Event and Lease validation', () => {
  it('checks namespace finalizers and phases', () => {
    expect(
      validateNamespace({ spec: { finalizers: ['kubernetes', 'mine'] } }).map(formatFieldError),
    ).toEqual([
      'spec.finalizers: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified',
    ]);
    expect(
      validateNamespaceStatus({ metadata: {}, status: { phase: 'Terminating' } }).map(
        formatFieldError,
      ),
    ).toEqual([
      'status.Phase: Invalid value: "Terminating": may only be \'Active\' if `deletionTimestamp` is empty',
    ]);
  });

  it.each<[string, string, string | undefined, string[]]>([
    ['a pod event in its namespace', 'default', 'default', []],
    ['a node event in default', 'default', undefined, []],
    [
      'a pod event in another namespace',
      'kube-system',
      'default',
      ['involvedObject.namespace: Invalid value: "default": does not match event.namespace'],
    ],
  ])('accepts or refuses %s', (_what, ns, involved, expected) => {
    const ev: Event = {
      metadata: { name: 'e', namespace: ns },
      involvedObject: { kind: 'Pod', name: 'web', namespace: involved },
    };
    expect(validateEvent(ev).map(formatFieldError)).toEqual(expected);
  });

  it('checks lease durations', () => {
    expect(
      validateLease({ spec: { leaseDurationSeconds: 0, leaseTransitions: -1 } }).map(
        formatFieldError,
      ),
    ).toEqual([
      'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
      'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });
});
