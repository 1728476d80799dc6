import { SelectorParseError, parseSelector } from '../../api/labels';
import type { Pod } from '../../api/types';
import type { Task } from '../../client/task';
import { AggregateError, KubectlError, messageOf } from '../errors';
import { DRY_RUN_FLAG, SELECTOR_FLAG } from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import type { Info } from '../resource/info';
import { nameLine } from '../resource/info';
import type { CommandContext, CommandSpec } from './context';
import { checkNodeArguments, cordonNodes, nodeInfos } from './cordon';
import type { DrainOptions } from './drainHelper';
import { deleteOrEvictPods, getPodsForDeletion } from './drainHelper';
import { dryRunStrategy, dryRunSuffix } from './options';

// kubectl drain (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go RunDrain): cordon every node,
// then for each node refuse or evict its pods; a node that fails is reported and the rest carry
// on, and the failures end the command after the list of nodes still to drain.

/** kubectl drain. */
export const drain: CommandSpec = {
  name: 'drain',
  use: 'drain NODE',
  short: 'Drain node in preparation for maintenance',
  flags: [
    { name: 'chunk-size', type: 'int', default: 500 },
    boolFlag('delete-emptydir-data'),
    boolFlag('delete-local-data'),
    boolFlag('disable-eviction'),
    DRY_RUN_FLAG,
    boolFlag('force'),
    { name: 'grace-period', type: 'int', default: -1 },
    boolFlag('ignore-daemonsets'),
    stringFlag('pod-selector'),
    SELECTOR_FLAG,
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
    { name: 'timeout', type: 'duration', default: 0 },
  ],
  run: runDrain,
};

// pflag prints this when the deprecated flag is used (MarkDeprecated).
const DELETE_LOCAL_DATA_DEPRECATED =
  'Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n';

function* runDrain(ctx: CommandContext): Task<void> {
  if (ctx.flags.changed('delete-local-data')) ctx.out.err(DELETE_LOCAL_DATA_DEPRECATED);
  checkNodeArguments(ctx, 'drain');
  const opts = drainOptions(ctx);
  const nodes = yield* nodeInfos(ctx);
  yield* cordonNodes(ctx, nodes, true, opts.dryRun);
  const fatal: unknown[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    try {
      yield* drainNode(ctx, opts, node);
      ctx.out.out(nameLine(node.resource, node.name, `drained${dryRunSuffix(opts.dryRun)}`));
    } catch (err) {
      ctx.out.err(
        `error: unable to drain node ${JSON.stringify(node.name)} due to error: ${messageOf(err)}, continuing command...\n`,
      );
      fatal.push(err);
      remaining.push(node.name);
    }
  }
  if (remaining.length > 0)
    ctx.out.err(
      `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`,
    );
  if (fatal.length > 0) ctx.errors.push(new AggregateError(fatal));
}

function drainOptions(ctx: CommandContext): DrainOptions {
  const flags = ctx.flags;
  const dryRun = dryRunStrategy(flags);
  const podSelector = flags.str('pod-selector');
  try {
    parseSelector(podSelector);
  } catch (e) {
    if (e instanceof SelectorParseError)
      throw new KubectlError('--pod-selector=<pod_selector> must be a valid label selector');
    throw e;
  }
  return {
    force: flags.bool('force'),
    ignoreDaemonSets: flags.bool('ignore-daemonsets'),
    deleteEmptyDirData: flags.bool('delete-emptydir-data') || flags.bool('delete-local-data'),
    gracePeriodSeconds: flags.num('grace-period'),
    timeoutMs: flags.num('timeout'),
    podSelector,
    disableEviction: flags.bool('disable-eviction'),
    skipWaitForDeleteTimeoutSeconds: flags.num('skip-wait-for-delete-timeout'),
    dryRun,
  };
}

// deleteOrEvictPodsSimple: refuse on filter errors, warn, then evict; after a failure, name the
// pods still on the node.
function* drainNode(ctx: CommandContext, opts: DrainOptions, node: Info): Task<void> {
  const list = yield* getPodsForDeletion(ctx, opts, node.name);
  const errors = list.errors();
  if (errors.length > 0) throw new AggregateError(errors.map((e) => new KubectlError(e)));
  const warnings = list.warnings();
  if (warnings !== '') ctx.out.err(`Warning: ${warnings}\n`);
  if (opts.dryRun === 'client') {
    for (const pod of list.pods())
      ctx.out.out(
        `evicting pod ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''} (dry run)\n`,
      );
    return;
  }
  try {
    yield* deleteOrEvictPods(ctx, opts, list.pods());
  } catch (err) {
    yield* reportPending(ctx, opts, node.name, err);
    throw err;
  }
}

function* reportPending(
  ctx: CommandContext,
  opts: DrainOptions,
  node: string,
  err: unknown,
): Task<void> {
  let pods: Pod[] = [];
  let errors: unknown[];
  try {
    const pending = yield* getPodsForDeletion(ctx, opts, node);
    pods = pending.pods();
    errors = pending.errors().map((e) => new KubectlError(e));
  } catch (listError) {
    errors = [listError];
  }
  if (pods.length > 0) {
    ctx.out.err(
      `There are pending pods in node ${JSON.stringify(node)} when an error occurred: ${messageOf(err)}\n`,
    );
    for (const pod of pods) ctx.out.err(`pod/${pod.metadata?.name ?? ''}\n`);
  }
  if (errors.length > 0)
    ctx.out.err(
      `Following errors occurred while getting the list of pods to delete:\n${new AggregateError(errors).message}`,
    );
}
