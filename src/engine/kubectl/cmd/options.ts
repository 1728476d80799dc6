import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { KubectlError } from '../errors';
import type { Flags } from '../flags/access';
import type { FlagSpec } from '../flags/types';
import { boolFlag } from '../flags/types';
import { executeTemplate } from '../jsonpath/evaluate';
import { JsonPathError } from '../jsonpath/parse';
import { printJson, printNames, printYaml } from '../printers';
import type { Info } from '../resource/info';
import { nameLine } from '../resource/info';
import type { CommandContext } from './context';

// Options several commands share: --dry-run, --validate and -o, parsed with kubectl's own
// messages (cmdutil.GetDryRunStrategy, GetValidationDirective, genericclioptions.PrintFlags).

/** The --dry-run strategies. */
export type DryRun = 'none' | 'client' | 'server';

/** Reads --dry-run as cmdutil.GetDryRunStrategy does. */
export function dryRunStrategy(flags: Flags): DryRun {
  const v = flags.str('dry-run');
  if (v === 'client' || v === 'server' || v === 'none') return v;
  // A bare --dry-run ("unchanged") and --dry-run=true are the deprecated spellings of client.
  if (v === 'unchanged' || ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return 'client';
  if (['0', 'f', 'F', 'false', 'FALSE', 'False', ''].includes(v)) return 'none';
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** The suffix the name printer adds under a dry run (PrintFlagsWithDryRunStrategy). */
export function dryRunSuffix(dry: DryRun): string {
  return dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
}

/** --record (genericclioptions.RecordFlags), deprecated upstream; the simulator records nothing. */
export const RECORD_FLAG: FlagSpec = boolFlag('record');

/** Prints pflag's notice for a deprecated flag when --record was given. */
export function warnRecordDeprecated(ctx: CommandContext): void {
  if (ctx.flags.changed('record'))
    ctx.out.err('Flag --record has been deprecated, --record will be removed in the future\n');
}

/** Reads --validate; returns whether client-side validation of apiVersion/kind runs. */
export function validationEnabled(flags: Flags): boolean {
  const v = flags.str('validate');
  if (['strict', 'warn', '1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['ignore', '0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  throw new KubectlError(
    `invalid - validate option ${JSON.stringify(v)}; must be one of: strict (or true), warn, ignore (or false)`,
  );
}

/** An -o format the simulator prints. */
export type OutputFormat =
  | { kind: 'default' }
  | { kind: 'wide' }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string };

const GET_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
const KNOWN_UNSUPPORTED =
  /^(custom-columns|custom-columns-file|go-template|go-template-file|template|templatefile|jsonpath-file|jsonpath-as-json)(=|$)/;

/** Explains an -o format kubectl has but the simulator does not print yet. */
export const OUTPUT_UNSUPPORTED = (format: string): string =>
  `-o ${format} is not supported by Wheelhouse yet; use -o yaml, -o json, -o name or -o jsonpath=...`;

/** Parses -o; `forGet` allows wide (and lists get's longer set of formats in the error). */
export function outputFormat(flags: Flags, forGet = false): OutputFormat {
  const v = flags.str('output');
  if (v === '') return { kind: 'default' };
  if (v === 'wide' && forGet) return { kind: 'wide' };
  if (v === 'yaml' || v === 'json' || v === 'name') return { kind: v };
  if (v.startsWith('jsonpath=')) return { kind: 'jsonpath', template: v.slice('jsonpath='.length) };
  if (KNOWN_UNSUPPORTED.test(v) && (forGet || !v.startsWith('custom-columns'))) {
    throw new KubectlError(OUTPUT_UNSUPPORTED(v.split('=')[0] as string));
  }
  throw new KubectlError(
    `unable to match a printer suitable for the output format ${JSON.stringify(v)}, allowed formats are: ${forGet ? GET_FORMATS : OBJECT_FORMATS}`,
  );
}

/** Prints objects in a structured format; asList wraps several (or a plural request) in a List. */
export function printStructured(
  format: OutputFormat,
  items: readonly { resource: ResourceInfo; object: KubeObject }[],
  asList: boolean,
): string {
  const objects = items.map((i) => i.object);
  switch (format.kind) {
    case 'yaml':
      return printYaml(objects, asList);
    case 'json':
      return printJson(objects, asList);
    case 'name':
      return items.map((i) => printNames(i.resource, [i.object])).join('');
    case 'jsonpath':
      return jsonpathOutput(format.template, objects, asList);
    default:
      return '';
  }
}

/** Prints a command's result: "<kind>/<name> <operation>" by default, else the object in -o's format. */
export function printResult(
  ctx: CommandContext,
  info: Info,
  obj: KubeObject,
  operation: string,
  dry: DryRun,
): void {
  const format = outputFormat(ctx.flags);
  if (format.kind === 'default')
    ctx.out.out(nameLine(info.resource, info.name, `${operation}${dryRunSuffix(dry)}`));
  else ctx.out.out(printStructured(format, [{ resource: info.resource, object: obj }], false));
}

function jsonpathOutput(template: string, objects: KubeObject[], asList: boolean): string {
  const root =
    !asList && objects.length === 1
      ? objects[0]
      : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  try {
    return executeTemplate(template, JSON.parse(JSON.stringify(root)));
  } catch (e) {
    if (e instanceof JsonPathError)
      throw new KubectlError(`error parsing jsonpath ${template}, ${e.message}\n`);
    throw e;
  }
}
