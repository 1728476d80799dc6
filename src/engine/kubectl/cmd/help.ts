import { ExitError, usageError } from '../errors';
import type { CommandContext, CommandSpec } from './context';

// Help text in the shape of kubectl's templates (util/templates): the short description, the
// available subcommands, and the usage line.

/** Command groups of `kubectl --help`, in kubectl's order. */
const COMMAND_GROUPS: readonly { title: string; names: readonly string[] }[] = [
  { title: 'Basic Commands (Beginner):', names: ['create', 'expose', 'run', 'set'] },
  { title: 'Basic Commands (Intermediate):', names: ['explain', 'get', 'edit', 'delete'] },
  { title: 'Deploy Commands:', names: ['rollout', 'scale', 'autoscale'] },
  {
    title: 'Cluster Management Commands:',
    names: ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'],
  },
  {
    title: 'Troubleshooting and Debugging Commands:',
    names: [
      'describe',
      'logs',
      'attach',
      'exec',
      'port-forward',
      'proxy',
      'cp',
      'auth',
      'debug',
      'events',
    ],
  },
  {
    title: 'Advanced Commands:',
    names: ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize'],
  },
  { title: 'Settings Commands:', names: ['label', 'annotate', 'completion'] },
  {
    title: 'Other Commands:',
    names: ['api-resources', 'api-versions', 'config', 'plugin', 'version'],
  },
];

const OPTIONS_HINT =
  'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';

function rows(commands: readonly CommandSpec[], pad: number): string {
  return commands.map((c) => `  ${c.name.padEnd(pad)}   ${c.short}\n`).join('');
}

/** Returns `kubectl --help`. */
export function rootHelp(root: CommandSpec): string {
  const all = root.subcommands ?? [];
  const pad = Math.max(11, ...all.map((c) => c.name.length));
  const groups = COMMAND_GROUPS.map((g) => {
    const commands = g.names
      .map((n) => all.find((c) => c.name === n))
      .filter((c): c is CommandSpec => !!c);
    return `${g.title}\n${rows(commands, pad)}`;
  });
  return (
    'kubectl controls the Kubernetes cluster manager.\n\n' +
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
    `${groups.join('\n')}\n` +
    'Usage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n' +
    OPTIONS_HINT
  );
}

/** Returns `kubectl <command> --help`. */
export function commandHelp(command: CommandSpec, path: string): string {
  const subs = command.subcommands ?? [];
  let text = `${command.short}\n\n`;
  if (subs.length > 0) {
    const pad = Math.max(11, ...subs.map((c) => c.name.length));
    text += `Available Commands:\n${rows(subs, pad)}\n`;
  }
  const parent = path.split(' ').slice(0, -1).join(' ');
  text += `Usage:\n  ${parent ? `${parent} ` : ''}${command.use}${command.flags.length > 0 ? ' [options]' : ''}\n\n`;
  if (subs.length > 0)
    text += `Use "${path} <command> --help" for more information about a given command.\n`;
  return text + OPTIONS_HINT;
}

/** Runs a command group given no subcommand (cmdutil.DefaultSubCommandRun): help on stderr and
 * exit 1, or "unknown command" for a stray word. */
export function runCommandGroup(ctx: CommandContext, group: CommandSpec): void {
  if (ctx.args.length > 0)
    throw usageError(ctx.path, `unknown command ${JSON.stringify(ctx.args.join(' '))}`);
  ctx.out.err(commandHelp(group, ctx.path));
  throw new ExitError();
}
