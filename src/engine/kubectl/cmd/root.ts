import { GLOBAL_FLAGS } from '../flags/common';
import { annotateCommand } from './annotate';
import { apiResourcesCommand } from './apiResources';
import { applyCommand } from './apply';
import type { CommandContext, CommandSpec } from './context';
import { cordon, uncordon } from './cordon';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { drain } from './drain';
import { describeCommand } from './describe';
import { getCommand } from './get';
import { commandHelp, rootHelp } from './help';
import { labelCommand } from './label';
import { replaceCommand } from './replace';
import { rolloutCommand } from './rollout';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set';
import { taintCommand } from './taint';
import { unsupportedCommand as todo } from './unsupported';
import { versionCommand } from './version';
import { waitCommand } from './wait';
import { KubectlError } from '../errors';
import { childNamed } from './find';

// The kubectl command tree, in the order cmd.go adds commands (cobra suggests in this order).
// Commands the simulator does not run yet are listed so that help and suggestions stay real.

const helpCommand: CommandSpec = {
  name: 'help',
  use: 'help [command] | STRING_TO_SEARCH',
  short: 'Help about any command',
  flags: [],
  run: runHelpCommand,
};

const optionsCommand: CommandSpec = {
  name: 'options',
  use: 'options',
  short: 'Print the list of flags inherited by all commands',
  flags: [],
  run: (ctx) =>
    ctx.out.out(
      `The following options can be passed to any command:\n\n${GLOBAL_FLAGS.map((f) => `${f.shorthand ? `-${f.shorthand}, ` : '    '}--${f.name}\n`).join('')}`,
    ),
};

/** The root command, `kubectl`. */
export const rootCommand: CommandSpec = {
  name: 'kubectl',
  use: 'kubectl [flags] [options]',
  short: 'kubectl controls the Kubernetes cluster manager',
  flags: [],
  subcommands: [
    createCommand,
    todo(
      'expose',
      'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
    ),
    runCommand,
    setCommand,
    todo('explain', 'Get documentation for a resource'),
    getCommand,
    todo('edit', 'Edit a resource on the server'),
    deleteCommand,
    rolloutCommand,
    scaleCommand,
    todo(
      'autoscale',
      'Auto-scale a deployment, replica set, stateful set, or replication controller',
    ),
    todo('certificate', 'Modify certificate resources'),
    todo('cluster-info', 'Display cluster information'),
    todo('top', 'Display resource (CPU/memory) usage'),
    cordon,
    uncordon,
    drain,
    taintCommand,
    describeCommand,
    todo('logs', 'Print the logs for a container in a pod'),
    todo('attach', 'Attach to a running container'),
    todo('exec', 'Execute a command in a container'),
    todo('port-forward', 'Forward one or more local ports to a pod'),
    todo('proxy', 'Run a proxy to the Kubernetes API server'),
    todo('cp', 'Copy files and directories to and from containers'),
    todo('auth', 'Inspect authorization'),
    todo('debug', 'Create debugging sessions for troubleshooting workloads and nodes'),
    todo('events', 'List events'),
    todo('diff', 'Diff the live version against a would-be applied version'),
    applyCommand,
    todo('patch', 'Update fields of a resource'),
    replaceCommand,
    waitCommand,
    todo('kustomize', 'Build a kustomization target from a directory or URL'),
    labelCommand,
    annotateCommand,
    todo(
      'completion',
      'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
    ),
    todo('config', 'Modify kubeconfig files'),
    todo('plugin', 'Provides utilities for interacting with plugins'),
    versionCommand,
    todo(
      'api-versions',
      'Print the supported API versions on the server, in the form of "group/version"',
    ),
    apiResourcesCommand,
    optionsCommand,
    helpCommand,
  ],
};

// cobra's help command: `kubectl help get` prints get's help.
function runHelpCommand(ctx: CommandContext): void {
  let command = rootCommand;
  const path = ['kubectl'];
  for (const word of ctx.args) {
    const next = childNamed(command, word);
    if (!next)
      throw new KubectlError(
        `Unknown help topic [${ctx.args.map((a) => JSON.stringify(a)).join(' ')}]`,
      );
    command = next;
    path.push(next.name);
  }
  ctx.out.out(
    command === rootCommand ? rootHelp(rootCommand) : commandHelp(command, path.join(' ')),
  );
}
