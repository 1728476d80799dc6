import { describe, expect, it } from 'vitest';
import { fixtureAttributes, fixturePod, rejection } from './fixtures';
import { priority } from './priority';

describe('Priority', () => {
  it('gives a pod without a class priority 0 and PreemptLowerPriority', () => {
    const p = fixturePod();
    priority.admit(fixtureAttributes(p));
    expect(p.spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('resolves the built-in system classes', () => {
    const p = fixturePod({ priorityClassName: 'system-node-critical' });
    priority.admit(fixtureAttributes(p));
    expect(p.spec?.priority).toBe(2000001000);
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
  ])('refuses %j', (spec, message) => {
    expect(rejection(priority, fixtureAttributes(fixturePod(spec)))).toEqual({
      code: 403,
      message,
    });
  });

  it('restores the priority an update left out', () => {
    const old = fixturePod({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    const p = fixturePod();
    priority.admit(fixtureAttributes(p, { operation: 'UPDATE', old }));
    expect(p.spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });
});
