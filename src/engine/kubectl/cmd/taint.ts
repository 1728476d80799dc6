import type { KubeObject } from '../../api/object';
import type { Taint } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import { isQualifiedName, isValidLabelValue } from '../../apiserver/validation/names';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { KubectlError, usageError } from '../errors';
import {
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from '../flags/common';
import { boolFlag } from '../flags/types';
import type { Info } from '../resource/info';
import { nameLine } from '../resource/info';
import { gather } from '../resource/gather';
import { resolveType } from '../resource/resolve';
import type { CommandContext, CommandSpec } from './context';
import type { DryRun } from './options';
import { dryRunStrategy, dryRunSuffix, outputFormat, printStructured } from './options';
import { reorganizeTaints } from './taintList';

// kubectl taint (staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go, utils.go): add
// key[=value]:Effect, remove key[:Effect]-, nodes only; the whole taints list is sent as a
// strategic merge patch (Taints carry no merge key) and reported as tainted, untainted or modified.

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** kubectl taint. */
export const taintCommand: CommandSpec = {
  name: 'taint',
  use: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  short: 'Update the taints on one or more nodes',
  flags: [
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
    SELECTOR_FLAG,
    boolFlag('overwrite'),
    boolFlag('all'),
    fieldManagerFlag('kubectl-taint'),
  ],
  run: runTaint,
};

/** Parses one taint spec: key=value:Effect, key:Effect or key (utils.go parseTaint). */
function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0] as string;
  else if (parts.length === 2) {
    effect = parts[1] as string;
    if (!EFFECTS.includes(effect))
      throw new KubectlError(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = (parts[0] as string).split('=');
    if (kv.length > 2) throw new KubectlError(`invalid taint spec: ${spec}`);
    key = kv[0] as string;
    if (kv.length === 2) {
      value = kv[1] as string;
      const errs = isValidLabelValue(value);
      if (errs.length > 0)
        throw new KubectlError(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else throw new KubectlError(`invalid taint spec: ${spec}`);
  const errs = isQualifiedName(key);
  if (errs.length > 0) throw new KubectlError(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
  const taint: Taint = { key, effect };
  if (value !== '') taint.value = value;
  return taint;
}

/** Splits taint specs into taints to add and to remove (utils.go parseTaints). */
function parseTaints(specs: readonly string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if (t.effect === '') throw new KubectlError(`invalid taint spec: ${spec}`);
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) {
      throw new KubectlError(`duplicated taints with the same key and effect: ${goTaint(t)}`);
    }
    add.push(t);
  }
  return { add, remove };
}

// %v of a corev1.Taint struct: {key value effect <nil>}.
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect} <nil>}`;
}

function splitArgs(args: readonly string[]): { resources: string[]; taints: string[] } {
  const resources: string[] = [];
  const taints: string[] = [];
  for (const s of args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taints.push(s);
    else if (taints.length > 0)
      throw new KubectlError(`all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  return { resources, taints };
}

function* runTaint(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  const dry = dryRunStrategy(flags);
  outputFormat(flags);
  const { resources, taints } = splitArgs(ctx.args);
  if (resources.length < 1)
    throw new KubectlError('one or more resources must be specified as <resource> <name>');
  if (taints.length < 1) throw new KubectlError('at least one taint update is required');
  let change: { add: Taint[]; remove: Taint[] };
  try {
    change = parseTaints(taints);
  } catch (e) {
    throw usageError(ctx.path, (e as Error).message);
  }
  validate(ctx, resources, change);
  const found = yield* gather(
    {
      ...ctx,
      args:
        flags.bool('all') || flags.str('selector') ? ['nodes'] : ['nodes', ...resources.slice(1)],
    },
    {
      allowEmptySelector: true,
      labelSelector: flags.str('selector'),
      selectAll: flags.bool('all'),
      latest: true,
    },
  );
  for (const info of found.infos) {
    try {
      yield* taintOne(ctx, info, change, dry);
    } catch (e) {
      ctx.errors.push(e);
    }
  }
}

function validate(
  ctx: CommandContext,
  resources: string[],
  change: { add: Taint[]; remove: Taint[] },
): void {
  const type = (resources[0] as string).toLowerCase();
  if (resolveType(type).kind !== 'Node') {
    throw new KubectlError(`invalid resource type ${type}, only node types are supported`);
  }
  const conflicts = change.remove
    .filter((r) =>
      change.add.some((a) => a.key === r.key && (r.effect === '' || a.effect === r.effect)),
    )
    .map((r) => `{"${r.key}":"${r.effect}"}`);
  if (conflicts.length > 0) {
    throw new KubectlError(
      `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
    );
  }
  const all = ctx.flags.bool('all');
  const selector = ctx.flags.str('selector');
  if (all && selector !== '')
    throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && selector === '' && resources.length < 2) {
    throw new KubectlError(
      "at least one resource name must be specified since 'all' parameter is not set",
    );
  }
}

function* taintOne(
  ctx: CommandContext,
  info: Info,
  change: { add: Taint[]; remove: Taint[] },
  dry: DryRun,
): Task<void> {
  const node = info.object as KubeObject & { spec?: { taints?: Taint[] } };
  const old = node.spec?.taints ?? [];
  const overwrite = ctx.flags.bool('overwrite');
  if (!overwrite) {
    const exists = change.add
      .filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect))
      .map((t) => t.key);
    if (exists.length > 0) {
      throw new KubectlError(
        `node ${info.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`,
      );
    }
  }
  const { operation, taints, errors } = reorganizeTaints(old, overwrite, change.add, change.remove);
  if (errors.length > 0)
    throw new KubectlError(errors.length === 1 ? (errors[0] as string) : `[${errors.join(', ')}]`);
  const updated = JSON.parse(JSON.stringify(node)) as KubeObject & { spec: { taints?: Taint[] } };
  updated.spec ??= {};
  updated.spec.taints = taints;
  let result: KubeObject = updated;
  if (dry !== 'client') {
    const res = yield* request({
      verb: 'patch',
      resource: 'nodes',
      name: info.name,
      body: { spec: { taints: taints.length > 0 ? taints : null } },
      patchType: 'strategic',
      dryRun: dry === 'server',
      fieldManager: ctx.flags.str('field-manager'),
    });
    if (res.error) throw new StatusError(res.error);
    result = res.body as KubeObject;
  }
  const format = outputFormat(ctx.flags);
  if (format.kind === 'default')
    ctx.out.out(nameLine(info.resource, info.name, `${operation}${dryRunSuffix(dry)}`));
  else ctx.out.out(printStructured(format, [{ resource: info.resource, object: result }], false));
}
