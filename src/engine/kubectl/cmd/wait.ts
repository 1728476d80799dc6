import type { KubeObject } from '../../api/object';
import { StatusError, notFound } from '../../apiserver/errors';
import { qualifiedResource } from '../../api/resources';
import type { Task } from '../../client/task';
import { watchUntil } from '../../client/task';
import { KubectlError } from '../errors';
import {
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAGS,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
} from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import type { Info } from '../resource/info';
import { nameLine } from '../resource/info';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import { TIMED_OUT, waitForDeletion } from './waitDeleted';
import { parseWaitFor } from './waitConditions';

// kubectl wait (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go): for each object, check once,
// then watch it by name until the condition holds, it is deleted, or --timeout runs out in
// virtual time; print "pod/web condition met".

/** --timeout below zero means a week (wait.go). */
const FOREVER_MS = 168 * 3_600_000;

/** kubectl wait. */
export const waitCommand: CommandSpec = {
  name: 'wait',
  suggestFor: ['list', 'ps'],
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  short: 'Experimental: Wait for a specific condition on one or many resources',
  flags: [
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    boolFlag('all'),
    boolFlag('local'),
    { name: 'timeout', type: 'duration', default: 30_000 },
    stringFlag('for'),
  ],
  run: runWait,
};

function* runWait(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  const waitFor = parseWaitFor(flags.str('for'));
  const timeout = flags.num('timeout') < 0 ? FOREVER_MS : flags.num('timeout');
  const found = yield* gather(ctx, {
    allowEmptySelector: flags.bool('all'),
    labelSelector: flags.str('selector'),
    fieldSelector: flags.str('field-selector'),
    allNamespaces: flags.bool('all-namespaces'),
    latest: true,
    ignoreNotFound: waitFor.kind === 'delete',
  });
  if (ctx.errors.length > 0) return;
  if (found.infos.length === 0 && waitFor.kind !== 'delete')
    throw new KubectlError('no matching resources found');
  for (const info of found.infos) {
    if (waitFor.kind === 'delete')
      yield* waitForDeletion(ctx, info, info.object?.metadata?.uid, timeout);
    else yield* waitForCondition(info, waitFor.check, timeout);
    ctx.out.out(nameLine(info.resource, info.name, 'condition met'));
  }
}

function* waitForCondition(
  info: Info,
  check: (obj: KubeObject) => boolean,
  timeoutMs: number,
): Task<void> {
  const obj = info.object as KubeObject;
  if (check(obj)) return;
  if (timeoutMs === 0)
    throw new KubectlError(`condition not met for ${info.resource.resource}/${info.name}`);
  let failure: unknown;
  const event = yield* watchUntil(
    {
      verb: 'watch',
      resource: info.resource.resource,
      namespace: info.namespace,
      fieldSelector: `metadata.name=${info.name}`,
      resourceVersion: obj.metadata?.resourceVersion,
    },
    (e) => {
      if (e.type === 'DELETED') return true;
      if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return false;
      try {
        return check(e.object);
      } catch (err) {
        failure = err;
        return true;
      }
    },
    timeoutMs,
  );
  if (failure) throw failure;
  if (!event) throw new KubectlError(TIMED_OUT(info));
  if (event.type === 'DELETED')
    throw new StatusError(notFound(qualifiedResource(info.resource), info.name).status);
}
