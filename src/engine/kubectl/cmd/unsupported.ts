import { KubectlError } from '../errors';
import type { CommandContext, CommandSpec } from './context';

// Real kubectl commands the simulator does not implement yet: they are known (so help lists them
// and mistypes get suggestions) and answer with one clear sentence instead of "unknown command".

/** Explains a kubectl command Wheelhouse does not have yet. */
export const COMMAND_UNSUPPORTED = (path: string): string =>
  `"${path}" is not supported by Wheelhouse yet`;

/** Declares a real kubectl command the simulator does not run. */
export function unsupportedCommand(name: string, short: string): CommandSpec {
  return { name, use: name, short, flags: [], unsupported: true, run: runUnsupported };
}

function runUnsupported(ctx: CommandContext): void {
  throw new KubectlError(COMMAND_UNSUPPORTED(ctx.path));
}
