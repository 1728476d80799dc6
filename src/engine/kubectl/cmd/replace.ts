import type { KubeObject } from '../../api/object';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { KubectlError, addSourceToErr, usageError } from '../errors';
import {
  DRY_RUN_FLAG,
  FILENAME_FLAGS,
  OUTPUT_FLAG,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import { withLastApplied } from '../apply/lastApplied';
import type { Info } from '../resource/info';
import { nameLine } from '../resource/info';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import type { DryRun } from './options';
import {
  dryRunStrategy,
  dryRunSuffix,
  outputFormat,
  printStructured,
  validationEnabled,
} from './options';

// kubectl replace (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go, resource.Helper.Replace):
// PUT each object from the file. An object without a resourceVersion takes the live one first;
// one that carries a stale resourceVersion gets the apiserver's 409 Conflict.

/** kubectl replace. */
export const replaceCommand: CommandSpec = {
  name: 'replace',
  use: 'replace -f FILENAME',
  short: 'Replace a resource by file name or stdin',
  flags: [
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    VALIDATE_FLAG,
    DRY_RUN_FLAG,
    SAVE_CONFIG_FLAG,
    fieldManagerFlag('kubectl-replace'),
    boolFlag('force'),
    { name: 'grace-period', type: 'int', default: -1 },
    stringFlag('cascade', undefined, 'background'),
    { name: 'timeout', type: 'duration' },
    boolFlag('wait'),
    stringFlag('raw'),
    stringFlag('subresource'),
  ],
  run: runReplace,
};

function* runReplace(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  const dry = dryRunStrategy(flags);
  outputFormat(flags);
  if (flags.list('filename').length === 0 && flags.str('kustomize') === '') {
    throw usageError(ctx.path, 'Must specify --filename to replace');
  }
  if (flags.bool('force')) throw new KubectlError('--force is not supported by Wheelhouse yet');
  const found = yield* gather(ctx, {
    allowEmptySelector: false,
    validate: validationEnabled(flags),
  });
  for (const info of found.infos) {
    try {
      yield* replaceOne(ctx, info, dry);
    } catch (e) {
      ctx.errors.push(e);
    }
  }
}

function* replaceOne(ctx: CommandContext, info: Info, dry: DryRun): Task<void> {
  let obj = info.object as KubeObject;
  if (ctx.flags.bool('save-config')) obj = withLastApplied(obj);
  if (dry !== 'client') {
    if (!obj.metadata?.resourceVersion) {
      const live = yield* request({
        verb: 'get',
        resource: info.resource.resource,
        namespace: info.namespace,
        name: info.name,
      });
      const rv = (live.body as KubeObject | undefined)?.metadata?.resourceVersion;
      if (!live.error && rv) obj = { ...obj, metadata: { ...obj.metadata, resourceVersion: rv } };
    }
    const res = yield* request({
      verb: 'update',
      resource: info.resource.resource,
      namespace: info.namespace,
      name: info.name,
      body: obj,
      dryRun: dry === 'server',
      fieldManager: ctx.flags.str('field-manager'),
    });
    if (res.error) throw addSourceToErr('replacing', info.source, new StatusError(res.error));
    obj = res.body as KubeObject;
  }
  const format = outputFormat(ctx.flags);
  if (format.kind === 'default')
    ctx.out.out(nameLine(info.resource, info.name, `replaced${dryRunSuffix(dry)}`));
  else ctx.out.out(printStructured(format, [{ resource: info.resource, object: obj }], false));
}
