import type { CommandSpec } from './context';
import { runCommandGroup } from './help';
import { setImageCommand } from './setImage';
import { unsupportedCommand } from './unsupported';

// kubectl set (staging/src/k8s.io/kubectl/pkg/cmd/set/set.go): a group of commands that edit
// one aspect of existing objects; the ones the simulator lacks say so.

/** kubectl set. */
export const setCommand: CommandSpec = {
  name: 'set',
  use: 'set SUBCOMMAND',
  short: 'Set specific features on objects',
  flags: [],
  subcommands: [
    unsupportedCommand('env', 'Update environment variables on a pod template'),
    setImageCommand,
    unsupportedCommand(
      'resources',
      'Update resource requests/limits on objects with pod templates',
    ),
    unsupportedCommand('selector', 'Set the selector on a resource'),
    unsupportedCommand('serviceaccount', 'Update the service account of a resource'),
    unsupportedCommand(
      'subject',
      'Update the user, group, or service account in a role binding or cluster role binding',
    ),
  ],
  run: (ctx) => runCommandGroup(ctx, setCommand),
};
