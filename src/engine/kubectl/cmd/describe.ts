import type { KubeObject } from '../../api/object';
import type { ObjectList } from '../../apiserver/types';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { describe, describeQueries } from '../describe';
import { KubectlError } from '../errors';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAGS, SELECTOR_FLAG } from '../flags/common';
import { boolFlag } from '../flags/types';
import type { Info } from '../resource/info';
import { fetchTargets } from '../resource/fetch';
import { gather } from '../resource/gather';
import { resolveType } from '../resource/resolve';
import type { CommandContext, CommandSpec } from './context';
import { SUGGEST_API_RESOURCES } from './get';

// kubectl describe (staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go): describe each
// object (reading the related lists its describer needs), separated by a blank line; a name that
// is not found is tried as a prefix of the type's names (DescribeMatchingResources).

/** kubectl describe. */
export const describeCommand: CommandSpec = {
  name: 'describe',
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  short: 'Show details of a specific resource or group of resources',
  flags: [
    ...FILENAME_FLAGS,
    SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    boolFlag('show-events', undefined, true),
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  run: runDescribe,
};

function* runDescribe(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  if (ctx.args.length === 0 && flags.list('filename').length === 0) {
    throw new KubectlError(
      `You must specify the type of resource to describe. ${SUGGEST_API_RESOURCES}\n`,
    );
  }
  const allNamespaces = flags.bool('all-namespaces');
  const found = yield* gather(ctx, {
    allowEmptySelector: true,
    labelSelector: flags.str('selector'),
    allNamespaces,
    latest: true,
  });
  const notFoundOnly =
    ctx.errors.length > 0 &&
    ctx.errors.every((e) => (e as { reason?: string }).reason === 'NotFound');
  if (found.infos.length === 0 && notFoundOnly && ctx.args.length === 2) {
    const matched = yield* describeMatching(ctx, ctx.args[0] as string, ctx.args[1] as string);
    if (matched) ctx.errors.length = 0;
    return;
  }
  let first = true;
  for (const info of found.infos) {
    const text = yield* describeOne(ctx, info);
    ctx.out.out(first ? text : `\n\n${text}`);
    first = false;
  }
  if (found.infos.length === 0 && ctx.errors.length === 0) {
    ctx.out.err(
      allNamespaces
        ? 'No resources found\n'
        : `No resources found in ${ctx.namespace} namespace.\n`,
    );
  }
}

function* describeOne(ctx: CommandContext, info: Info): Task<string> {
  const obj = info.object as KubeObject;
  const queries = describeQueries(info.resource, obj);
  if (!ctx.flags.bool('show-events')) delete queries.events;
  const related: Record<string, KubeObject[]> = {};
  for (const [name, req] of Object.entries(queries)) {
    const res = yield* request(req);
    const body = res.body as (KubeObject & Partial<ObjectList>) | undefined;
    related[name] = res.error || !body ? [] : Array.isArray(body.items) ? body.items : [body];
  }
  return describe(info.resource, obj, related, ctx.io.now());
}

function* describeMatching(ctx: CommandContext, type: string, prefix: string): Task<boolean> {
  const resource = resolveType(type);
  const listed = yield* fetchTargets([
    {
      kind: 'list',
      resource,
      namespace: resource.namespaced ? ctx.namespace : undefined,
      labelSelector: '',
      fieldSelector: '',
    },
  ]);
  const matches = listed.infos.filter((i) => i.name.startsWith(prefix));
  for (const info of matches) ctx.out.out(`${yield* describeOne(ctx, info)}\n`);
  return matches.length > 0;
}
