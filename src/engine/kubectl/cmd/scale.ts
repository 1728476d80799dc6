import type { KubeObject } from '../../api/object';
import type { Task } from '../../client/task';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG } from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import {
  RECORD_FLAG,
  dryRunStrategy,
  outputFormat,
  printResult,
  warnRecordDeprecated,
} from './options';
import type { ScalePrecondition } from './scaleScaler';
import { scale, waitForReplicas } from './scaleScaler';

// kubectl scale (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go, v1.31): set spec.replicas
// through the scale subresource of each object named, with optional --current-replicas /
// --resource-version preconditions, and optionally wait (--timeout) for the new size.

/** The name printer's operation. */
export const MSG_SCALED = 'scaled';

/** kubectl scale. */
export const scaleCommand: CommandSpec = {
  name: 'scale',
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: [
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    boolFlag('all'),
    stringFlag('resource-version'),
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'replicas', type: 'int' },
    { name: 'timeout', type: 'duration' },
    RECORD_FLAG,
  ],
  run: runScale,
};

function* runScale(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  warnRecordDeprecated(ctx);
  // cobra's MarkFlagRequired runs before anything else.
  if (!flags.changed('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
  const dry = dryRunStrategy(flags);
  outputFormat(flags);
  const replicas = flags.num('replicas');
  if (replicas < 0) {
    throw new KubectlError(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  }
  if (flags.num('current-replicas') < -1)
    throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');
  const found = yield* gather(ctx, {
    allowEmptySelector: flags.bool('all'),
    labelSelector: flags.str('selector'),
  });
  // v1.31 keeps only the objects it could read and drops the errors (fixed in v1.32), so a
  // missing object reads "no objects passed to scale".
  ctx.errors.length = 0;
  const resourceVersion = flags.str('resource-version');
  if (resourceVersion !== '' && found.infos.length > 1)
    throw new KubectlError('cannot use --resource-version with multiple resources');
  // A nil precondition lets the scaler patch blindly instead of reading the scale first.
  const precondition: ScalePrecondition | undefined =
    flags.num('current-replicas') !== -1 || resourceVersion !== ''
      ? { size: flags.num('current-replicas'), resourceVersion }
      : undefined;
  if (found.infos.length === 0) throw new KubectlError('no objects passed to scale');
  const now = () => ctx.io.now();
  for (const info of found.infos) {
    if (dry !== 'client') {
      yield* scale(now, info, replicas, precondition, dry === 'server');
      if (flags.num('timeout') !== 0 && dry === 'none')
        yield* waitForReplicas(now, info, replicas, flags.num('timeout'));
    }
    // v1.31 prints the object as it was read, before the new size.
    printResult(ctx, info, info.object as KubeObject, MSG_SCALED, dry);
  }
}
