// How a piece of script finished, as the interpreter passes it up the command tree.

/** How a piece of script finished. */
export type Flow =
  { k: 'ok' } | { k: 'exit'; code: number } | { k: 'forever' } | { k: 'break' } | { k: 'continue' };

/** A command that finished normally. */
export const OK: Flow = { k: 'ok' };
/** A command that never returns. */
export const FOREVER: Flow = { k: 'forever' };
