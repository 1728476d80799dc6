import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wireCopy } from './object';

// wireCopy must copy exactly as a JSON round trip does, since that is what the wire does.

const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

describe('wireCopy', () => {
  it('equals a JSON round trip for any value, including undefined fields and odd numbers', () => {
    const leaf = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.constant(() => 1),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('tree'), { maxLength: 5 }),
        fc.dictionary(fc.string(), tie('tree'), { maxKeys: 5 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), tree, { maxKeys: 8 }), (obj) => {
        expect(wireCopy(obj)).toStrictEqual(roundTrip(obj));
      }),
    );
  });

  it('returns a copy that shares nothing with the original', () => {
    const obj = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } };
    const copy = wireCopy(obj);
    copy.metadata.labels.app = 'db';
    (copy.spec.containers[0] as { name: string }).name = 'd';
    expect(obj).toEqual({
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'c' }] },
    });
  });

  it('turns negative zero into zero, as JSON does (the property above found it)', () => {
    expect(Object.is(wireCopy({ n: -0 }).n, 0)).toBe(true);
    expect(Object.is(wireCopy([-0])[0], 0)).toBe(true);
  });

  it('uses toJSON as JSON.stringify does', () => {
    const when = new Date(0);
    expect(wireCopy({ when })).toEqual({ when: '1970-01-01T00:00:00.000Z' });
  });
});
