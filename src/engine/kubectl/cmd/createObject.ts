import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { withLastApplied } from '../apply/lastApplied';
import { addSourceToErr } from '../errors';
import { nameLine } from '../resource/info';
import type { CommandContext } from './context';
import type { DryRun, OutputFormat } from './options';
import { dryRunSuffix, printStructured } from './options';

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
