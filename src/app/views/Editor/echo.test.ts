import { describe, expect, it } from 'vitest';
import { EchoFilter } from './echo';

describe('EchoFilter', () => {
  it('[ECH1] does not write back a text the editor reported while it has moved on', () => {
    const echo = new EchoFilter();
    echo.report('k');
    echo.report('ki');
    expect(echo.shouldApply('k', 'ki')).toBe(false);
  });
  it('[ECH1] applies nothing when props already match the editor', () => {
    expect(new EchoFilter().shouldApply('a', 'a')).toBe(false);
  });
  it('applies a text from outside', () => {
    const echo = new EchoFilter();
    echo.report('k');
    expect(echo.shouldApply('kind: Pod', 'k')).toBe(true);
  });
  it('[ECH2] applies an old text again once props have caught up', () => {
    const echo = new EchoFilter();
    echo.report('');
    echo.report('k');
    expect(echo.shouldApply('k', 'k')).toBe(false);
    expect(echo.shouldApply('', 'k')).toBe(true);
  });
});
