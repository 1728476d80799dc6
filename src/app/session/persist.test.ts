import { describe, expect, it } from 'vitest';
import { clusterFromQuery } from './persist';

describe('clusterFromQuery', () => {
  it.each<[string, object | undefined, string | undefined]>([
    ['', undefined, undefined],
    ['?lesson=1', undefined, undefined],
    ['?nodes=100', { nodes: 100, seed: 1 }, undefined],
    ['?nodes=5&seed=42', { nodes: 5, seed: 42 }, undefined],
    ['?seed=9', { nodes: 3, seed: 9 }, undefined],
    [
      '?nodes=0',
      undefined,
      'The address asks for 0 nodes; it must be a whole number from 1 to 5000.',
    ],
    [
      '?nodes=1e9',
      undefined,
      'The address asks for 1e9 nodes; it must be a whole number from 1 to 5000.',
    ],
    [
      '?nodes=abc',
      undefined,
      'The address asks for abc nodes; it must be a whole number from 1 to 5000.',
    ],
    ['?seed=1.5', undefined, 'The address asks for seed 1.5; it must be a whole number.'],
  ])('%s', (search, config, warning) => {
    const warnings: string[] = [];
    expect(clusterFromQuery(search, (w) => warnings.push(w))).toEqual(config);
    expect(warnings).toEqual(warning ? [warning] : []);
  });
});
