import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/object';
import type { PriorityClass } from '../../../api/types';
import { Engine } from '../../../engine';

// PriorityClasses through the real Engine: bootstrap, defaulting, validation, admission, delete.

const body = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  ...extra,
});

const create = (e: Engine, obj: KubeObject) =>
  e.request('kubectl', { verb: 'create', resource: 'priorityclasses', body: obj });

const message = (res: ReturnType<typeof create>) => res.error?.message;

describe('PriorityClass registry', () => {
  it('boots with the two system classes', () => {
    const e = new Engine({ nodes: [] });
    const res = e.request('kubectl', { verb: 'list', resource: 'priorityclasses' });
    const items = (res.body as { items: PriorityClass[] }).items;
    expect(items.map((pc) => [pc.metadata?.name, pc.value, pc.preemptionPolicy])).toEqual([
      ['system-cluster-critical', 2000000000, 'PreemptLowerPriority'],
      ['system-node-critical', 2000001000, 'PreemptLowerPriority'],
    ]);
  });

  it('defaults preemptionPolicy and a missing value', () => {
    const res = create(new Engine({ nodes: [] }), body('zero'));
    expect(res.body).toMatchObject({ value: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it.each([
    [
      body('system-mine', { value: 5 }),
      'PriorityClass.scheduling.k8s.io "system-mine" is invalid: metadata.name: Forbidden: priority class names with \'system-\' prefix are reserved for system use only. error: system-mine is not a known system priority class',
    ],
    [
      body('huge', { value: 1000000001 }),
      'PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    ],
    [
      body('odd', { value: 1, preemptionPolicy: 'Sometimes' }),
      'PriorityClass.scheduling.k8s.io "odd" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
    ],
    [
      body('system-node-critical', { value: 2000001000 }),
      'priorityclasses.scheduling.k8s.io "system-node-critical" already exists',
    ],
  ])('refuses %j', (obj, want) => {
    expect(message(create(new Engine({ nodes: [] }), obj))).toBe(want);
  });

  it('keeps value and preemptionPolicy immutable, and the system classes undeletable', () => {
    const e = new Engine({ nodes: [] });
    create(e, body('high', { value: 1000 }));
    const update = (patch: Record<string, unknown>) =>
      e.request('kubectl', {
        verb: 'patch',
        resource: 'priorityclasses',
        name: 'high',
        patchType: 'merge',
        body: patch,
      });
    expect(message(update({ value: 2000 }))).toBe(
      'PriorityClass.scheduling.k8s.io "high" is invalid: value: Forbidden: may not be changed in an update.',
    );
    expect(message(update({ preemptionPolicy: 'Never' }))).toBe(
      'PriorityClass.scheduling.k8s.io "high" is invalid: preemptionPolicy: Invalid value: "Never": field is immutable',
    );
    expect(update({ description: 'for the important ones' }).code).toBe(200);
    const del = e.request('kubectl', {
      verb: 'delete',
      resource: 'priorityclasses',
      name: 'system-cluster-critical',
    });
    expect(message(del)).toBe(
      'priorityclasses.scheduling.k8s.io "system-cluster-critical" is forbidden: this is a system priority class and cannot be deleted',
    );
  });
});
