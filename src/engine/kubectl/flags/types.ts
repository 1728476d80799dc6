// Flag declarations, as cobra commands declare them with pflag.

/** The pflag value types kubectl's commands use. */
export type FlagType =
  'bool' | 'string' | 'int' | 'int32' | 'duration' | 'stringArray' | 'stringSlice';

/** One declared flag. */
export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** The value before parsing ("" / false / 0 / [] when omitted). */
  default?: string | number | boolean | readonly string[];
  /** The value a bare `--flag` takes (pflag's NoOptDefVal); bools default to "true". */
  noOptDefVal?: string;
}

/** A parsed flag value: strings, booleans, numbers (durations in ms) and string lists. */
export type FlagValue = string | boolean | number | string[];

/** The outcome of parsing a command line against a flag set. */
export interface ParsedFlags {
  values: ReadonlyMap<string, FlagValue>;
  /** Flags the user set explicitly (cobra's Changed). */
  changed: ReadonlySet<string>;
  /** Positional arguments, in order. */
  args: string[];
  /** How many positional arguments came before `--`, or -1 (cobra's ArgsLenAtDash). */
  argsLenAtDash: number;
  /** -h or --help was given. */
  help: boolean;
}

/** Declares a bool flag. */
export function boolFlag(name: string, shorthand?: string, def = false): FlagSpec {
  return { name, shorthand, type: 'bool', default: def };
}

/** Declares a string flag. */
export function stringFlag(name: string, shorthand?: string, def = ''): FlagSpec {
  return { name, shorthand, type: 'string', default: def };
}
