import { deflateSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbSession, sampleSession } from './fixtures';
import { decodeShare, encodeShare, hasShareFragment, MAX_FRAGMENT_CHARS } from './share';

/** Builds a link fragment around raw deflate bytes, as a hand-crafted (or hostile) link would. */
function linkOf(deflated: Uint8Array, prefix = '#s1.'): string {
  return prefix + Buffer.from(deflated).toString('base64url');
}

/** Returns the fragment for the sample session. */
function sampleFragment(): string {
  const r = encodeShare(sampleSession());
  if (!r.ok) throw new Error('sample session should fit in a link');
  return r.fragment;
}

const CUT = 'This link is cut short: part of it is missing. Copy the whole link again.';
const CORRUPT = 'This link is damaged: its compressed data is corrupt. Copy the whole link again.';

describe('encodeShare', () => {
  it('makes a versioned, URL-safe fragment', () => {
    expect(sampleFragment()).toMatch(/^#s1\.[A-Za-z0-9_-]+$/);
  });

  it('refuses a session whose link would pass the limit, saying how long it would be', () => {
    // Pseudo-random text barely compresses, so 12,000 characters of it cannot fit in 8,000.
    let x = 1;
    const text = Array.from({ length: 12_000 }, () => {
      x = (x * 48271) % 2147483647;
      return String.fromCharCode(33 + (x % 90));
    });
    const s = sampleSession();
    s.editor.files[0]!.text = text.join('');
    const r = encodeShare(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.bytes).toBeGreaterThan(MAX_FRAGMENT_CHARS);
  });
});

describe('decodeShare', () => {
  it('round-trips the sample session, with or without the leading #', () => {
    const f = sampleFragment();
    expect(decodeShare(f)).toEqual({ ok: true, session: sampleSession() });
    expect(decodeShare(f.slice(1))).toEqual({ ok: true, session: sampleSession() });
  });

  it('round-trips every generated session that fits in a link', () => {
    fc.assert(
      fc.property(arbSession, (s) => {
        const r = encodeShare(s);
        if (r.ok) expect(decodeShare(r.fragment)).toEqual({ ok: true, session: s });
        else expect(r.bytes).toBeGreaterThan(MAX_FRAGMENT_CHARS);
      }),
    );
  });

  const bombed = linkOf(deflateSync(new Uint8Array(50 * 1024 * 1024)));
  const newer = linkOf(deflateSync(strToU8(JSON.stringify({ ...sampleSession(), version: 2 }))));
  const cases: [string, string, string][] = [
    ['an empty hash', '', 'This link does not contain a Wheelhouse session.'],
    ['another page anchor', '#about', 'This link does not contain a Wheelhouse session.'],
    ['a prefix without its dot', '#s1', 'This link does not contain a Wheelhouse session.'],
    [
      'a newer link format',
      '#s2.AAAA',
      'This link was made by a newer Wheelhouse (link format 2); this page reads link format 1. ' +
        'Reload the page to get the newest Wheelhouse.',
    ],
    ['link format 0', '#s0.AAAA', 'This link has an unknown format (0).'],
    [
      'garbage base64',
      '#s1.abc$%^&*',
      'This link is damaged: it contains characters a Wheelhouse link never has. Copy the whole link again.',
    ],
    [
      'standard base64 padding',
      `${sampleFragment()}==`,
      'This link is damaged: it contains characters a Wheelhouse link never has. Copy the whole link again.',
    ],
    ['a prefix and nothing else', '#s1.', CUT],
    ['a fragment cut in half', sampleFragment().slice(0, 200), CUT],
    ['a fragment missing its last character', sampleFragment().slice(0, -1), CUT],
    ['bytes that are not deflate data', linkOf(new Uint8Array([0xff, 0xff, 0xff, 0xff])), CORRUPT],
    [
      'a deflate bomb (50 MB of zeros)',
      bombed,
      'This link expands to more than 4 MB, more than any Wheelhouse session; it was not opened.',
    ],
    [
      'data that is not UTF-8',
      linkOf(deflateSync(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))),
      'This link is damaged: its session is not valid text.',
    ],
    [
      'text that is not JSON',
      linkOf(deflateSync(strToU8('{"version":1,'))),
      'This link is damaged: its session is not valid JSON.',
    ],
    [
      'a newer session format inside a current link',
      newer,
      'This link was made by a newer Wheelhouse (format 2); this page reads format 1. ' +
        'Reload the page to get the newest Wheelhouse.',
    ],
    [
      'JSON with a wrong field type',
      linkOf(
        deflateSync(
          strToU8(JSON.stringify({ ...sampleSession(), config: { seed: 1, nodes: '3' } })),
        ),
      ),
      'This link is not a valid Wheelhouse session: config.nodes must be a whole number from 1 to 5,000 (it is "3").',
    ],
  ];

  it.each(cases)('refuses %s with one clear message', (_name, fragment, error) => {
    expect(decodeShare(fragment)).toEqual({ ok: false, error });
  });

  it('never throws on arbitrary fragments', () => {
    fc.assert(fc.property(fc.string(), (s) => decodeShare(`#s1.${s}`).ok === false));
  });
});

describe('hasShareFragment', () => {
  it.each([
    ['#s1.abc', true],
    ['s1.abc', true],
    ['#s2.abc', true],
    ['', false],
    ['#', false],
    ['#about', false],
  ])('%s → %s', (hash, expected) => {
    expect(hasShareFragment(hash)).toBe(expected);
  });
});
