import type { ResourceInfo } from '../../api/resources';
import { resourceForKind } from '../../api/resources';
import type { Task } from '../../client/task';
import {
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from '../flags/common';
import type { CommandContext, CommandSpec } from './context';
import { createObject, printCreated } from './createObject';
import { nameFromArgs } from './createDeployment';
import { dryRunStrategy, outputFormat } from './options';

// kubectl create namespace (create_namespace.go): a Namespace with only a name; API errors are
// reported as they come ("Error from server (AlreadyExists): namespaces "x" already exists").

/** kubectl create namespace. */
export const createNamespaceCommand: CommandSpec = {
  name: 'namespace',
  aliases: ['ns'],
  use: 'namespace NAME [--dry-run=server|client|none]',
  short: 'Create a namespace with the specified name',
  flags: [
    OUTPUT_FLAG,
    SAVE_CONFIG_FLAG,
    VALIDATE_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-create'),
  ],
  run: runCreateNamespace,
};

function* runCreateNamespace(ctx: CommandContext): Task<void> {
  const name = nameFromArgs(ctx);
  const dry = dryRunStrategy(ctx.flags);
  const format = outputFormat(ctx.flags);
  const resource = resourceForKind('Namespace') as ResourceInfo;
  const ns = {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: null as unknown as string },
    spec: {},
    status: {},
  };
  const created = yield* createObject(ctx, resource, ns, dry);
  printCreated(ctx, resource, created, dry, format);
}
