import { describe, expect, it } from 'vitest';
import { truncateMessage } from './failure';

describe('FailedScheduling reporting', () => {
  it('truncates to 1024 characters [FAIL2]', () => {
    const out = truncateMessage('x'.repeat(2000));
    expect(out.length).toBe(1024);
    expect(out.endsWith('x ...')).toBe(true);
  });
});
