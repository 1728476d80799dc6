import { deflateSync, Inflate } from 'fflate';
import { parseSavedSession, type ParseResult, type SavedSession } from './validate';

// A shared session lives entirely in the URL fragment, which browsers never send to a server:
// `#s1.` then base64url (no padding) of deflate-raw of the session's compact JSON. The `1` is the
// link format (the encoding); the JSON's own `version` is the session format.

/** The link format this page writes and reads. */
export const SHARE_FORMAT = 1;
/** The longest fragment encodeShare makes: longer links break in chat apps, mail and some browsers. */
export const MAX_FRAGMENT_CHARS = 8000;
/** The most a link may inflate to, so a crafted link cannot exhaust memory (a "deflate bomb"). */
export const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
/** Input fed to the inflater per push; deflate expands at most ~1032×, so one push stays ~1 MB. */
const INFLATE_CHUNK = 1024;

const PREFIX = `s${SHARE_FORMAT}.`;
const CUT_SHORT = 'This link is cut short: part of it is missing. Copy the whole link again.';

/** The outcome of encodeShare: the fragment, or how long it would have been. */
export type EncodeResult =
  { ok: true; fragment: string } | { ok: false; tooLong: true; bytes: number };

/** Encodes a session as a URL fragment (`#s1.…`), or refuses if it exceeds MAX_FRAGMENT_CHARS. */
export function encodeShare(session: SavedSession): EncodeResult {
  const json = new TextEncoder().encode(JSON.stringify(session));
  const fragment = `#${PREFIX}${toBase64Url(deflateSync(json, { level: 9 }))}`;
  if (fragment.length > MAX_FRAGMENT_CHARS)
    return { ok: false, tooLong: true, bytes: fragment.length };
  return { ok: true, fragment };
}

/** Tells whether a fragment is meant to carry a shared session (so an empty or other hash is not an error). */
export function hasShareFragment(fragment: string): boolean {
  return /^#?s\d/.test(fragment);
}

/** Decodes a fragment made by encodeShare into a checked session, or one message saying what is wrong. */
export function decodeShare(fragment: string): ParseResult {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const format = /^s(\d+)\./.exec(body);
  if (!format) return fail('This link does not contain a Wheelhouse session.');
  const n = Number(format[1]);
  if (n > SHARE_FORMAT) {
    return fail(
      `This link was made by a newer Wheelhouse (link format ${n}); this page reads link ` +
        `format ${SHARE_FORMAT}. Reload the page to get the newest Wheelhouse.`,
    );
  }
  if (n !== SHARE_FORMAT) return fail(`This link has an unknown format (${n}).`);
  const bytes = fromBase64Url(body.slice(format[0].length));
  if (bytes === undefined) {
    return fail(
      'This link is damaged: it contains characters a Wheelhouse link never has. ' +
        'Copy the whole link again.',
    );
  }
  const inflated = boundedInflate(bytes, MAX_INFLATED_BYTES);
  if (typeof inflated === 'string') return fail(inflated);
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail('This link is damaged: its session is not valid text.');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('This link is damaged: its session is not valid JSON.');
  }
  return parseSavedSession(value, 'link');
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}

/** Inflates deflate-raw data in small pushes, stopping as soon as the output passes `limit`. */
function boundedInflate(data: Uint8Array, limit: number): Uint8Array | string {
  if (data.length === 0) return CUT_SHORT;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && total <= limit; at += INFLATE_CHUNK) {
      const end = Math.min(at + INFLATE_CHUNK, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (e) {
    // fflate's error code 0 is "unexpected EOF": the data stops mid-stream, i.e. a cut-off link.
    if ((e as { code?: unknown }).code === 0) {
      return CUT_SHORT;
    }
    return 'This link is damaged: its compressed data is corrupt. Copy the whole link again.';
  }
  if (total > limit) {
    return (
      `This link expands to more than ${limit / 1024 / 1024} MB, ` +
      'more than any Wheelhouse session; it was not opened.'
    );
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so String.fromCharCode never gets more arguments than the engine allows.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes unpadded base64url; undefined for any character base64url does not have. */
function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  // A lone final character cannot complete a byte: the link was cut there, and dropping it lets
  // the inflater report the truncation in words.
  const whole = text.length % 4 === 1 ? text.slice(0, -1) : text;
  const binary = atob(whole.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
