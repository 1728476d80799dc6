import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSessionFile, readSessionFile, sessionFileText, MAX_FILE_BYTES } from './file';
import { arbSession, sampleSession } from './fixtures';

describe('sessionFileText', () => {
  it('writes the marker first, then the session, one op per line', () => {
    const text = sessionFileText(sampleSession());
    expect(text.startsWith('{\n  "wheelhouse": "session",\n  "version": 1,\n')).toBe(true);
    expect(text).toContain('\n    {"op":"until","t":15000.5},\n');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes an empty op list on one line', () => {
    expect(sessionFileText({ ...sampleSession(), ops: [] })).toContain('"ops": [],\n');
  });
});

describe('parseSessionFile', () => {
  it('round-trips the sample session, with a byte-order mark too', () => {
    const text = sessionFileText(sampleSession());
    expect(parseSessionFile(text)).toEqual({ ok: true, session: sampleSession() });
    expect(parseSessionFile(`\uFEFF${text}`)).toEqual({ ok: true, session: sampleSession() });
  });

  it('round-trips every generated session', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        expect(parseSessionFile(sessionFileText(s))).toEqual({ ok: true, session: s });
      }),
    );
  });

  const valid = sessionFileText(sampleSession());
  const cases: [string, string, string | RegExp][] = [
    [
      'a huge file',
      ' '.repeat(MAX_FILE_BYTES + 1),
      'This file is 5.0 MB; a Wheelhouse session file is at most 5.0 MB, so it was not opened.',
    ],
    [
      'a trailing comma',
      valid.replace('"version": 1,', '"version": 1,,'),
      /^This file is not valid JSON at line 3, column 16: /,
    ],
    [
      'a file cut short',
      valid.slice(0, 100),
      /^This file is not valid JSON at line \d+, column \d+: /,
    ],
    ['an empty file', '', /^This file is not valid JSON at line 1, column 1: /],
    [
      'JSON that is a list',
      '[1, 2]',
      'This file is JSON but not a Wheelhouse session (it has no "wheelhouse" field).',
    ],
    [
      'JSON without the marker',
      JSON.stringify(sampleSession()),
      'This file is JSON but not a Wheelhouse session (it has no "wheelhouse" field).',
    ],
    [
      'a different marker',
      valid.replace('"wheelhouse": "session"', '"wheelhouse": "lesson"'),
      'This file is not a Wheelhouse session: its "wheelhouse" field is "lesson", not "session".',
    ],
    [
      'a newer format',
      valid.replace('"version": 1', '"version": 2'),
      'This file was made by a newer Wheelhouse (format 2); this page reads format 1. ' +
        'Reload the page to get the newest Wheelhouse.',
    ],
    [
      'a wrong field type',
      valid.replace('"nodes": 3', '"nodes": "3"'),
      'This file is not a valid Wheelhouse session: config.nodes must be a whole number from 1 to 5,000 (it is "3").',
    ],
    [
      'negative nodes',
      valid.replace('"nodes": 3', '"nodes": -2'),
      'This file is not a valid Wheelhouse session: config.nodes must be a whole number from 1 to 5,000 (it is -2).',
    ],
    [
      'an unknown op',
      valid.replace('{"op":"sim"', '{"op":"exec"'),
      'This file is not a valid Wheelhouse session: ops[3].op must be "until", "kubectl" or "sim" (it is "exec").',
    ],
  ];

  it.each(cases)('refuses %s with one clear message', (_name, text, error) => {
    const r = parseSessionFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('readSessionFile', () => {
  it('refuses a huge file by its size, without reading it', async () => {
    const huge = new Blob([new Uint8Array(MAX_FILE_BYTES + 1)]);
    huge.text = () => Promise.reject(new Error('should not be read'));
    expect(await readSessionFile(huge)).toEqual({
      ok: false,
      error:
        'This file is 5.0 MB; a Wheelhouse session file is at most 5.0 MB, so it was not opened.',
    });
  });

  it('reads a chosen file', async () => {
    const file = new Blob([sessionFileText(sampleSession())]);
    expect(await readSessionFile(file)).toEqual({ ok: true, session: sampleSession() });
  });
});
