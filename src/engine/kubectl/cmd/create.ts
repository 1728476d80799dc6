import type { KubeObject } from '../../api/object';
import type { Task } from '../../client/task';
import { ExitError, KubectlError, usageError } from '../errors';
import {
  DRY_RUN_FLAG,
  FILENAME_FLAGS,
  OUTPUT_FLAG,
  SAVE_CONFIG_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import { commandHelp } from './help';
import { dryRunStrategy, outputFormat, validationEnabled } from './options';
import { createObject, printCreated } from './createObject';
import { createDeploymentCommand } from './createDeployment';
import { createNamespaceCommand } from './createNamespace';
import { createPriorityClassCommand } from './createPriorityClass';

// kubectl create (staging/src/k8s.io/kubectl/pkg/cmd/create/create.go): -f creates every object
// in the files ("error when creating" on failure); without -f it lists its generators.

/** Printed when create gets neither -f nor a subcommand. */
export const CREATE_NEEDS_FILE = 'Error: must specify one of -f and -k\n\n';

/** kubectl create. */
export const createCommand: CommandSpec = {
  name: 'create',
  use: 'create -f FILENAME',
  short: 'Create a resource from a file or from stdin',
  flags: [
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    VALIDATE_FLAG,
    DRY_RUN_FLAG,
    SAVE_CONFIG_FLAG,
    fieldManagerFlag('kubectl-create'),
    boolFlag('edit'),
    boolFlag('windows-line-endings'),
    stringFlag('raw'),
    boolFlag('record'),
  ],
  subcommands: [createDeploymentCommand, createNamespaceCommand, createPriorityClassCommand],
  run: runCreate,
};

function* runCreate(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  if (flags.list('filename').length === 0 && flags.str('kustomize') === '') {
    ctx.out.err(CREATE_NEEDS_FILE);
    if (ctx.args.length > 0)
      throw usageError(ctx.path, `unknown command ${JSON.stringify(ctx.args.join(' '))}`);
    ctx.out.err(commandHelp(createCommand, ctx.path));
    throw new ExitError();
  }
  const dry = dryRunStrategy(flags);
  const format = outputFormat(flags);
  const found = yield* gather(ctx, {
    allowEmptySelector: false,
    validate: validationEnabled(flags),
  });
  let count = 0;
  for (const info of found.infos) {
    try {
      const obj = yield* createObject(
        ctx,
        info.resource,
        info.object as KubeObject,
        dry,
        info.source,
      );
      printCreated(ctx, info.resource, obj, dry, format);
      count++;
    } catch (e) {
      ctx.errors.push(e);
    }
  }
  if (count === 0 && ctx.errors.length === 0) throw new KubectlError('no objects passed to create');
}
