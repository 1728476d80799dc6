import type { KubeObject } from '../../api/object';
import type { Task } from '../../client/task';
import { CHANGE_CAUSE_ANNOTATION } from '../describe';
import { KubectlError } from '../errors';
import type { Info } from '../resource/info';
import type { CommandContext, CommandSpec } from './context';
import { forEachTarget, gatherMetadataTargets } from './metadataTargets';
import type { Pairs } from './metadataPairs';
import {
  metadataCommandFlags,
  metadataMap,
  metadataPatch,
  parsePairs,
  patchAndPrint,
  resourcesAndPairs,
  withMetadataMap,
} from './metadataPairs';
import type { DryRun } from './options';
import { dryRunStrategy, outputFormat } from './options';

// kubectl annotate (staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go): like label, but
// every success prints "annotated", and an existing key without --overwrite is one error naming
// all of them.

/** kubectl annotate. */
export const annotateCommand: CommandSpec = {
  name: 'annotate',
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the annotations on a resource',
  flags: metadataCommandFlags('kubectl-annotate'),
  run: runAnnotate,
};

function validate(ctx: CommandContext, resources: string[], change: Pairs): void {
  const { flags } = ctx;
  if (flags.bool('all') && flags.str('selector') !== '')
    throw new KubectlError('cannot set --all and --selector at the same time');
  if (resources.length === 0 && flags.list('filename').length === 0) {
    throw new KubectlError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  }
  if (Object.keys(change.add).length === 0 && change.remove.length === 0 && !flags.bool('list')) {
    throw new KubectlError('at least one annotation update is required');
  }
  const both = change.remove.filter((k) => k in change.add);
  if (both.length > 0) {
    throw new KubectlError(
      `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    );
  }
}

function* runAnnotate(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  const dry = dryRunStrategy(flags);
  outputFormat(flags);
  const { resources, pairs } = resourcesAndPairs(ctx.args, 'annotation');
  const change = parsePairs(pairs, 'annotation', true);
  validate(ctx, resources, change);
  const targets = yield* gatherMetadataTargets(ctx, resources);
  yield* forEachTarget(ctx, targets, (info, single) => annotateOne(ctx, info, change, dry, single));
}

function* annotateOne(
  ctx: CommandContext,
  info: Info,
  change: Pairs,
  dry: DryRun,
  single: boolean,
): Task<void> {
  const obj = info.object as KubeObject;
  const current = metadataMap(obj, 'annotations');
  if (ctx.flags.bool('list')) {
    if (!single)
      ctx.out.out(
        `Listing annotations for ${info.resource.kind}.${info.resource.group}/${info.name}:\n`,
      );
    for (const k of Object.keys(current).sort())
      ctx.out.out(`${single ? '' : ' '}${k}=${current[k]}\n`);
    return;
  }
  if (!ctx.flags.bool('overwrite')) {
    // The change-cause annotation may always be overwritten.
    const clashes = Object.keys(change.add)
      .filter((k) => k !== CHANGE_CAUSE_ANNOTATION && k in current)
      .map((k) => `'${k}' already has a value (${current[k]})`);
    if (clashes.length > 0) {
      throw new KubectlError(
        `--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`,
      );
    }
  }
  const next = { ...current, ...change.add };
  for (const k of change.remove) delete next[k];
  const rv = ctx.flags.str('resource-version');
  const updated = withMetadataMap(obj, 'annotations', next, rv);
  yield* patchAndPrint(
    ctx,
    info,
    updated,
    metadataPatch(obj, updated, 'annotations', rv),
    'annotated',
    dry,
  );
}
