import type { KubeObject } from '../../api/object';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request, sleep } from '../../client/task';
import { createThreeWayMergePatch } from '../apply/threeWay';
import { LAST_APPLIED_ANNOTATION, lastApplied, withLastApplied } from '../apply/lastApplied';
import type { JsonObject } from '../apply/schema';
import { KubectlError, addSourceToErr, usageError } from '../errors';
import {
  DRY_RUN_FLAG,
  FILENAME_FLAGS,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import { goJson } from '../manifest/goJson';
import type { Info } from '../resource/info';
import { infoString, nameLine, objectName } from '../resource/info';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import type { DryRun, OutputFormat } from './options';
import {
  dryRunStrategy,
  dryRunSuffix,
  outputFormat,
  printStructured,
  validationEnabled,
} from './options';

// kubectl apply, client side (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go, patcher.go):
// create what does not exist with the last-applied annotation; otherwise send the three-way
// strategic merge patch, retrying on Conflict; print created / configured / unchanged.

/** Warns about a live object that was not created by apply (warningNoLastAppliedConfigAnnotation). */
export const MISSING_LAST_APPLIED = (objectName: string): string =>
  `Warning: resource ${objectName} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

/** Warns about changing an object that is being deleted (warningChangesOnDeletingResource). */
export const CHANGES_ON_DELETING = (name: string): string =>
  `Warning: Detected changes to resource ${name} which is currently being deleted.\n`;

/** Patch attempts after a Conflict (patcher.go maxPatchRetry). */
const MAX_PATCH_RETRY = 5;

/** kubectl apply. */
export const applyCommand: CommandSpec = {
  name: 'apply',
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: [
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    VALIDATE_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-client-side-apply'),
    boolFlag('overwrite', undefined, true),
    boolFlag('prune'),
    boolFlag('all'),
    boolFlag('server-side'),
    boolFlag('force-conflicts'),
    boolFlag('force'),
    { name: 'grace-period', type: 'int', default: -1 },
    stringFlag('cascade', undefined, 'background'),
    boolFlag('record'),
    boolFlag('openapi-patch', undefined, true),
    { name: 'timeout', type: 'duration' },
    boolFlag('wait'),
  ],
  run: runApply,
};

interface ApplyRun {
  ctx: CommandContext;
  dry: DryRun;
  format: OutputFormat;
  printed: { resource: Info['resource']; object: KubeObject }[];
}

function* runApply(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  if (flags.bool('server-side'))
    throw new KubectlError('--server-side is not supported by Wheelhouse yet');
  const dry = dryRunStrategy(flags);
  const format = outputFormat(flags);
  if (flags.list('filename').length === 0 && flags.str('kustomize') === '') {
    throw new KubectlError('must specify one of -f and -k');
  }
  if (ctx.args.length > 0) throw usageError(ctx.path, `Unexpected args: [${ctx.args.join(' ')}]`);
  const found = yield* gather(ctx, {
    allowEmptySelector: false,
    validate: validationEnabled(flags),
  });
  if (found.infos.length === 0 && ctx.errors.length === 0)
    throw new KubectlError('no objects passed to apply');
  const run: ApplyRun = { ctx, dry, format, printed: [] };
  for (const info of found.infos) {
    try {
      yield* applyOne(run, info);
    } catch (e) {
      ctx.errors.push(e);
    }
  }
  if (ctx.errors.length === 0 && run.printed.length > 0) {
    ctx.out.out(printStructured(format, run.printed, run.printed.length > 1));
  }
}

function report(run: ApplyRun, info: Info, object: KubeObject, operation: string): void {
  if (run.format.kind !== 'default' && run.format.kind !== 'name') {
    run.printed.push({ resource: info.resource, object });
    return;
  }
  const op = run.format.kind === 'name' ? '' : `${operation}${dryRunSuffix(run.dry)}`;
  run.ctx.out.out(nameLine(info.resource, info.name, op));
}

function* applyOne(run: ApplyRun, info: Info): Task<void> {
  const obj = info.object as KubeObject;
  if (info.name === '' && obj.metadata?.generateName) {
    throw new KubectlError(
      `from ${obj.metadata.generateName}: cannot use generate name with apply`,
    );
  }
  const res = yield* request({
    verb: 'get',
    resource: info.resource.resource,
    namespace: info.namespace,
    name: info.name,
  });
  if (res.error && res.error.reason !== 'NotFound') {
    const verb = `retrieving current configuration of:\n${infoString(info)}\nfrom server for:`;
    throw addSourceToErr(verb, info.source, new StatusError(res.error));
  }
  if (res.error) return yield* createOne(run, info);
  yield* patchOne(run, info, res.body as KubeObject);
}

function* createOne(run: ApplyRun, info: Info): Task<void> {
  let obj = withLastApplied(info.object as KubeObject);
  if (run.dry !== 'client') {
    const res = yield* request({
      verb: 'create',
      resource: info.resource.resource,
      namespace: info.namespace,
      body: obj,
      dryRun: run.dry === 'server',
      fieldManager: run.ctx.flags.str('field-manager'),
    });
    if (res.error) throw addSourceToErr('creating', info.source, new StatusError(res.error));
    obj = res.body as KubeObject;
  }
  report(run, info, obj, 'created');
}

function* patchOne(run: ApplyRun, info: Info, current: KubeObject): Task<void> {
  // A client dry run stops before computing the patch and always reports "configured".
  if (run.dry === 'client') return report(run, info, info.object as KubeObject, 'configured');
  if (current.metadata?.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) {
    run.ctx.out.err(MISSING_LAST_APPLIED(objectName(info)));
  }
  const modified = withLastApplied(info.object as KubeObject) as JsonObject;
  let live = current;
  for (let attempt = 0; ; attempt++) {
    const patch = createThreeWayMergePatch(lastApplied(live), modified, live as JsonObject);
    if (Object.keys(patch).length === 0) return report(run, info, live, 'unchanged');
    const res = yield* request({
      ...target(info),
      verb: 'patch',
      body: patch,
      patchType: 'strategic',
      dryRun: run.dry === 'server',
      fieldManager: run.ctx.flags.str('field-manager'),
    });
    if (!res.error) {
      const patched = res.body as KubeObject;
      if (patched.metadata?.deletionTimestamp) run.ctx.out.err(CHANGES_ON_DELETING(info.name));
      return report(run, info, patched, 'configured');
    }
    if (res.error.reason !== 'Conflict' || attempt >= MAX_PATCH_RETRY) {
      const verb = `applying patch:\n${goJson(patch)}\nto:\n${infoString(info)}\nfor:`;
      throw addSourceToErr(verb, info.source, new StatusError(res.error));
    }
    // patcher.go backs off one second after the first retry, then re-reads the object.
    if (attempt >= 1) yield* sleep(1000);
    const again = yield* request({ ...target(info), verb: 'get' });
    if (again.error) throw new StatusError(again.error);
    live = again.body as KubeObject;
  }
}

function target(info: Info): { resource: string; namespace?: string; name: string } {
  return { resource: info.resource.resource, namespace: info.namespace, name: info.name };
}
