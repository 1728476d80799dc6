import type { KubeObject } from '../../api/object';
import { isValidLabelValue } from '../../apiserver/validation/names';
import type { Task } from '../../client/task';
import { AggregateError, KubectlError } from '../errors';
import type { Info } from '../resource/info';
import type { CommandContext, CommandSpec } from './context';
import { forEachTarget, gatherMetadataTargets } from './metadataTargets';
import {
  jsonChange,
  metadataCommandFlags,
  metadataMap,
  metadataPatch,
  patchAndPrint,
  resourcesAndPairs,
  withMetadataMap,
} from './metadataPairs';
import type { DryRun } from './options';
import { dryRunStrategy, outputFormat } from './options';

// kubectl label (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go): key=value adds, key-
// removes, an existing key needs --overwrite; the result is sent as a JSON merge patch and
// reported as labeled, unlabeled or not labeled.

/** The name printer's operations (label.go MsgLabeled and friends). */
export const MSG_LABELED = 'labeled';
/** Printed when only removals shrank the object without --overwrite. */
export const MSG_UNLABELED = 'unlabeled';
/** Printed when nothing changed. */
export const MSG_NOT_LABELED = 'not labeled';

/** kubectl label. */
export const labelCommand: CommandSpec = {
  name: 'label',
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the labels on a resource',
  flags: metadataCommandFlags('kubectl-label'),
  run: runLabel,
};

interface LabelChange {
  add: Record<string, string>;
  remove: string[];
}

/** Parses label arguments as label.go parseLabels does. */
function parseLabels(specs: readonly string[]): LabelChange {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1] as string);
      if (errs.length > 0)
        throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      add[parts[0] as string] = parts[1] as string;
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`unknown label spec: ${spec}`);
  }
  if (remove.some((k) => k in add))
    throw new KubectlError('can not both modify and remove a label in the same command');
  return { add, remove };
}

function* runLabel(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  const dry = dryRunStrategy(flags);
  const { resources, pairs } = resourcesAndPairs(ctx.args, 'label');
  const change = parseLabels(pairs);
  if (flags.bool('list') && flags.str('output') !== '')
    throw new KubectlError('--list and --output may not be specified together');
  outputFormat(flags);
  if (flags.bool('all') && flags.str('selector') !== '')
    throw new KubectlError('cannot set --all and --selector at the same time');
  if (resources.length === 0 && flags.list('filename').length === 0) {
    throw new KubectlError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  }
  if (Object.keys(change.add).length === 0 && change.remove.length === 0 && !flags.bool('list')) {
    throw new KubectlError('at least one label update is required');
  }
  const targets = yield* gatherMetadataTargets(ctx, resources);
  yield* forEachTarget(ctx, targets, (info, single) => labelOne(ctx, info, change, dry, single));
}

function* labelOne(
  ctx: CommandContext,
  info: Info,
  change: LabelChange,
  dry: DryRun,
  single: boolean,
): Task<void> {
  const obj = info.object as KubeObject;
  const labels = metadataMap(obj, 'labels');
  if (ctx.flags.bool('list')) return listLabels(ctx, info, labels, single);
  const overwrite = ctx.flags.bool('overwrite');
  if (dry !== 'client') {
    for (const k of change.remove)
      if (!(k in labels)) ctx.out.out(`label ${JSON.stringify(k)} not found.\n`);
  }
  if (!overwrite) {
    const clashes = Object.keys(change.add)
      .filter((k) => k in labels)
      .map(
        (k) =>
          new KubectlError(`'${k}' already has a value (${labels[k]}), and --overwrite is false`),
      );
    if (clashes.length > 0) throw clashes.length === 1 ? clashes[0] : new AggregateError(clashes);
  }
  const next = { ...labels, ...change.add };
  for (const k of change.remove) delete next[k];
  const rv = ctx.flags.str('resource-version');
  const before = rv !== '' ? withMetadataMap(obj, 'labels', labels, '') : obj;
  const updated = withMetadataMap(obj, 'labels', next, rv);
  const { changed, shorter } = jsonChange(obj, withMetadataMap(obj, 'labels', next, ''));
  const msg = !changed ? MSG_NOT_LABELED : !overwrite && shorter ? MSG_UNLABELED : MSG_LABELED;
  yield* patchAndPrint(ctx, info, updated, metadataPatch(before, updated, 'labels', rv), msg, dry);
}

function listLabels(
  ctx: CommandContext,
  info: Info,
  labels: Record<string, string>,
  single: boolean,
): void {
  const indent = single ? '' : ' ';
  if (!single)
    ctx.out.out(`Listing labels for ${info.resource.kind}.${info.resource.group}/${info.name}:\n`);
  for (const k of Object.keys(labels).sort()) ctx.out.out(`${indent}${k}=${labels[k]}\n`);
}
