import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { resourceForKind } from '../../api/resources';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { withLastApplied } from '../apply/lastApplied';
import { KubectlError, addSourceToErr, messageOf } from '../errors';
import {
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from '../flags/common';
import type { FlagSpec } from '../flags/types';
import { nameLine } from '../resource/info';
import type { CommandContext } from './context';
import type { DryRun, OutputFormat } from './options';
import { dryRunStrategy, dryRunSuffix, outputFormat, printStructured } from './options';

// The create step create, create deployment, create namespace and run share: POST the object
// (with --save-config's annotation), then print "kind/name created" or the -o format.

/** POSTs an object (unless a client dry run); errors name the file the object came from. */
export function* createObject(
  ctx: CommandContext,
  resource: ResourceInfo,
  object: KubeObject,
  dry: DryRun,
  source?: string,
): Task<KubeObject> {
  const body = ctx.flags.bool('save-config') ? withLastApplied(object) : object;
  if (dry === 'client') return body;
  const res = yield* request({
    verb: 'create',
    resource: resource.resource,
    namespace: resource.namespaced ? (body.metadata?.namespace ?? ctx.namespace) : undefined,
    body,
    dryRun: dry === 'server',
    fieldManager: ctx.flags.str('field-manager'),
  });
  if (res.error) throw addSourceToErr('creating', source, new StatusError(res.error));
  return res.body as KubeObject;
}

/** Prints "pod/web created" or the object in the -o format. */
export function printCreated(
  ctx: CommandContext,
  resource: ResourceInfo,
  obj: KubeObject,
  dry: DryRun,
  format: OutputFormat,
): void {
  if (format.kind === 'default') {
    ctx.out.out(nameLine(resource, obj.metadata?.name ?? '', `created${dryRunSuffix(dry)}`));
  } else {
    ctx.out.out(printStructured(format, [{ resource, object: obj }], false));
  }
}

/** The flags every create subcommand adds: -o, --save-config, --validate, --dry-run, --field-manager. */
export const CREATE_SUBCOMMAND_FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  DRY_RUN_FLAG,
  fieldManagerFlag('kubectl-create'),
];

/**
 * Creates the object a create subcommand built and prints it. A refused create is reported as
 * "failed to create <what>: …" by the subcommands that wrap it, as it came by the others.
 */
export function* createBuilt(
  ctx: CommandContext,
  kind: string,
  object: KubeObject,
  what?: string,
): Task<void> {
  const dry = dryRunStrategy(ctx.flags);
  const format = outputFormat(ctx.flags);
  const resource = resourceForKind(kind) as ResourceInfo;
  let created: KubeObject;
  try {
    created = yield* createObject(ctx, resource, object, dry);
  } catch (e) {
    if (what === undefined) throw e;
    throw new KubectlError(`failed to create ${what}: ${messageOf(e)}`);
  }
  printCreated(ctx, resource, created, dry, format);
}
