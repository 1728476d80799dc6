import { StatusError } from '../apiserver/errors';

// kubectl's error reporting (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr): API
// errors print "Error from server (Reason): message", Invalid errors list their causes, plain
// errors get an "error: " prefix, aggregates print one line per error.

/** A plain client-side error, printed as "error: <message>". */
export class KubectlError extends Error {}

/** Ends a command with exit code 1 and nothing printed (cmdutil.ErrExit). */
export class ExitError extends Error {}

/** Several errors reported together (utilerrors.Aggregate). */
export class AggregateError extends Error {
  constructor(readonly errors: readonly unknown[]) {
    super(errors.length === 1 ? messageOf(errors[0]) : `[${errors.map(messageOf).join(', ')}]`);
  }
}

/** Builds cmdutil.UsageErrorf's error: the message plus where to find help. */
export function usageError(commandPath: string, message: string): KubectlError {
  return new KubectlError(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/** Builds the error a rejected flag gets (templates.FlagErrorFunc). */
export function flagError(commandPath: string, message: string): KubectlError {
  return new KubectlError(`${message}\nSee '${commandPath} --help' for usage.`);
}

/** Prefixes an error with the file it came from (cmdutil.AddSourceToErr); API errors stay API errors. */
export function addSourceToErr(verb: string, source: string | undefined, err: unknown): unknown {
  if (!source) return err;
  if (err instanceof StatusError) {
    const message = `error when ${verb} ${JSON.stringify(source)}: ${err.status.message}`;
    return new StatusError({ ...err.status, message });
  }
  return new KubectlError(`error when ${verb} ${JSON.stringify(source)}: ${messageOf(err)}`);
}

/** Returns an error's own message. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Formats an error as kubectl prints it on stderr, ending with a newline. */
export function formatError(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0];
  if (err instanceof ExitError) return '';
  let msg: string;
  if (err instanceof StatusError && err.reason === 'Invalid') msg = invalidMessage(err);
  else if (err instanceof AggregateError) msg = err.errors.map((e) => `${lineFor(e)}\n`).join('');
  else msg = standardMessage(err) ?? prefixed(messageOf(err));
  return msg.endsWith('\n') ? msg : `${msg}\n`;
}

/** Formats the errors a command collected: one is reported alone, several as an aggregate. */
export function formatErrors(errors: readonly unknown[]): string {
  if (errors.length === 0) return '';
  return formatError(errors.length === 1 ? errors[0] : new AggregateError(errors));
}

function prefixed(msg: string): string {
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

function standardMessage(err: unknown): string | undefined {
  if (!(err instanceof StatusError)) return undefined;
  if (err.reason === 'Unauthorized')
    return `error: You must be logged in to the server (${err.message})`;
  if (err.reason) return `Error from server (${err.reason}): ${err.status.message}`;
  return `Error from server: ${err.status.message}`;
}

function lineFor(err: unknown): string {
  return standardMessage(err) ?? messageOf(err);
}

function invalidMessage(err: StatusError): string {
  const details = err.status.details;
  let prefix = 'The request is invalid';
  if (!details) return prefix;
  if (details.kind || details.name)
    prefix = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  const seen = new Set<string>();
  const causes: string[] = [];
  for (const c of details.causes ?? []) {
    const line = `${c.field ?? ''}: ${c.message ?? ''}`;
    if (!seen.has(line)) causes.push(line);
    seen.add(line);
  }
  if (causes.length === 0) return prefix;
  if (causes.length === 1) return `${prefix}: ${causes[0]}\n`;
  return `${prefix}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}
