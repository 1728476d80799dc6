import type { KubeObject } from '../../api/object';
import type { Task } from '../../client/task';
import { watchUntil } from '../../client/task';
import { KubectlError, usageError } from '../errors';
import { FILENAME_FLAGS, SELECTOR_FLAG } from '../flags/common';
import { boolFlag } from '../flags/types';
import type { Info } from '../resource/info';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import { runCommandGroup } from './help';
import { rolloutHistoryCommand } from './rolloutHistory';
import { rolloutPauseCommand, rolloutResumeCommand } from './rolloutPause';
import { rolloutRestartCommand } from './rolloutRestart';
import { deploymentStatus } from './rolloutStatus';
import type { RolloutStatus } from './rolloutStatus';
import { rolloutUndoCommand } from './rolloutUndo';

// kubectl rollout status (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go): watch the
// object by name and print the status viewer's line on every ADDED/MODIFIED event until the
// rollout is done, advancing virtual time; --timeout bounds the wait.

/** The error when --timeout runs out (wait.ErrWaitTimeout). */
export const ROLLOUT_TIMED_OUT = 'timed out waiting for the condition';

/** A timeout of 0 means no timeout; the simulator stops after a week of virtual time. */
const FOREVER_MS = 168 * 3_600_000;

const statusCommand: CommandSpec = {
  name: 'status',
  use: 'status (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Show the status of the rollout',
  flags: [
    ...FILENAME_FLAGS,
    SELECTOR_FLAG,
    { name: 'revision', type: 'int' },
    boolFlag('watch', 'w', true),
    { name: 'timeout', type: 'duration' },
  ],
  run: runStatus,
};

/** kubectl rollout. */
export const rolloutCommand: CommandSpec = {
  name: 'rollout',
  use: 'rollout SUBCOMMAND',
  short: 'Manage the rollout of a resource',
  flags: [],
  subcommands: [
    rolloutHistoryCommand,
    rolloutPauseCommand,
    rolloutRestartCommand,
    rolloutResumeCommand,
    statusCommand,
    rolloutUndoCommand,
  ],
  run: (ctx) => runCommandGroup(ctx, rolloutCommand),
};

function* runStatus(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  if (ctx.args.length === 0 && flags.list('filename').length === 0) {
    throw usageError(ctx.path, 'Required resource not specified.');
  }
  if (flags.num('revision') < 0)
    throw new KubectlError(`revision must be a positive integer: ${flags.num('revision')}`);
  const found = yield* gather(ctx, {
    allowEmptySelector: true,
    labelSelector: flags.str('selector'),
    latest: true,
  });
  if (ctx.errors.length > 0) return;
  if (found.infos.length === 0) {
    ctx.out.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return;
  }
  for (const info of found.infos) yield* watchRollout(ctx, info);
}

function viewerFor(info: Info): (obj: KubeObject, revision: number) => RolloutStatus {
  if (info.resource.kind === 'Deployment') return deploymentStatus;
  const gk = info.resource.group
    ? `${info.resource.kind}.${info.resource.group}`
    : info.resource.kind;
  throw new KubectlError(`no status viewer has been implemented for ${gk}`);
}

function* watchRollout(ctx: CommandContext, info: Info): Task<void> {
  const viewer = viewerFor(info);
  const revision = ctx.flags.num('revision');
  const watch = ctx.flags.bool('watch');
  const timeout = ctx.flags.num('timeout') > 0 ? ctx.flags.num('timeout') : FOREVER_MS;
  let failure: unknown;
  let finished = false;
  const event = yield* watchUntil(
    {
      verb: 'watch',
      resource: info.resource.resource,
      namespace: info.namespace,
      fieldSelector: `metadata.name=${info.name}`,
    },
    (e) => {
      if (e.type === 'DELETED') {
        failure = new KubectlError('object has been deleted');
        return true;
      }
      if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return false;
      try {
        const status = viewer(e.object, revision);
        ctx.out.out(status.message);
        finished = status.done || !watch;
      } catch (err) {
        failure = err;
        return true;
      }
      return finished;
    },
    timeout,
  );
  if (failure) throw failure;
  if (!event) throw new KubectlError(ROLLOUT_TIMED_OUT);
}
