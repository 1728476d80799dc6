import type { KubeObject } from '../../api/object';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { usageError } from '../errors';
import { DRY_RUN_FLAG, SELECTOR_FLAG } from '../flags/common';
import type { Info } from '../resource/info';
import { nameLine } from '../resource/info';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import type { DryRun } from './options';
import { dryRunStrategy, dryRunSuffix } from './options';

// kubectl cordon / uncordon (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go
// RunCordonOrUncordon): patch spec.unschedulable only when it must change; report
// "cordoned" / "already cordoned" (or the uncordon words); failures are printed per node.
// drain shares the node lookup (DrainCmdOptions.Complete) and cordons first.

function cordonCommand(desired: boolean): CommandSpec {
  const name = desired ? 'cordon' : 'uncordon';
  return {
    name,
    use: `${name} NODE`,
    short: desired ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    flags: [DRY_RUN_FLAG, SELECTOR_FLAG],
    run: (ctx) => runCordon(ctx, desired),
  };
}

/** kubectl cordon. */
export const cordon = cordonCommand(true);
/** kubectl uncordon. */
export const uncordon = cordonCommand(false);

function* runCordon(ctx: CommandContext, desired: boolean): Task<void> {
  checkNodeArguments(ctx, desired ? 'cordon' : 'uncordon');
  const dry = dryRunStrategy(ctx.flags);
  yield* cordonNodes(ctx, yield* nodeInfos(ctx), desired, dry);
}

/** Refuses a command line naming no node, or both names and -l (DrainCmdOptions.Complete). */
export function checkNodeArguments(ctx: CommandContext, verb: string): void {
  if (ctx.args.length === 0 && !ctx.flags.changed('selector')) {
    throw usageError(ctx.path, `USAGE: ${verb} NODE [flags]`);
  }
  if (ctx.args.length > 0 && ctx.flags.str('selector') !== '') {
    throw usageError(ctx.path, 'error: cannot specify both a node name and a --selector option');
  }
}

/** Fetches the nodes named or selected; the first that cannot be read stops the command. */
export function* nodeInfos(ctx: CommandContext): Task<Info[]> {
  const before = ctx.errors.length;
  const found = yield* gather(
    { ...ctx, args: ctx.flags.changed('selector') ? ['nodes'] : ['nodes', ...ctx.args] },
    { allowEmptySelector: true, labelSelector: ctx.flags.str('selector') },
  );
  // The builder runs without ContinueOnError here, so its visitor stops at the first error.
  const failed = ctx.errors.splice(before);
  if (failed.length > 0) throw failed[0];
  return found.infos;
}

/** Sets spec.unschedulable on each node that needs it, printing one line per node. */
export function* cordonNodes(
  ctx: CommandContext,
  infos: readonly Info[],
  desired: boolean,
  dry: DryRun,
): Task<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const info of infos) {
    const node = info.object as KubeObject & { spec?: { unschedulable?: boolean } };
    if ((node.spec?.unschedulable ?? false) === desired) {
      ctx.out.out(nameLine(info.resource, info.name, `already ${verb}ed${dryRunSuffix(dry)}`));
      continue;
    }
    if (dry !== 'client') {
      const res = yield* request({
        verb: 'patch',
        resource: 'nodes',
        name: info.name,
        body: { spec: { unschedulable: desired ? true : null } },
        patchType: 'strategic',
        dryRun: dry === 'server',
      });
      if (res.error) {
        ctx.out.err(
          `error: unable to ${verb} node ${JSON.stringify(info.name)}: ${new StatusError(res.error).message}\n`,
        );
        continue;
      }
    }
    ctx.out.out(nameLine(info.resource, info.name, `${verb}ed${dryRunSuffix(dry)}`));
  }
}
