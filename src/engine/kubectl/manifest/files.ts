import type { KubeObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import { AggregateError, KubectlError } from '../errors';
import type { Info } from '../resource/info';
import { ValidationStop, decodeObjects, validateKind } from './decode';
import { readManifest } from './read';

// The -f half of cli-runtime's resource.Builder: read each file (or stdin), split it into
// documents, validate and map each one, and place it in a namespace (SetNamespace,
// RequireNamespace, FilterNamespace). Missing files stop the command; a bad document stops its
// file; a bad object is reported and the others go on (ContinueOnError).

/** The source name kubectl gives standard input. */
export const STDIN_SOURCE = 'STDIN';

/** Explains a -f path with no file behind it. */
export const PATH_NOT_EXIST = (path: string): string =>
  `the path ${JSON.stringify(path)} does not exist`;

/** Explains -f - given twice. */
export const STDIN_MULTI_USE = 'standard input cannot be used for multiple arguments';

/** Explains a -f URL: the simulator has no network. */
export const URL_UNSUPPORTED = (url: string): string =>
  `the URL passed to filename ${JSON.stringify(url)} cannot be fetched: Wheelhouse reads local files only`;

/** Where the files come from and how objects are placed. */
export interface FileOptions {
  readFile(path: string): string | undefined;
  stdin?: string;
  validate: boolean;
  namespace: string;
  /** -n was given: objects naming another namespace are refused. */
  enforceNamespace: boolean;
}

/** The objects read, in order, and the errors met on the way. */
export interface FileResult {
  infos: Info[];
  errors: unknown[];
  /** One file holding one document (the builder's singleItemImplied). */
  singleItemImplied: boolean;
}

/** Reads every -f input; throws for problems that stop the whole command. */
export function readFiles(filenames: readonly string[], opts: FileOptions): FileResult {
  const texts = loadTexts(filenames, opts);
  const result: FileResult = { infos: [], errors: [], singleItemImplied: false };
  for (const { source, text } of texts) readOne(source, text, opts, result);
  result.singleItemImplied = filenames.length === 1 && filenames[0] !== '-';
  return result;
}

function loadTexts(
  filenames: readonly string[],
  opts: FileOptions,
): { source: string; text: string }[] {
  const errs: unknown[] = [];
  const out: { source: string; text: string }[] = [];
  let stdinUsed = false;
  for (const f of filenames) {
    if (f === '-') {
      if (stdinUsed) errs.push(new KubectlError(STDIN_MULTI_USE));
      stdinUsed = true;
      out.push({ source: STDIN_SOURCE, text: opts.stdin ?? '' });
    } else if (/^https?:\/\//.test(f)) {
      errs.push(new KubectlError(URL_UNSUPPORTED(f)));
    } else {
      const text = opts.readFile(f);
      if (text === undefined) errs.push(new KubectlError(PATH_NOT_EXIST(f)));
      else out.push({ source: f, text });
    }
  }
  if (errs.length > 0) throw errs.length === 1 ? errs[0] : new AggregateError(errs);
  return out;
}

function readOne(source: string, text: string, opts: FileOptions, result: FileResult): void {
  const stream = readManifest(text);
  for (const doc of stream.docs) {
    if (doc.value === null || doc.value === undefined) continue;
    try {
      if (opts.validate) validateKind(doc.value, source);
      for (const decoded of decodeObjects(doc.value, source)) {
        result.infos.push(place(wireCopy(decoded.object), decoded.resource, source, opts));
      }
    } catch (e) {
      result.errors.push(e);
      if (e instanceof ValidationStop) return;
    }
  }
  if (stream.error)
    result.errors.push(new KubectlError(`error parsing ${source}: ${stream.error}`));
}

function place(
  obj: KubeObject,
  resource: Info['resource'],
  source: string,
  opts: FileOptions,
): Info {
  const meta = (obj.metadata ??= {});
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!resource.namespaced) {
    delete meta.namespace;
    return { resource, name, object: obj, source };
  }
  const ns =
    typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  if (ns && opts.enforceNamespace && ns !== opts.namespace) {
    throw new KubectlError(
      `the namespace from the provided object ${JSON.stringify(ns)} does not match the namespace ` +
        `${JSON.stringify(opts.namespace)}. You must pass '--namespace=${ns}' to perform this operation.`,
    );
  }
  meta.namespace = ns ?? opts.namespace;
  return { resource, namespace: meta.namespace, name, object: obj, source };
}
