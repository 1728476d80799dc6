import type { Task } from '../../client/task';
import type { CommandContext } from '../cmd/context';
import { KubectlError } from '../errors';
import { readFiles } from '../manifest/files';
import type { BuilderSpec } from './builder';
import { planTargets } from './builder';
import { fetchTargets, refreshInfos } from './fetch';
import type { Info } from './info';

// resource.Builder as commands use it: objects named by -f files or by arguments, fetched from the
// server when the command needs them. Problems with the request itself stop the command; problems
// with single objects are collected in ctx.errors and the rest carry on (ContinueOnError).

/** Explains -k: the simulator has no kustomize. */
export const KUSTOMIZE_UNSUPPORTED =
  '-k/--kustomize is not supported by Wheelhouse; apply the generated manifests with -f';

/** How a command wants its objects. */
export interface GatherOptions {
  allowEmptySelector: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  selectAll?: boolean;
  allNamespaces?: boolean;
  singleResourceType?: boolean;
  /** Re-read -f objects from the server (Latest()). */
  latest?: boolean;
  /** Fetch named objects; false for delete (RequireObject(false)). */
  requireObject?: boolean;
  ignoreNotFound?: boolean;
  /** Check apiVersion/kind of -f documents (--validate). */
  validate?: boolean;
}

/** The objects found, and whether exactly one was asked for. */
export interface Gathered {
  infos: Info[];
  singleItemImplied: boolean;
}

/** Resolves and fetches the objects a command acts on; per-object errors go to ctx.errors. */
export function* gather(ctx: CommandContext, opts: GatherOptions): Task<Gathered> {
  if (ctx.flags.str('kustomize') !== '') throw new KubectlError(KUSTOMIZE_UNSUPPORTED);
  const filenames = ctx.flags.list('filename');
  const spec: BuilderSpec = {
    args: ctx.args,
    allowEmptySelector: opts.allowEmptySelector,
    labelSelector: opts.labelSelector,
    fieldSelector: opts.fieldSelector,
    selectAll: opts.selectAll,
    namespace: ctx.namespace,
    allNamespaces: opts.allNamespaces,
    hasFiles: filenames.length > 0,
    singleResourceType: opts.singleResourceType,
  };
  const plan = planTargets(spec);
  if (plan.fromFiles) return yield* fromFiles(ctx, filenames, opts);
  const named = plan.targets.filter((t) => t.kind === 'name');
  if (opts.requireObject === false && named.length === plan.targets.length) {
    const infos = named.map((t) => ({
      resource: t.resource,
      namespace: t.namespace,
      name: t.name,
    }));
    return { infos, singleItemImplied: plan.singleItemImplied };
  }
  const fetched = yield* fetchTargets(plan.targets, { ignoreNotFound: opts.ignoreNotFound });
  ctx.errors.push(...fetched.errors);
  return { infos: fetched.infos, singleItemImplied: plan.singleItemImplied };
}

function* fromFiles(ctx: CommandContext, filenames: string[], opts: GatherOptions): Task<Gathered> {
  const read = readFiles(filenames, {
    readFile: (p) => ctx.io.readFile(p),
    stdin: ctx.io.stdin,
    validate: opts.validate ?? true,
    namespace: ctx.namespace,
    enforceNamespace: ctx.explicitNamespace,
  });
  ctx.errors.push(...read.errors);
  if (!opts.latest) return { infos: read.infos, singleItemImplied: read.singleItemImplied };
  const fetched = yield* refreshInfos(read.infos, { ignoreNotFound: opts.ignoreNotFound });
  ctx.errors.push(...fetched.errors);
  return { infos: fetched.infos, singleItemImplied: read.singleItemImplied };
}
