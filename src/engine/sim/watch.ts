import { goDuration } from '../kubelet/format';
import { parseDuration } from '../script/parse';
import type { SimCommand } from './command';
import { fail, misuse, ok } from './command';

// Slow watches: a component whose watch events arrive late acts on a stale cache, which is how
// students see eventual consistency between what kubectl reads and what a controller knows.

const USAGE = 'sim watch delay COMPONENT DURATION';

/** The `sim watch` commands. */
export const watchCommands: Record<string, SimCommand> = {
  'watch delay': {
    usage: USAGE,
    help: 'Deliver every watch event to a component DURATION late, in order (e.g. 5s; 0s clears it).',
    run(engine, args) {
      if (args.length < 2) return misuse(USAGE, 'a component and a duration are required');
      if (args.length > 2) return misuse(USAGE, `unexpected argument "${args[2] ?? ''}"`);
      const [name, text] = args as [string, string];
      if (!engine.component(name))
        return fail(`component "${name}" not found; "sim component list" shows the names`);
      const ms = parseDuration(text);
      if (ms === undefined) return misuse(USAGE, `invalid duration "${text}"`);
      engine.setWatchDelay(name, ms);
      return ok(
        ms === 0
          ? `watch events reach ${name} without delay again`
          : `watch events reach ${name} ${goDuration(ms)} late from now on`,
      );
    },
  },
};
