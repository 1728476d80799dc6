import type { Task } from '../../client/task';
import { KubectlError } from '../errors';
import type { Info } from '../resource/info';
import { gather } from '../resource/gather';
import type { CommandContext } from './context';

// label and annotate find their objects the same way (both use the resource builder with
// --all, -l, --field-selector and -A, reading the latest version from the server), then edit one
// metadata map of each.

/** The objects a label/annotate command acts on, and whether one object was named. */
export interface MetadataTargets {
  infos: Info[];
  single: boolean;
}

/** Finds the objects named by TYPE NAME…, -f, -l, --all; refuses --resource-version for several. */
export function* gatherMetadataTargets(
  ctx: CommandContext,
  resources: string[],
): Task<MetadataTargets> {
  const { flags } = ctx;
  const found = yield* gather(
    { ...ctx, args: resources },
    {
      allowEmptySelector: flags.bool('all'),
      labelSelector: flags.str('selector'),
      fieldSelector: flags.str('field-selector'),
      allNamespaces: flags.bool('all-namespaces'),
      latest: true,
    },
  );
  if (!found.singleItemImplied && flags.str('resource-version') !== '') {
    throw new KubectlError('--resource-version may only be used with a single resource');
  }
  return { infos: found.infos, single: found.singleItemImplied };
}

/** Runs an edit on each target, collecting errors so one failure does not stop the rest. */
export function* forEachTarget(
  ctx: CommandContext,
  targets: MetadataTargets,
  edit: (info: Info, single: boolean) => Task<void>,
): Task<void> {
  for (const info of targets.infos) {
    try {
      yield* edit(info, targets.single);
    } catch (e) {
      ctx.errors.push(e);
    }
  }
}
