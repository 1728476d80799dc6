import { describe, expect, it } from 'vitest';
import { Quantity } from './quantity';

describe('Quantity (apimachinery resource.Quantity)', () => {
  it.each([
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['2000m', '2'],
    ['2', '2'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['0', '0'],
    ['128Mi', '128Mi'],
    ['0.25Gi', '256Mi'],
    ['1024Mi', '1Gi'],
    ['1536Ki', '1536Ki'],
    ['0.5Ki', '512'],
    ['3901836Ki', '3901836Ki'],
    ['1e3', '1e3'],
    ['1M', '1M'],
    ['19586931083', '19586931083'],
  ])('%s prints as %s', (input, canonical) => {
    expect(Quantity.parse(input)?.toString()).toBe(canonical);
  });

  it('keeps the first operand format when adding, and exposes milli and base values', () => {
    const sum = (Quantity.parse('64Mi') as Quantity).add(Quantity.parse('128Mi') as Quantity);
    expect(sum.toString()).toBe('192Mi');
    expect((Quantity.parse('250m') as Quantity).milliValue()).toBe(250);
    expect((Quantity.parse('1.5') as Quantity).value()).toBe(2);
    expect(Quantity.parse('12x')).toBeUndefined();
  });
});
