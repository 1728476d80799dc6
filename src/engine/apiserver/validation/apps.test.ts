import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/types';
import { wireCopy } from '../../api/object';
import { defaultDeployment, defaultReplicaSet } from '../defaults/apps';
import { formatFieldError } from '../errors';
import { validateDeploymentSpec, validateReplicaSetSpec, validateSelectorImmutable } from './apps';

// Deployment and ReplicaSet validation, asserted as the field errors of the Status message
// (`Deployment.apps "web" is invalid: <these>`).

function deployment(mutate: (d: Deployment) => void = () => {}): Deployment {
  const d = {
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
      },
    },
  } as Deployment;
  mutate(d);
  defaultDeployment(d);
  return d;
}

const errorsOf = (d: Deployment) => validateDeploymentSpec(d).map(formatFieldError);

describe('Deployment validation', () => {
  it('accepts the defaulted Deployment kubectl create deployment sends', () => {
    expect(errorsOf(deployment())).toEqual([]);
  });

  it.each<[string, (d: Deployment) => void, string[]]>([
    [
      'a selector that does not match the template',
      (d) => (d.spec!.template.metadata!.labels = { app: 'other' }),
      [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'no selector',
      (d) => delete (d.spec as Partial<NonNullable<Deployment['spec']>>).selector,
      [
        'spec.selector: Required value',
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'an empty selector',
      (d) => (d.spec!.selector = {}),
      [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    ],
    [
      'negative replicas',
      (d) => (d.spec!.replicas = -1),
      ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'maxSurge and maxUnavailable both 0',
      (d) =>
        (d.spec!.strategy = {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: 0, maxUnavailable: 0 },
        }),
      [
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
      ],
    ],
    [
      'a maxUnavailable above 100%',
      (d) =>
        (d.spec!.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } }),
      [
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%',
      ],
    ],
    [
      'rollingUpdate with Recreate',
      (d) => (d.spec!.strategy = { type: 'Recreate', rollingUpdate: {} }),
      [
        "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
      ],
    ],
    [
      'a template that may stop',
      (d) => (d.spec!.template.spec!.restartPolicy = 'OnFailure'),
      [
        'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      ],
    ],
    [
      'a deadline shorter than minReadySeconds',
      (d) => Object.assign(d.spec!, { minReadySeconds: 30, progressDeadlineSeconds: 10 }),
      ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds'],
    ],
  ])('refuses %s', (_what, mutate, expected) => {
    expect(errorsOf(deployment(mutate))).toEqual(expected);
  });

  it('refuses a changed selector on update (apps/v1)', () => {
    const old = deployment();
    const next = wireCopy(old);
    next.spec!.selector = { matchLabels: { app: 'web2' } };
    expect(validateSelectorImmutable(next, old).map(formatFieldError)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});

describe('ReplicaSet validation', () => {
  it('validates like a Deployment, naming ReplicaSet where upstream does', () => {
    const rs = {
      spec: {
        replicas: -2,
        selector: { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { activeDeadlineSeconds: 5, containers: [{ name: 'a', image: 'a' }] },
        },
      },
    } as unknown as ReplicaSet;
    defaultReplicaSet(rs);
    expect(validateReplicaSetSpec(rs).map(formatFieldError)).toEqual([
      'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"In", Values:[]string{}}}}: invalid label selector',
    ]);
    rs.spec!.selector = { matchLabels: { app: 'web' } };
    expect(validateReplicaSetSpec(rs).map(formatFieldError)).toContain(
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    );
  });
});
