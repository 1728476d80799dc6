// What Tab can complete: the words the terminal accepts, as a tree. The kubectl part lists only the
// commands the engine's kubectl implements (grammar.test.ts checks it against cmd/root.ts, so it
// cannot drift) with the flags a learner reaches for; the sim part follows simHelp().

/** Where a flag's value comes from: fixed words, object names of a resource, or free text. */
export type FlagValues = readonly string[] | { names: string } | 'free';

/** A flag Tab offers: its long name, its shorthand, and its value if it takes one. */
export interface FlagHint {
  long: string;
  short?: string;
  value?: FlagValues;
}

/** What a command's positional arguments are. */
export type Args =
  /** TYPE NAME… or TYPE/NAME, as get and describe take them; types limits the resource types. */
  | { kind: 'typed'; types?: readonly string[] }
  /** Object names of one resource (plural), as cordon takes node names. */
  | { kind: 'names'; of: string }
  /** Fixed words. */
  | { kind: 'words'; words: readonly string[] };

/** One command: its subcommands, arguments and flags. */
export interface Grammar {
  subcommands?: Readonly<Record<string, Grammar>>;
  args?: Args;
  flags?: readonly FlagHint[];
}

const OUTPUT: FlagHint = { long: 'output', short: 'o', value: ['wide', 'yaml', 'json', 'name'] };
const NAMESPACE: FlagHint = { long: 'namespace', short: 'n', value: { names: 'namespaces' } };
const ALL_NAMESPACES: FlagHint = { long: 'all-namespaces', short: 'A' };
const SELECTOR: FlagHint = { long: 'selector', short: 'l', value: 'free' };
const FILENAME: FlagHint = { long: 'filename', short: 'f', value: 'free' };
const free = (long: string, short?: string): FlagHint => ({ long, short, value: 'free' });
const bool = (long: string, short?: string): FlagHint => ({ long, short });

const DEPLOYMENTS = { kind: 'typed', types: ['deployments'] } as const;
const NODES = { kind: 'names', of: 'nodes' } as const;
const rollout = (...flags: FlagHint[]): Grammar => ({
  args: DEPLOYMENTS,
  flags: [NAMESPACE, ...flags],
});

const kubectlCommands: Record<string, Grammar> = {
  create: {
    flags: [FILENAME, OUTPUT],
    subcommands: {
      deployment: {
        flags: [free('image'), free('replicas', 'r'), free('port'), NAMESPACE, OUTPUT],
      },
      namespace: { flags: [OUTPUT] },
      priorityclass: { flags: [free('value'), free('description'), bool('global-default')] },
    },
  },
  run: { flags: [free('image'), free('labels', 'l'), free('restart'), NAMESPACE, OUTPUT] },
  set: {
    subcommands: {
      image: {
        args: { kind: 'typed', types: ['deployments', 'replicasets', 'pods'] },
        flags: [NAMESPACE, SELECTOR, bool('all')],
      },
    },
  },
  get: {
    args: { kind: 'typed' },
    flags: [
      OUTPUT,
      NAMESPACE,
      ALL_NAMESPACES,
      SELECTOR,
      bool('watch', 'w'),
      bool('show-labels'),
      free('sort-by'),
    ],
  },
  delete: {
    args: { kind: 'typed' },
    flags: [NAMESPACE, SELECTOR, FILENAME, bool('all'), bool('force'), free('grace-period')],
  },
  rollout: {
    subcommands: {
      history: rollout(free('revision')),
      pause: rollout(),
      restart: rollout(),
      resume: rollout(),
      status: rollout(bool('watch', 'w'), free('timeout')),
      undo: rollout(free('to-revision')),
    },
  },
  scale: {
    args: { kind: 'typed', types: ['deployments', 'replicasets'] },
    flags: [free('replicas'), NAMESPACE, SELECTOR],
  },
  cordon: { args: NODES, flags: [SELECTOR] },
  uncordon: { args: NODES, flags: [SELECTOR] },
  drain: {
    args: NODES,
    flags: [
      bool('ignore-daemonsets'),
      bool('delete-emptydir-data'),
      bool('force'),
      free('grace-period'),
      free('timeout'),
    ],
  },
  taint: { args: { kind: 'typed', types: ['nodes'] }, flags: [bool('overwrite'), SELECTOR] },
  describe: { args: { kind: 'typed' }, flags: [NAMESPACE, ALL_NAMESPACES, SELECTOR] },
  apply: { flags: [FILENAME, NAMESPACE, OUTPUT, bool('server-side')] },
  replace: { flags: [FILENAME, bool('force')] },
  wait: { args: { kind: 'typed' }, flags: [free('for'), free('timeout'), NAMESPACE, SELECTOR] },
  label: { args: { kind: 'typed' }, flags: [bool('overwrite'), bool('list'), NAMESPACE, SELECTOR] },
  annotate: {
    args: { kind: 'typed' },
    flags: [bool('overwrite'), bool('list'), NAMESPACE, SELECTOR],
  },
  version: { flags: [{ long: 'output', short: 'o', value: ['yaml', 'json'] }] },
  'api-resources': {
    flags: [{ long: 'output', short: 'o', value: ['wide', 'name'] }, bool('namespaced')],
  },
  options: {},
};

const COMPONENTS = { kind: 'names', of: 'components' } as const;
const POD = { args: { kind: 'names', of: 'pods' }, flags: [NAMESPACE] } as const;

const simCommands: Record<string, Grammar> = {
  node: { subcommands: { stop: { args: NODES }, start: { args: NODES } } },
  partition: { args: NODES, subcommands: { heal: { args: NODES } } },
  component: { subcommands: { list: {}, stop: { args: COMPONENTS }, start: { args: COMPONENTS } } },
  container: { subcommands: { kill: POD } },
  pod: { subcommands: { 'delete-force': POD } },
  watch: { subcommands: { delay: { args: COMPONENTS } } },
  help: {},
};

/** The kubectl commands Tab completes, for `kubectl help`. */
export const KUBECTL_COMMANDS = [...Object.keys(kubectlCommands), 'help'].sort();

/** Holds the whole tree: kubectl, sim, and the terminal’s own help and clear. */
export const GRAMMAR: Grammar = {
  subcommands: {
    kubectl: {
      subcommands: {
        ...kubectlCommands,
        help: { args: { kind: 'words', words: KUBECTL_COMMANDS } },
      },
    },
    sim: { subcommands: simCommands },
    help: {},
    clear: {},
  },
};
