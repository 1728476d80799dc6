import { describe, expect, it } from 'vitest';
import type { PriorityClass } from '../../api/types';
import { systemPriorityClasses } from '../registry/priorityclasses/system';
import { StatusError } from '../errors';
import { fixtureAttributes, fixtureContext, fixturePod, rejection } from './fixtures';
import { priority, validatePriorityClassAdmission } from './priority';

const pc = (name: string, value: number, extra: Partial<PriorityClass> = {}): PriorityClass => ({
  metadata: { name },
  value,
  preemptionPolicy: 'PreemptLowerPriority',
  ...extra,
});

const classes = [
  ...systemPriorityClasses(),
  pc('high', 1000),
  pc('polite', 500, { preemptionPolicy: 'Never' }),
];

const admit = (spec: Parameters<typeof fixturePod>[0], stored = classes) => {
  const p = fixturePod(spec);
  priority.admit(fixtureAttributes(p, { ctx: fixtureContext(1, stored) }));
  return p.spec;
};

describe('Priority admission of pods', () => {
  it('gives a pod without a class priority 0 and PreemptLowerPriority [PRIO2]', () => {
    expect(admit({})).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    expect(admit({})?.priorityClassName).toBeUndefined();
  });

  it.each([
    ['system-node-critical', 2000001000, 'PreemptLowerPriority'],
    ['high', 1000, 'PreemptLowerPriority'],
    ['polite', 500, 'Never'],
  ])('resolves %s from the stored classes [PRIO1]', (name, value, policy) => {
    expect(admit({ priorityClassName: name })).toMatchObject({
      priority: value,
      preemptionPolicy: policy,
    });
  });

  it('gives the globalDefault class, name included, to pods naming none [PRIO2]', () => {
    const stored = [...classes, pc('dflt', 7, { globalDefault: true })];
    expect(admit({}, stored)).toMatchObject({ priorityClassName: 'dflt', priority: 7 });
  });

  it('picks the lowest of several globalDefault classes [PRIO2]', () => {
    const stored = [
      pc('a', 9, { globalDefault: true }),
      pc('b', 3, { globalDefault: true, preemptionPolicy: 'Never' }),
    ];
    expect(admit({}, stored)).toMatchObject({
      priorityClassName: 'b',
      priority: 3,
      preemptionPolicy: 'Never',
    });
  });

  it.each([
    [
      { priorityClassName: 'gold' },
      'pods "web" is forbidden: no PriorityClass with name gold was found',
    ],
    [
      { priority: 5 },
      'pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    ],
    [
      { priorityClassName: 'polite', preemptionPolicy: 'PreemptLowerPriority' },
      'pods "web" is forbidden: the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in pod spec; priority admission controller computed Never from the given PriorityClass name',
    ],
  ])('refuses %j [PRIO1][PRIO3]', (spec, message) => {
    const a = fixtureAttributes(fixturePod(spec), { ctx: fixtureContext(1, classes) });
    expect(rejection(priority, a)).toEqual({ code: 403, message });
  });

  it('accepts a priority equal to the computed one [PRIO3]', () => {
    expect(admit({ priorityClassName: 'high', priority: 1000 })?.priority).toBe(1000);
  });

  it('restores the priority an update left out [PRIO4]', () => {
    const old = fixturePod({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    const p = fixturePod();
    priority.admit(fixtureAttributes(p, { operation: 'UPDATE', old }));
    expect(p.spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });
});

describe('Priority validation of PriorityClasses [PRIO5]', () => {
  const stored = [...classes, pc('dflt', 7, { globalDefault: true })];
  const check = (obj: PriorityClass, old?: PriorityClass): string | undefined => {
    try {
      validatePriorityClassAdmission(obj, old, fixtureContext(1, stored));
      return undefined;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return e.message;
    }
  };

  it('refuses a second default, on create or by update', () => {
    const msg =
      'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass dflt is already marked as default. Only one default can exist';
    expect(check(pc('other', 1, { globalDefault: true }))).toBe(msg);
    expect(check(pc('other', 1, { globalDefault: true }), pc('other', 1))).toBe(msg);
  });

  it('lets the default class stay the default, and others stay non-default', () => {
    const dflt = pc('dflt', 7, { globalDefault: true });
    expect(check(dflt, dflt)).toBeUndefined();
    expect(check(pc('other', 1))).toBeUndefined();
  });
});
