import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { wireCopy } from '../../api/object';
import { defaultPod } from '../defaults/podSpec';
import { formatFieldError } from '../errors';
import { POD_UPDATABLE_FIELDS, validatePodUpdate } from './podUpdate';
import { validatePodStatusUpdate } from './podStatus';

function stored(): Pod {
  const pod = {
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      containers: [{ name: 'web', image: 'nginx:1.25' }],
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    },
  } as Pod;
  defaultPod(pod);
  return pod;
}

function update(mutate: (p: Pod) => void): string[] {
  const old = stored();
  const next = wireCopy(old);
  mutate(next);
  return validatePodUpdate(next, old).map(formatFieldError);
}

describe('pod updates', () => {
  it.each<[string, (p: Pod) => void]>([
    ['a new image', (p) => (p.spec!.containers[0]!.image = 'nginx:1.26')],
    ['a shorter activeDeadlineSeconds', (p) => (p.spec!.activeDeadlineSeconds = 30)],
    [
      'an added toleration',
      (p) => p.spec!.tolerations!.push({ key: 'dedicated', operator: 'Exists' }),
    ],
    ['a changed tolerationSeconds', (p) => (p.spec!.tolerations![0]!.tolerationSeconds = 30)],
    ['new labels', (p) => (p.metadata!.labels = { app: 'web' })],
  ])('allows %s', (_what, mutate) => {
    expect(update(mutate)).toEqual([]);
  });

  it('allows an unchanged toleration that has no tolerationSeconds (a status write keeps it)', () => {
    const old = stored();
    old.spec!.tolerations!.push({
      key: 'dedicated',
      operator: 'Equal',
      value: 'gpu',
      effect: 'NoSchedule',
    });
    const next = wireCopy(old);
    next.metadata!.labels = { touched: 'yes' };
    expect(validatePodUpdate(next, old).map(formatFieldError)).toEqual([]);
  });

  it('forbids other spec changes with the upstream message', () => {
    const [err] = update((p) => (p.spec!.restartPolicy = 'Never'));
    expect(err).toBe(
      `spec: Forbidden: pod updates may not change fields other than ${POD_UPDATABLE_FIELDS}\n  core.PodSpec{\n- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",\n  }`,
    );
    expect(POD_UPDATABLE_FIELDS).toBe(
      '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });

  it.each<[string, (p: Pod) => void, string]>([
    [
      'an added container',
      (p) => p.spec!.containers.push({ ...p.spec!.containers[0]!, name: 'side' }),
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ],
    [
      'a removed toleration',
      (p) => (p.spec!.tolerations = []),
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ],
  ])('reports %s', (_what, mutate, expected) => {
    expect(update(mutate)).toEqual([expected]);
  });

  it('only lets activeDeadlineSeconds shrink', () => {
    const old = stored();
    old.spec!.activeDeadlineSeconds = 30;
    const next = wireCopy(old);
    next.spec!.activeDeadlineSeconds = 60;
    expect(validatePodUpdate(next, old).map(formatFieldError)).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
    ]);
  });
});

describe('pod status writes', () => {
  it('keeps the QoS class and terminated containers of pods that do not restart', () => {
    const old = stored();
    old.spec!.restartPolicy = 'Never';
    old.status = {
      qosClass: 'BestEffort',
      containerStatuses: [
        {
          name: 'web',
          image: 'nginx',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: { terminated: { exitCode: 0 } },
        },
      ],
    };
    const next = wireCopy(old);
    next.status!.qosClass = 'Burstable';
    next.status!.containerStatuses![0]!.state = { running: {} };
    expect(validatePodStatusUpdate(next, old).map(formatFieldError)).toEqual([
      'status.qosClass: Invalid value: "Burstable": field is immutable',
      'status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state',
    ]);
  });
});
