import type { Timeline } from './shell/run';
import type { ProgramRun } from './shell/toolbox';

// Every running container holds its process plan, and most plans are alike: every pod of a
// Deployment runs the same argv, and a server exec'd as PID 1 has the same timeline wherever it
// runs. Plans share those parts. Nothing changes a plan once made.

// Most of a timeline's lists are empty (a server's has no files, spans, jobs or messages).
const NONE: readonly never[] = Object.freeze([]);

// The timeline of a program exec'd at once, by its run (runs are shared per image: serving).
const EXECED = new WeakMap<ProgramRun, Timeline>();

/** Returns a timeline equal to tl: its empty lists shared, or an exec'd program's shared whole. */
export function sharedTimeline(tl: Timeline): Timeline {
  const none = NONE as never[];
  if (tl.files.length === 0) tl.files = none;
  if (tl.spans.length === 0) tl.spans = none;
  if (tl.background.length === 0) tl.background = none;
  if (tl.messages.length === 0) tl.messages = none;
  const child = tl.child;
  const bare =
    tl.files === none && tl.spans === none && tl.background === none && tl.messages === none;
  if (!child?.exec || child.atMs !== 0 || !bare || tl.end || tl.loop || tl.trap !== undefined)
    return tl;
  const known = EXECED.get(child.run);
  if (known) return known;
  EXECED.set(child.run, tl);
  return tl;
}

const MAX_ARGVS = 1024;
const argvs = new Map<string, string[]>();

/** Returns an argv equal to argv, the one already held for an equal argv if any. */
export function sharedArgv(argv: string[]): string[] {
  const key = argv.join('\u0000');
  const known = argvs.get(key);
  if (known && known.length === argv.length && known.every((a, i) => a === argv[i])) return known;
  if (argvs.size >= MAX_ARGVS) argvs.clear();
  argvs.set(key, argv);
  return argv;
}
