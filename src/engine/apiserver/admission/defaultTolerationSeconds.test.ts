import { describe, expect, it } from 'vitest';
import type { Toleration } from '../../api/types';
import { fixtureAttributes, fixturePod } from './fixtures';
import { defaultTolerationSeconds } from './defaultTolerationSeconds';

describe('DefaultTolerationSeconds', () => {
  const notReady = {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  };
  const unreachable = {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  };

  it.each([
    ['no tolerations', [], [notReady, unreachable]],
    [
      'its own not-ready toleration',
      [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 30,
        },
      ],
      [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 30,
        },
        unreachable,
      ],
    ],
    ['a toleration of everything', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    [
      'a NoSchedule toleration of not-ready',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }],
      [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' },
        notReady,
        unreachable,
      ],
    ],
  ])('a pod with %s', (_what, tolerations, expected) => {
    const p = fixturePod({
      tolerations: structuredClone(tolerations) as Toleration[],
    });
    defaultTolerationSeconds.admit(fixtureAttributes(p));
    expect(p.spec?.tolerations).toEqual(expected);
  });
});
