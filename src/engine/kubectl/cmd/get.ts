import type { Task } from '../../client/task';
import { KubectlError, usageError } from '../errors';
import {
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAGS,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
} from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import { printTable } from '../printers';
import type { Info } from '../resource/info';
import { gather } from '../resource/gather';
import type { CommandContext, CommandSpec } from './context';
import type { OutputFormat } from './options';
import { outputFormat, printStructured } from './options';
import { sortInfos } from './sortBy';

// kubectl get (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): tables per resource type separated
// by a blank line, kind prefixes when several types print, -o yaml|json|name|jsonpath as one
// object or a List, "No resources found" on stderr when nothing printed.

/** The hint printed when get is given no type. */
export const SUGGEST_API_RESOURCES =
  'Use "kubectl api-resources" for a complete list of supported resources.';

/** Explains flags that would stream output forever. */
export const WATCH_UNSUPPORTED =
  '--watch is not supported by Wheelhouse yet; the simulator views show changes as they happen';

/** kubectl get. */
export const getCommand: CommandSpec = {
  name: 'get',
  suggestFor: ['list', 'ps'],
  use: 'get [(-o|--output=)json|yaml|name|wide|jsonpath=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  short: 'Display one or many resources',
  flags: [
    OUTPUT_FLAG,
    boolFlag('watch', 'w'),
    boolFlag('watch-only'),
    boolFlag('output-watch-events'),
    { name: 'chunk-size', type: 'int', default: 500 },
    boolFlag('ignore-not-found'),
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    boolFlag('show-labels'),
    { name: 'label-columns', shorthand: 'L', type: 'stringSlice' },
    boolFlag('no-headers'),
    stringFlag('sort-by'),
    boolFlag('show-kind'),
    boolFlag('server-print', undefined, true),
    stringFlag('raw'),
    stringFlag('template'),
    boolFlag('allow-missing-template-keys', undefined, true),
    boolFlag('show-managed-fields'),
    stringFlag('subresource'),
    ...FILENAME_FLAGS,
  ],
  run: runGet,
};

function* runGet(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  const format = outputFormat(flags, true);
  if (flags.bool('watch') || flags.bool('watch-only')) throw new KubectlError(WATCH_UNSUPPORTED);
  if (ctx.args.length === 0 && flags.list('filename').length === 0) {
    ctx.out.err(`You must specify the type of resource to get. ${SUGGEST_API_RESOURCES}\n\n`);
    throw usageError(
      ctx.path,
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    );
  }
  if (flags.bool('show-labels') && format.kind !== 'default' && format.kind !== 'wide') {
    throw new KubectlError(
      `--show-labels option cannot be used with ${flags.str('output')} printer`,
    );
  }
  const allNamespaces = flags.bool('all-namespaces');
  const found = yield* gather(ctx, {
    allowEmptySelector: true,
    labelSelector: flags.str('selector'),
    fieldSelector: flags.str('field-selector'),
    allNamespaces,
    latest: true,
    ignoreNotFound: flags.bool('ignore-not-found'),
  });
  const infos = flags.str('sort-by') ? sortInfos(found.infos, flags.str('sort-by')) : found.infos;
  if (format.kind === 'default' || format.kind === 'wide')
    printHuman(ctx, infos, format, allNamespaces);
  else printGeneric(ctx, infos, format, found.singleItemImplied);
}

function printGeneric(
  ctx: CommandContext,
  infos: Info[],
  format: OutputFormat,
  single: boolean,
): void {
  if (ctx.errors.length > 0 && single) return;
  if (infos.length === 0 && ctx.flags.bool('ignore-not-found')) return;
  const items = infos.map((i) => ({ resource: i.resource, object: i.object ?? {} }));
  ctx.out.out(printStructured(format, items, !single || infos.length !== 1));
}

function printHuman(
  ctx: CommandContext,
  infos: Info[],
  format: OutputFormat,
  allNamespaces: boolean,
): void {
  const { flags } = ctx;
  const withKind = flags.bool('show-kind') || new Set(infos.map((i) => i.resource)).size > 1;
  const noHeaders = flags.bool('no-headers');
  let written = false;
  for (const group of groupByResource(infos)) {
    const text = printTable(group.resource, group.objects, {
      now: ctx.io.now(),
      wide: format.kind === 'wide',
      showLabels: flags.bool('show-labels'),
      labelColumns: flags.list('label-columns'),
      withNamespace: allNamespaces && group.resource.namespaced,
      withKind: withKind,
      noHeaders,
    });
    if (text === '') continue;
    if (written && !noHeaders) ctx.out.out('\n');
    ctx.out.out(text);
    written = true;
  }
  if (!written && !flags.bool('ignore-not-found') && ctx.errors.length === 0) {
    ctx.out.err(noResourcesMessage(ctx, infos, allNamespaces));
  }
}

function noResourcesMessage(ctx: CommandContext, infos: Info[], allNamespaces: boolean): string {
  const allNamespaced = !allNamespaces && infos.every((i) => i.resource.namespaced);
  return allNamespaced
    ? `No resources found in ${ctx.namespace} namespace.\n`
    : 'No resources found\n';
}

function groupByResource(
  infos: Info[],
): { resource: Info['resource']; objects: NonNullable<Info['object']>[] }[] {
  const groups: { resource: Info['resource']; objects: NonNullable<Info['object']>[] }[] = [];
  for (const info of infos) {
    const last = groups[groups.length - 1];
    if (last && last.resource === info.resource) last.objects.push(info.object ?? {});
    else groups.push({ resource: info.resource, objects: [info.object ?? {}] });
  }
  return groups;
}
