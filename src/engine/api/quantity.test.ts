import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatMilliCpu,
  intValue,
  isQuantity,
  milliValue,
  parseQuantity,
} from './quantity';

describe('quantity', () => {
  it.each([
    ['100m', 0.1],
    ['1', 1],
    ['1.5', 1.5],
    ['128Mi', 128 * 2 ** 20],
    ['8Gi', 8 * 2 ** 30],
    ['1k', 1000],
    ['1e3', 1000],
    ['500M', 5e8],
  ])('parses %s', (s, v) => {
    expect(parseQuantity(s)).toBeCloseTo(v);
  });

  it('rejects malformed quantities', () => {
    for (const bad of ['', 'abc', '1.2.3', '10Mb', 'm']) expect(isQuantity(bad)).toBe(false);
  });

  it('converts to milli and integer values', () => {
    expect(milliValue('100m')).toBe(100);
    expect(milliValue('2')).toBe(2000);
    expect(milliValue('0.25')).toBe(250);
    expect(intValue('128Mi')).toBe(134217728);
    expect(intValue('110')).toBe(110);
  });

  it('formats like kubectl', () => {
    expect(formatMilliCpu(100)).toBe('100m');
    expect(formatMilliCpu(4000)).toBe('4');
    expect(formatBytes(8 * 2 ** 30)).toBe('8Gi');
    expect(formatBytes(1000)).toBe('1000');
  });
});
