import { describe, expect, it } from 'vitest';
import { intern, joined } from './strings';

describe('strings', () => {
  it('[STR1] joins parts into the same text a template makes', () => {
    const name = 'web-7d4b9c';
    expect(joined('/registry/pods/', 'default', '/', name)).toBe(`/registry/pods/default/${name}`);
  });

  it('[STR2] hands out one equal copy for equal strings, whatever it was given', () => {
    const a = intern(['Created container ', 'web'].join(''));
    const b = intern(`Created container ${'web'}`);
    expect(b).toBe('Created container web');
    expect(a).toBe(b);
    expect(intern('a\u0000b')).toBe('a\u0000b');
  });
});
