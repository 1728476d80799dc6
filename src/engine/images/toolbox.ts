import type { ImageBehaviour } from './repository';
import type { Program, Toolbox } from './shell/toolbox';
import { FILE_UTILITIES, standardUtilities } from './shell/utilities';

// The PATH of a container: the image's userland (BusyBox applets or GNU coreutils and a shell)
// plus the image's own programs.

const BUSYBOX_SHELLS = ['sh', 'ash'];
const GNU_SHELLS = ['sh', 'bash', 'dash'];
const BIN_DIR = /^\/(usr\/)?(local\/)?s?bin\//;
const busybox = standardUtilities('busybox');
const gnu = standardUtilities('gnu');
// Built once per flavor, not per container: every running container holds its toolbox.
const BUSYBOX_STANDARD = new Set([...FILE_UTILITIES, ...BUSYBOX_SHELLS, ...Object.keys(busybox)]);
const GNU_STANDARD = new Set([...FILE_UTILITIES, ...GNU_SHELLS, ...Object.keys(gnu)]);
const NONE_MISSING: ReadonlySet<string> = new Set();

// One toolbox per image, made when a container of it is first planned: every running container
// holds its image's.
const TOOLBOXES = new WeakMap<ImageBehaviour, Toolbox>();

/** Returns the toolbox of an image. */
export function imageToolbox(b: ImageBehaviour): Toolbox {
  let t = TOOLBOXES.get(b);
  if (!t) TOOLBOXES.set(b, (t = buildToolbox(b)));
  return t;
}

function buildToolbox(b: ImageBehaviour): Toolbox {
  const utilities = b.flavor === 'busybox' ? busybox : gnu;
  const standard = b.flavor === 'busybox' ? BUSYBOX_STANDARD : GNU_STANDARD;
  const missing = b.missing?.length ? new Set(b.missing) : NONE_MISSING;
  const has = (name: string): boolean => standard.has(name) && !missing.has(name);
  return {
    flavor: b.flavor,
    has,
    lookup(name: string): Program | undefined {
      const own = b.programs[name];
      if (own) return own;
      const bare = name.startsWith('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
      // Absolute paths reach standard utilities only through the usual bin directories.
      if (name.startsWith('/') && !BIN_DIR.test(name)) return undefined;
      const p = b.programs[bare] ?? utilities[bare];
      return p && !missing.has(bare) ? p : undefined;
    },
  };
}

/** Reports whether a command exists in an image, as runc's exec lookup would find it. */
export function imageHas(t: Toolbox, name: string): boolean {
  const bare = name.startsWith('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  const inBin = !name.startsWith('/') || BIN_DIR.test(name);
  return t.lookup(name) !== undefined || (inBin && t.has(bare));
}
