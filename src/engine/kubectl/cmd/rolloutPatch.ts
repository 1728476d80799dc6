import type { KubeObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { diffMaps } from '../apply/diff';
import type { JsonObject } from '../apply/schema';
import { KubectlError, messageOf } from '../errors';
import { gather } from '../resource/gather';
import type { Info } from '../resource/info';
import type { CommandContext } from './context';
import { outputFormat, printResult } from './options';

// What the rollout subcommands share: their targets (TYPE NAME…, TYPE/NAME, -l, -f; read fresh
// from the server) and, for pause, resume and restart, the edit-then-patch of set.CalculatePatch:
// change a copy, send the two-way strategic merge patch between the copies.

/** Changes an object in place; throws a KubectlError saying why it cannot ("is already paused"). */
export type Mutation = (obj: KubeObject) => void;

/** An object's change as a patch, or why it could not be made. */
export interface CalculatedPatch {
  info: Info;
  after?: KubeObject;
  patch?: JsonObject;
  error?: unknown;
}

/** Refuses a rollout subcommand given neither names nor files (the Validate step). */
export function requireRolloutTarget(ctx: CommandContext): void {
  const { flags } = ctx;
  if (ctx.args.length === 0 && flags.list('filename').length === 0 && flags.str('kustomize') === '')
    throw new KubectlError('required resource not specified');
}

/** Finds the objects a rollout subcommand names (ResourceTypeOrNameArgs(true, …), Latest). */
export function* gatherRolloutTargets(ctx: CommandContext): Task<Info[]> {
  const { flags } = ctx;
  const found = yield* gather(ctx, {
    allowEmptySelector: true,
    labelSelector: flags.str('selector'),
    latest: true,
  });
  return found.infos;
}

/** Applies a mutation to a copy of the object and diffs the copies (set.CalculatePatch). */
export function calculatePatch(info: Info, mutate: Mutation): CalculatedPatch {
  const before = wireCopy(info.object as KubeObject);
  const after = wireCopy(before);
  try {
    mutate(after);
  } catch (e) {
    return { info, error: e };
  }
  const patch = diffMaps(before as JsonObject, after as JsonObject, {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: false,
    setElementOrder: true,
  });
  return { info, after, patch };
}

/** Reports whether a calculated patch changes nothing ("{}"). */
export function isEmptyPatch(p: CalculatedPatch): boolean {
  return !p.patch || Object.keys(p.patch).length === 0;
}

/**
 * Patches every target with a mutation and prints `operation` for each (pause, resume, restart).
 * `onEmpty` handles a mutation that changed nothing and says whether to send the patch anyway.
 */
export function* patchTargets(
  ctx: CommandContext,
  mutate: Mutation,
  operation: string,
  onEmpty: (p: CalculatedPatch) => boolean,
): Task<void> {
  requireRolloutTarget(ctx);
  outputFormat(ctx.flags);
  const infos = yield* gatherRolloutTargets(ctx);
  for (const p of infos.map((info) => calculatePatch(info, mutate))) {
    if (p.error !== undefined) {
      ctx.errors.push(mutationError(p.info, p.error));
      continue;
    }
    if (isEmptyPatch(p) && !onEmpty(p)) continue;
    try {
      const obj = yield* sendPatch(ctx, p);
      printResult(ctx, p.info, obj, operation, 'none');
    } catch (e) {
      ctx.errors.push(new KubectlError(`failed to patch: ${messageOf(e)}`));
    }
  }
}

/** Words a mutation's refusal as the rollout commands do: `error: deployments.apps "web" …`. */
function mutationError(info: Info, err: unknown): KubectlError {
  const r = info.resource;
  const resource = r.group ? `${r.resource}.${r.group}` : r.resource;
  return new KubectlError(`error: ${resource} ${JSON.stringify(info.name)} ${messageOf(err)}`);
}

/** Sends a calculated patch as a strategic merge patch; returns the object the server answered. */
export function* sendPatch(
  ctx: CommandContext,
  p: CalculatedPatch,
  dryRun = false,
): Task<KubeObject> {
  const res = yield* request({
    verb: 'patch',
    resource: p.info.resource.resource,
    namespace: p.info.namespace,
    name: p.info.name,
    body: p.patch ?? {},
    patchType: 'strategic',
    dryRun,
    fieldManager: ctx.flags.str('field-manager'),
  });
  if (res.error) throw new StatusError(res.error);
  return res.body as KubeObject;
}
