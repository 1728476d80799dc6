import type { KubeObject } from '../../api/object';
import type { Container } from '../../api/types';
import { NAME_SUFFIX_ALPHABET } from '../../apiserver/meta';
import type { Task } from '../../client/task';
import { KubectlError, usageError } from '../errors';
import type { CommandContext, CommandSpec } from './context';
import { CREATE_SUBCOMMAND_FLAGS, createBuilt } from './createObject';

// kubectl create deployment (staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go):
// the exact object kubectl builds — app=NAME on the deployment, selector and template; one
// container per --image named after the image; Go's zero values (creationTimestamp: null,
// strategy: {}, resources: {}, status: {}) as the typed struct marshals them.

/** Explains create deployment without --image (cobra's required-flag check). */
export const IMAGE_REQUIRED = 'required flag(s) "image" not set';

/** kubectl create deployment. */
export const createDeploymentCommand: CommandSpec = {
  name: 'deployment',
  aliases: ['deploy'],
  use: 'deployment NAME --image=image -- [COMMAND] [args...]',
  short: 'Create a deployment with the specified name',
  flags: [
    ...CREATE_SUBCOMMAND_FLAGS,
    { name: 'image', type: 'stringSlice' },
    { name: 'port', type: 'int32', default: -1 },
    { name: 'replicas', shorthand: 'r', type: 'int32', default: 1 },
  ],
  run: runCreateDeployment,
};

/** Returns the NAME argument of a create subcommand (create.NameFromCommandArgs). */
export function nameFromArgs(ctx: CommandContext): string {
  const count = ctx.argsLenAtDash === -1 ? ctx.args.length : ctx.argsLenAtDash;
  if (count !== 1) throw usageError(ctx.path, `exactly one NAME is required, got ${count}`);
  return ctx.args[0] as string;
}

function* runCreateDeployment(ctx: CommandContext): Task<void> {
  const images = ctx.flags.list('image');
  if (!ctx.flags.changed('image')) throw new KubectlError(IMAGE_REQUIRED);
  const name = nameFromArgs(ctx);
  const command = ctx.args.slice(1);
  if (images.length > 1 && command.length > 0) {
    throw new KubectlError('cannot specify multiple --image options and command');
  }
  yield* createBuilt(ctx, 'Deployment', buildDeployment(ctx, name, images, command), 'deployment');
}

/** Builds the Deployment kubectl create deployment sends. */
function buildDeployment(
  ctx: CommandContext,
  name: string,
  images: string[],
  command: string[],
): KubeObject {
  const labels = { app: name };
  const containers: Container[] = images.map((image) => ({
    name: containerName(image, ctx.io.now()),
    image,
    ...(command.length > 0 ? { command } : {}),
    resources: {},
  }));
  const port = ctx.flags.num('port');
  if (port >= 0 && containers[0]) containers[0].ports = [{ containerPort: port }];
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: {
      name,
      ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}),
      creationTimestamp: null as unknown as string,
      labels,
    },
    spec: {
      replicas: ctx.flags.num('replicas'),
      selector: { matchLabels: labels },
      template: {
        metadata: { creationTimestamp: null, labels },
        spec: { containers },
      },
      strategy: {},
    },
    status: {},
  };
}

/** Names a container after its image: path and tag dropped, "." and "_" made DNS-safe. */
function containerName(image: string, now: number): string {
  let name = image.split('/').pop() as string;
  name = name.split(':')[0] as string;
  name = name.split('@')[0] as string;
  if (!/[_.]/.test(name)) return name;
  // kubectl appends utilrand.String(5); the simulator derives the suffix from the image and the
  // virtual clock so that replays are identical.
  return `${name.replace(/[_.]/g, '-')}-${suffix(`${image}@${now}`)}`;
}

function suffix(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let i = 0; i < 5; i++) {
    for (const c of `${seed}#${i}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    out += NAME_SUFFIX_ALPHABET[h % NAME_SUFFIX_ALPHABET.length];
  }
  return out;
}
