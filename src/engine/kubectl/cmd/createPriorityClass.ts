import type { KubeObject } from '../../api/object';
import type { Task } from '../../client/task';
import { boolFlag, stringFlag } from '../flags/types';
import type { CommandContext, CommandSpec } from './context';
import { CREATE_SUBCOMMAND_FLAGS, createBuilt } from './createObject';
import { nameFromArgs } from './createDeployment';

// kubectl create priorityclass (create_priorityclass.go): a PriorityClass with --value (0 unless
// given), --global-default, --description and --preemption-policy (PreemptLowerPriority unless
// given); API errors come back as "failed to create priorityclass: …".

/** kubectl create priorityclass. */
export const createPriorityClassCommand: CommandSpec = {
  name: 'priorityclass',
  aliases: ['pc'],
  use: 'priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]',
  short: 'Create a priority class with the specified name',
  flags: [
    ...CREATE_SUBCOMMAND_FLAGS,
    { name: 'value', type: 'int32', default: 0 },
    boolFlag('global-default'),
    stringFlag('description'),
    stringFlag('preemption-policy', undefined, 'PreemptLowerPriority'),
  ],
  run: runCreatePriorityClass,
};

function* runCreatePriorityClass(ctx: CommandContext): Task<void> {
  const name = nameFromArgs(ctx);
  const description = ctx.flags.str('description');
  // The typed struct marshals with omitempty on globalDefault and description.
  const pc: KubeObject = {
    kind: 'PriorityClass',
    apiVersion: 'scheduling.k8s.io/v1',
    metadata: { name, creationTimestamp: null as unknown as string },
    value: ctx.flags.num('value'),
    ...(ctx.flags.bool('global-default') ? { globalDefault: true } : {}),
    ...(description ? { description } : {}),
    preemptionPolicy: ctx.flags.str('preemption-policy'),
  };
  yield* createBuilt(ctx, 'PriorityClass', pc, 'priorityclass');
}
