import { expect, it } from 'vitest';
import { formatClock } from './clock';

it.each([
  [0, '0:00.000'],
  [3250, '0:03.250'],
  [725_000, '12:05.000'],
  [3_723_000, '1:02:03.000'],
])('formats %i ms', (ms, text) => expect(formatClock(ms)).toBe(text));
