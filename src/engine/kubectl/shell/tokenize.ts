import { parse } from 'shell-quote';

// Splits a command line into words the way a POSIX shell would before exec'ing kubectl: quotes,
// escapes and backslash-newline continuations. There is no real shell behind the terminal, so
// variables stay literal and pipes, redirections and command lists are refused.

/** The message for a line that needs a shell feature the simulator does not have. */
export const SHELL_OPERATOR_UNSUPPORTED =
  'pipes, redirections and command lists (|, >, <, ;, &&) are not supported; run one kubectl command at a time';

/** The message for an unterminated quote, as bash words it. */
export const UNTERMINATED_QUOTE = (quote: string): string =>
  `unexpected EOF while looking for matching \`${quote}'`;

/** Thrown for a line that does not tokenise. */
export class TokenizeError extends Error {}

/** Splits a line into argv words; throws TokenizeError for unsupported shell syntax. */
export function tokenize(line: string): string[] {
  const joined = line.replace(/\\\r?\n/g, '');
  const open = unterminatedQuote(joined);
  if (open) throw new TokenizeError(UNTERMINATED_QUOTE(open));
  const words: string[] = [];
  for (const entry of parse(joined, (name) => `$${name}`)) {
    if (typeof entry === 'string') {
      words.push(entry);
    } else if ('comment' in entry) {
      break;
    } else if (entry.op === 'glob') {
      // No filesystem to expand against: the pattern is passed through, as bash does when
      // nothing matches.
      words.push(entry.pattern);
    } else {
      throw new TokenizeError(SHELL_OPERATOR_UNSUPPORTED);
    }
  }
  return words;
}

/** Returns the quote character left open at the end of the line, if any. */
function unterminatedQuote(line: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
    } else if (c === '\\') {
      i++;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) {
      return undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
    }
  }
  return quote;
}
