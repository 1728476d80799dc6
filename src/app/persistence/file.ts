import { jsonErrorPlace } from './jsonError';
import { parseSavedSession, type ParseResult, type SavedSession } from './validate';

// A session file is the saved session as readable JSON, for sessions too long for a link and for
// keeping. A marker field says what the file is, so a stray JSON file gets a useful message.

/** The largest session file read; checked before parsing so a huge file cannot stall the page. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The file name extension the page should offer when saving. */
export const SESSION_FILE_EXTENSION = '.wheelhouse.json';

const MARKER = 'session';

/** Returns the session as a pretty JSON file's text, one op per line so long logs stay readable. */
export function sessionFileText(session: SavedSession): string {
  const pretty = (v: unknown): string => JSON.stringify(v, null, 2).replace(/\n/g, '\n  ');
  // JSON.stringify escapes every newline inside strings, so re-indenting on \n is safe.
  const ops =
    session.ops.length === 0
      ? '[]'
      : `[\n${session.ops.map((op) => `    ${JSON.stringify(op)}`).join(',\n')}\n  ]`;
  const fields: [string, string][] = [
    ['wheelhouse', JSON.stringify(MARKER)],
    ['version', JSON.stringify(session.version)],
    ['config', pretty(session.config)],
    ['ops', ops],
    ['editor', pretty(session.editor)],
  ];
  if (session.terminalHistory !== undefined) {
    fields.push(['terminalHistory', pretty(session.terminalHistory)]);
  }
  return `{\n${fields.map(([k, v]) => `  ${JSON.stringify(k)}: ${v}`).join(',\n')}\n}\n`;
}

/** Parses a session file's text into a checked session, or one message saying what is wrong. */
export function parseSessionFile(text: string): ParseResult {
  // A string's length is at most its UTF-8 size, so this bound never refuses a file under the cap.
  if (text.length > MAX_FILE_BYTES) return tooBig(text.length);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    // V8 quotes the text around the error; a cut keeps a long quote from flooding the message.
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    const place = jsonErrorPlace(body, message);
    const where = place ? ` at line ${place.line}, column ${place.column}` : '';
    return fail(`This file is not valid JSON${where}: ${message}`);
  }
  if (typeof value !== 'object' || value === null || !('wheelhouse' in value)) {
    return fail('This file is JSON but not a Wheelhouse session (it has no "wheelhouse" field).');
  }
  const { wheelhouse, ...session } = value as Record<string, unknown>;
  if (wheelhouse !== MARKER) {
    return fail(
      `This file is not a Wheelhouse session: its "wheelhouse" field is ` +
        `${JSON.stringify(wheelhouse)?.slice(0, 40)}, not "${MARKER}".`,
    );
  }
  return parseSavedSession(session, 'file');
}

/** Reads a file the user chose, refusing one over MAX_FILE_BYTES before reading it into memory. */
export async function readSessionFile(file: Blob): Promise<ParseResult> {
  if (file.size > MAX_FILE_BYTES) return tooBig(file.size);
  try {
    return parseSessionFile(await file.text());
  } catch (e) {
    return fail(`This file could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function tooBig(size: number): ParseResult {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return fail(
    `This file is ${mb(size)} MB; a Wheelhouse session file is at most ` +
      `${mb(MAX_FILE_BYTES)} MB, so it was not opened.`,
  );
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}
