import { describe, expect, it } from 'vitest';
import { canonicalQuantity, compareQuantities } from './quantity';

describe('quantities', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['1000Ki', '1000Ki'],
    ['512', '512'],
    ['1e3', '1e3'],
    [2, '2'],
    ['0', '0'],
    ['-1Mi', '-1Mi'],
  ])('%j is stored as %j', (input, canonical) => {
    expect(canonicalQuantity(input)).toBe(canonical);
  });

  it('rounds up to milli-units as SetDefaults_ResourceList does', () => {
    expect(canonicalQuantity('0.0001', true)).toBe('1m');
    expect(canonicalQuantity('0.0001')).toBe('100u');
  });

  it('refuses malformed quantities', () => {
    expect(canonicalQuantity('lots')).toBeUndefined();
    expect(canonicalQuantity('1.5.5')).toBeUndefined();
  });

  it('compares exactly across units', () => {
    expect(compareQuantities('1Gi', '1024Mi')).toBe(0);
    expect(compareQuantities('1', '500m')).toBe(1);
    expect(compareQuantities('0.1', '100m')).toBe(0);
  });
});
