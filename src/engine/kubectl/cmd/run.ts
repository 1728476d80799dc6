import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { resourceForKind } from '../../api/resources';
import type { Container } from '../../api/types';
import type { Task } from '../../client/task';
import { KubectlError, usageError } from '../errors';
import { DRY_RUN_FLAG, OUTPUT_FLAG, fieldManagerFlag } from '../flags/common';
import { boolFlag, stringFlag } from '../flags/types';
import { isValidImageReference } from '../util/imageRef';
import type { CommandContext, CommandSpec } from './context';
import { createObject, printCreated } from './createObject';
import { dryRunStrategy, outputFormat } from './options';
import { parseEnvs, parseLabelSpec, parsePairs, parsePort } from './runParams';

// kubectl run (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go and generate/versioned/run.go
// BasicPod): one Pod named NAME with label run=NAME, a container named NAME, dnsPolicy
// ClusterFirst, restartPolicy from --restart, args (or --command) after "--".

/** Explains the options that attach a terminal to the container. */
export const ATTACH_UNSUPPORTED =
  'attaching to a container (-i, -t, --attach, --rm) is not supported by Wheelhouse yet';

/** kubectl run. */
export const runCommand: CommandSpec = {
  name: 'run',
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  short: 'Run a particular image on the cluster',
  flags: [
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    stringFlag('image'),
    stringFlag('image-pull-policy'),
    boolFlag('rm'),
    { name: 'env', type: 'stringArray' },
    { name: 'annotations', type: 'stringArray' },
    stringFlag('port'),
    stringFlag('labels', 'l'),
    boolFlag('stdin', 'i'),
    boolFlag('tty', 't'),
    boolFlag('attach'),
    boolFlag('leave-stdin-open'),
    stringFlag('restart'),
    boolFlag('command'),
    boolFlag('expose'),
    boolFlag('quiet', 'q'),
    boolFlag('privileged'),
    boolFlag('save-config'),
    stringFlag('overrides'),
    stringFlag('override-type', undefined, 'merge'),
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    fieldManagerFlag('kubectl-run'),
  ],
  run: runRun,
};

function* runRun(ctx: CommandContext): Task<void> {
  const { flags } = ctx;
  if (!flags.changed('image')) throw new KubectlError('required flag(s) "image" not set');
  const dry = dryRunStrategy(flags);
  const format = outputFormat(flags);
  validate(ctx, dry !== 'none');
  if (flags.str('overrides') !== '')
    throw new KubectlError('--overrides is not supported by Wheelhouse yet');
  const pod = buildPod(ctx, restartPolicy(ctx));
  const resource = resourceForKind('Pod') as ResourceInfo;
  const created = yield* createObject(ctx, resource, pod, dry);
  printCreated(ctx, resource, created, dry, format);
}

function validate(ctx: CommandContext, dryRun: boolean): void {
  const { flags } = ctx;
  if (ctx.args.length === 0 || ctx.argsLenAtDash === 0)
    throw new KubectlError('NAME is required for run');
  const image = flags.str('image');
  if (image === '') throw new KubectlError('--image is required');
  if (!isValidImageReference(image)) {
    throw new KubectlError(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  }
  if (flags.bool('tty') && !flags.bool('stdin')) {
    throw new KubectlError('-i/--stdin is required for containers with -t/--tty=true');
  }
  if (flags.bool('expose')) {
    if (flags.str('port') === '')
      throw new KubectlError('--port must be set when exposing a service');
    throw new KubectlError('--expose is not supported by Wheelhouse yet');
  }
  const attach = flags.changed('attach') ? flags.bool('attach') : flags.bool('stdin');
  if (!attach && flags.bool('rm'))
    throw new KubectlError('--rm should only be used for attached containers');
  if (attach && dryRun) {
    throw new KubectlError(
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    );
  }
  const policy = flags.str('image-pull-policy');
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(policy)) {
    throw usageError(ctx.path, `invalid image pull policy: ${policy}`);
  }
  if (attach) throw new KubectlError(ATTACH_UNSUPPORTED);
}

function restartPolicy(ctx: CommandContext): string {
  const restart = ctx.flags.str('restart');
  if (restart === '') return ctx.flags.bool('stdin') ? 'OnFailure' : 'Always';
  if (['Always', 'OnFailure', 'Never'].includes(restart)) return restart;
  throw usageError(ctx.path, `invalid restart policy: ${restart}`);
}

/** Builds the Pod kubectl run sends (BasicPod.Generate). */
function buildPod(ctx: CommandContext, restart: string): KubeObject {
  const { flags } = ctx;
  const name = ctx.args[0] as string;
  const labelSpec = flags.str('labels');
  const labels = labelSpec === '' ? { run: name } : parseLabelSpec(labelSpec);
  const annotations = parsePairs(flags.list('annotations'), 'annotations');
  const container: Container = { name, image: flags.str('image'), resources: {} };
  const args = ctx.args.slice(1);
  if (args.length > 0) {
    if (flags.bool('command')) container.command = args;
    else container.args = args;
  }
  const env = parseEnvs(flags.list('env'));
  if (env.length > 0) container.env = env;
  if (flags.str('image-pull-policy') !== '')
    container.imagePullPolicy = flags.str('image-pull-policy');
  if (flags.str('port') !== '') container.ports = [{ containerPort: parsePort(flags.str('port')) }];
  if (flags.bool('privileged')) container.securityContext = { privileged: true };
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: metadata as KubeObject['metadata'],
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}
