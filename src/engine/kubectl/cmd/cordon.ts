import type { KubeObject } from '../../api/object';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { usageError } from '../errors';
import { DRY_RUN_FLAG, SELECTOR_FLAG } from '../flags/common';
import { nameLine } from '../resource/info';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import { dryRunStrategy, dryRunSuffix } from './options';

// kubectl cordon / uncordon (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go
// RunCordonOrUncordon): patch spec.unschedulable only when it must change; report
// "cordoned" / "already cordoned" (or the uncordon words); failures are printed per node.

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
  const verb = desired ? 'cordon' : 'uncordon';
  if (ctx.args.length === 0 && !ctx.flags.changed('selector')) {
    throw usageError(ctx.path, `USAGE: ${verb} NODE [flags]`);
  }
  const dry = dryRunStrategy(ctx.flags);
  const found = yield* gather(
    { ...ctx, args: ctx.flags.changed('selector') ? ['nodes'] : ['nodes', ...ctx.args] },
    { allowEmptySelector: true, labelSelector: ctx.flags.str('selector') },
  );
  for (const info of found.infos) {
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
