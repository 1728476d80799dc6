import type { KubeObject } from '../../api/object';
import type { Container } from '../../api/types';
import type { Task } from '../../client/task';
import { AggregateError, KubectlError, messageOf } from '../errors';
import {
  DRY_RUN_FLAG,
  FILENAME_FLAGS,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  fieldManagerFlag,
} from '../flags/common';
import { goQuote } from '../flags/values';
import { boolFlag } from '../flags/types';
import { gather } from '../resource/gather';
import { objectName } from '../resource/info';
import type { CommandContext, CommandSpec } from './context';
import { parsePairs, resourcesAndPairs } from './metadataPairs';
import type { DryRun } from './options';
import {
  RECORD_FLAG,
  dryRunStrategy,
  outputFormat,
  printResult,
  warnRecordDeprecated,
} from './options';
import type { CalculatedPatch, Mutation } from './rolloutPatch';
import { calculatePatch, isEmptyPatch, sendPatch } from './rolloutPatch';
import { podSpecOf } from './setPodSpec';

// kubectl set image (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go, v1.31): set container
// images (by name, or * for all) in each object's pod spec and send the difference as a
// strategic merge patch; objects left unchanged print nothing.

/** The name printer's operation. */
export const MSG_IMAGE_UPDATED = 'image updated';

/** Explains --local with resource arguments (resource.LocalResourceError). */
export const LOCAL_RESOURCE_ERROR = `you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/** kubectl set image. */
export const setImageCommand: CommandSpec = {
  name: 'image',
  use: 'image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  short: 'Update the image of a pod template',
  flags: [
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    boolFlag('all'),
    boolFlag('local'),
    fieldManagerFlag('kubectl-set'),
    RECORD_FLAG,
  ],
  run: runSetImage,
};

function* runSetImage(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  warnRecordDeprecated(ctx);
  const dry = dryRunStrategy(flags);
  outputFormat(flags);
  const { resources, pairs } = resourcesAndPairs(ctx.args, 'image');
  const images = parsePairs(pairs, 'image', false).add;
  const local = flags.bool('local');
  if (local && resources.length > 0) throw new KubectlError(LOCAL_RESOURCE_ERROR);
  const found = yield* gather(
    { ...ctx, args: resources },
    local
      ? { allowEmptySelector: false }
      : {
          allowEmptySelector: flags.bool('all'),
          labelSelector: flags.str('selector'),
          latest: true,
        },
  );
  // Complete returns the builder's Infos() error: one unreadable object stops the command.
  if (ctx.errors.length > 0) return;
  validate(ctx, resources, images, dry);
  const patches = found.infos.map((info) => calculatePatch(info, setImages(ctx, images)));
  for (const p of patches) {
    try {
      yield* patchOne(ctx, p, dry);
    } catch (e) {
      ctx.errors.push(e);
    }
  }
}

function validate(
  ctx: CommandContext,
  resources: readonly string[],
  images: Record<string, string>,
  dry: DryRun,
): void {
  const { flags } = ctx;
  const errs: KubectlError[] = [];
  if (flags.bool('all') && flags.str('selector') !== '')
    errs.push(new KubectlError('cannot set --all and --selector at the same time'));
  if (resources.length === 0 && flags.list('filename').length === 0) {
    errs.push(
      new KubectlError(
        'one or more resources must be specified as <resource> <name> or <resource>/<name>',
      ),
    );
  }
  const names = Object.keys(images);
  if (names.length === 0) errs.push(new KubectlError('at least one image update is required'));
  else if (names.length > 1 && names.includes('*')) {
    errs.push(
      new KubectlError(
        'all containers are already specified by *, but saw more than one container_name=container_image pairs',
      ),
    );
  }
  if (flags.bool('local') && dry === 'server') {
    errs.push(
      new KubectlError(
        'cannot specify --local and --dry-run=server - did you mean --dry-run=client?',
      ),
    );
  }
  if (errs.length > 0) throw errs.length === 1 ? errs[0] : new AggregateError(errs);
}

// The edit of one object; a missing container is reported but does not stop the others.
function setImages(ctx: CommandContext, images: Record<string, string>): Mutation {
  return (obj) => {
    const spec = podSpecOf(obj);
    for (const [name, image] of Object.entries(images)) {
      const inInit = setImage(spec.initContainers, name, image);
      const found = setImage(spec.containers, name, image);
      if (!inInit && !found)
        ctx.errors.push(new KubectlError(`error: unable to find container named ${goQuote(name)}`));
    }
  };
}

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      c.image = image;
      found = true;
    }
  }
  return found;
}

function* patchOne(ctx: CommandContext, p: CalculatedPatch, dry: DryRun): Task<void> {
  const { info } = p;
  if (p.error !== undefined)
    throw new KubectlError(`error: ${objectName(info)} ${messageOf(p.error)}\n`);
  if (isEmptyPatch(p)) return;
  if (ctx.flags.bool('local') || dry === 'client') {
    printResult(ctx, info, p.after as KubeObject, MSG_IMAGE_UPDATED, dry);
    return;
  }
  let actual: KubeObject;
  try {
    actual = yield* sendPatch(ctx, p, dry === 'server');
  } catch (e) {
    throw new KubectlError(`failed to patch image update to pod template: ${messageOf(e)}`);
  }
  printResult(ctx, info, actual, MSG_IMAGE_UPDATED, dry);
}
