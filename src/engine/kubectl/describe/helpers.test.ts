import { describe, expect, it } from 'vitest';
import { printAnnotationsMultiline, printTolerationsMultiline, rfc1123z } from './helpers';
import { tabbedString } from './writer';

describe('describe helpers', () => {
  it("formats times as time.RFC1123Z in UTC, and an unset time as Go's zero time", () => {
    expect(rfc1123z('2025-03-09T14:05:07Z')).toBe('Sun, 09 Mar 2025 14:05:07 +0000');
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });

  it('prints tolerations with values, effects, op=Exists and seconds', () => {
    const text = tabbedString((w) =>
      printTolerationsMultiline(w, 'Tolerations', [
        { operator: 'Exists' },
        { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ]),
    );
    expect(text).toBe(
      [
        'Tolerations:  op=Exists',
        '              dedicated=gpu:NoSchedule',
        '              node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '',
      ].join('\n'),
    );
  });

  it('prints long or multi-line annotations on their own lines and hides last-applied', () => {
    const long = 'x'.repeat(150);
    const text = tabbedString((w) =>
      printAnnotationsMultiline(w, 'Annotations', {
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        a: long,
        b: 'one\ntwo\n',
        c: 'short',
      }),
    );
    expect(text).toBe(
      [
        'Annotations:  a:',
        `                ${'x'.repeat(138)}...`,
        '              b:',
        '                one',
        '                two',
        '              c: short',
        '',
      ].join('\n'),
    );
  });
});
