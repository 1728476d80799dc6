import type { Task } from '../../client/task';
import type { CommandContext, CommandSpec } from './context';
import { CREATE_SUBCOMMAND_FLAGS, createBuilt } from './createObject';
import { nameFromArgs } from './createDeployment';

// kubectl create namespace (create_namespace.go): a Namespace with only a name; API errors are
// reported as they come ("Error from server (AlreadyExists): namespaces "x" already exists").

/** kubectl create namespace. */
export const createNamespaceCommand: CommandSpec = {
  name: 'namespace',
  aliases: ['ns'],
  use: 'namespace NAME [--dry-run=server|client|none]',
  short: 'Create a namespace with the specified name',
  flags: CREATE_SUBCOMMAND_FLAGS,
  run: runCreateNamespace,
};

function* runCreateNamespace(ctx: CommandContext): Task<void> {
  const name = nameFromArgs(ctx);
  const ns = {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: null as unknown as string },
    spec: {},
    status: {},
  };
  yield* createBuilt(ctx, 'Namespace', ns);
}
