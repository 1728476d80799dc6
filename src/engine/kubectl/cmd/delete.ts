import type { KubeObject } from '../../api/object';
import { StatusError } from '../../apiserver/errors';
import type { PropagationPolicy } from '../../apiserver/types';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { KubectlError, addSourceToErr } from '../errors';
import {
  ALL_NAMESPACES_FLAG,
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAGS,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
} from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import type { Info } from '../resource/info';
import { kindString } from '../resource/info';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import type { DryRun } from './options';
import { dryRunStrategy } from './options';
import { waitForDeletion } from './waitDeleted';

// kubectl delete (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go, delete_flags.go): delete
// each object with the grace period and propagation asked for, print `pod "web" deleted`, then
// (--wait, the default) watch until every deleted object is gone.

/** The warning printed for --force with a zero grace period. */
export const FORCE_DELETE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

/** The warning for deleting cluster-scoped objects while -n is given. */
export const CLUSTER_SCOPE_WARNING =
  'warning: deleting cluster-scoped resources, not scoped to the provided namespace\n';

/** --wait with --timeout=0 waits for a week (delete.go). */
const WAIT_FOREVER_MS = 168 * 3_600_000;

/** kubectl delete. */
export const deleteCommand: CommandSpec = {
  name: 'delete',
  suggestFor: ['rm'],
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  short:
    'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    DRY_RUN_FLAG,
    boolFlag('all'),
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
    boolFlag('force'),
    { name: 'grace-period', type: 'int', default: -1 },
    boolFlag('ignore-not-found'),
    boolFlag('interactive', 'i'),
    boolFlag('now'),
    stringFlag('raw'),
    { name: 'timeout', type: 'duration' },
    boolFlag('wait', undefined, true),
  ],
  run: runDelete,
};

interface DeleteOptions {
  grace: number;
  policy: PropagationPolicy;
  dry: DryRun;
  nameOnly: boolean;
}

function* runDelete(ctx: CommandContext): Task<void> {
  const opts = deleteOptions(ctx);
  const { flags } = ctx;
  const bulk =
    flags.bool('all') || flags.str('selector') !== '' || flags.str('field-selector') !== '';
  const ignoreNotFound = flags.changed('ignore-not-found') ? flags.bool('ignore-not-found') : bulk;
  const found = yield* gather(ctx, {
    allowEmptySelector: false,
    labelSelector: flags.str('selector'),
    fieldSelector: flags.str('field-selector'),
    selectAll: flags.bool('all'),
    allNamespaces: flags.bool('all-namespaces'),
    requireObject: false,
    ignoreNotFound,
  });
  const deleted = yield* deleteAll(ctx, found.infos, opts, ignoreNotFound);
  if (ctx.errors.length > 0) return;
  if (found.infos.length === 0) {
    ctx.out.out('No resources found\n');
    return;
  }
  if (!flags.bool('wait') || opts.dry !== 'none') return;
  const timeout = flags.num('timeout') === 0 ? WAIT_FOREVER_MS : flags.num('timeout');
  for (const d of deleted) yield* waitForDeletion(ctx, d.info, d.uid, timeout);
}

function deleteOptions(ctx: CommandContext): DeleteOptions {
  const { flags } = ctx;
  let grace = flags.num('grace-period');
  if (flags.bool('now')) {
    if (grace !== -1)
      throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  // --grace-period=0 without --force becomes 1, to prevent accidental data loss (delete.go).
  if (grace === 0 && !flags.bool('force')) grace = 1;
  if (flags.bool('force') && grace < 0) grace = 0;
  const dry = dryRunStrategy(flags);
  const output = flags.str('output');
  if (output !== '' && output !== 'name') {
    throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  }
  if (flags.bool('all') && flags.str('field-selector') !== '') {
    throw new KubectlError('cannot set --all and --field-selector at the same time');
  }
  if (grace === 0 && flags.bool('force')) ctx.out.err(FORCE_DELETE_WARNING);
  else if (grace > 0 && flags.bool('force')) {
    throw new KubectlError(
      '--force and --grace-period greater than 0 cannot be specified together',
    );
  }
  return { grace, policy: cascade(flags.str('cascade'), ctx), dry, nameOnly: output === 'name' };
}

function cascade(value: string, ctx: CommandContext): PropagationPolicy {
  switch (value) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'true':
    case 'false': {
      const to = value === 'true' ? 'background' : 'orphan';
      ctx.out.err(
        `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${to}.\n`,
      );
      return value === 'true' ? 'Background' : 'Orphan';
    }
    default:
      throw new KubectlError(
        `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`,
      );
  }
}

interface Deleted {
  info: Info;
  uid?: string;
}

function* deleteAll(
  ctx: CommandContext,
  infos: Info[],
  opts: DeleteOptions,
  ignoreNotFound: boolean,
): Task<Deleted[]> {
  let warnClusterScope = ctx.explicitNamespace && !ctx.flags.bool('all-namespaces');
  const deleted: Deleted[] = [];
  for (const info of infos) {
    if (warnClusterScope && !info.resource.namespaced) {
      ctx.out.err(CLUSTER_SCOPE_WARNING);
      warnClusterScope = false;
    }
    if (opts.dry === 'client') {
      printDeleted(ctx, info, opts);
      deleted.push({ info });
      continue;
    }
    const res = yield* request({
      verb: 'delete',
      resource: info.resource.resource,
      namespace: info.namespace,
      name: info.name,
      gracePeriodSeconds: opts.grace >= 0 ? opts.grace : undefined,
      propagationPolicy: opts.policy,
      dryRun: opts.dry === 'server',
    });
    if (res.error) {
      if (ignoreNotFound && res.error.reason === 'NotFound') continue;
      ctx.errors.push(addSourceToErr('deleting', info.source, new StatusError(res.error)));
      continue;
    }
    printDeleted(ctx, info, opts);
    deleted.push({ info, uid: (res.body as KubeObject | undefined)?.metadata?.uid });
  }
  return deleted;
}

function printDeleted(ctx: CommandContext, info: Info, opts: DeleteOptions): void {
  const kind = kindString(info.resource);
  if (opts.nameOnly) {
    ctx.out.out(`${kind}/${info.name}\n`);
    return;
  }
  let operation = opts.grace === 0 ? 'force deleted' : 'deleted';
  if (opts.dry === 'client') operation += ' (dry run)';
  if (opts.dry === 'server') operation += ' (server dry run)';
  ctx.out.out(`${kind} "${info.name}" ${operation}\n`);
}
