import { KUBERNETES_VERSION } from '../../cluster';
import { KubectlError } from '../errors';
import { OUTPUT_FLAG } from '../flags/common';
import { boolFlag } from '../flags/types';
import type { CommandContext, CommandSpec } from './context';

// kubectl version (staging/src/k8s.io/kubectl/pkg/cmd/version/version.go), for kubectl v1.31.4
// with its embedded kustomize v5.4.2, against the simulated cluster's version.

/** The kubectl release the simulator imitates. */
export const KUBECTL_VERSION = 'v1.31.4';

/** The kustomize library kubectl v1.31 embeds. */
export const KUSTOMIZE_VERSION = 'v5.4.2';

/** kubectl version. */
export const versionCommand: CommandSpec = {
  name: 'version',
  use: 'version',
  short: 'Print the client and server version information',
  flags: [boolFlag('client'), OUTPUT_FLAG],
  run: runVersion,
};

function info(gitVersion: string): Record<string, string> {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return {
    major: major ?? '',
    minor: minor ?? '',
    gitVersion,
    gitTreeState: 'clean',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function runVersion(ctx: CommandContext): void {
  const output = ctx.flags.str('output');
  if (output !== '' && output !== 'yaml' && output !== 'json') {
    throw new KubectlError("--output must be 'yaml' or 'json'");
  }
  const client = !ctx.flags.bool('client');
  if (output === 'json') {
    const doc: Record<string, unknown> = {
      clientVersion: info(KUBECTL_VERSION),
      kustomizeVersion: KUSTOMIZE_VERSION,
    };
    if (client) doc.serverVersion = info(KUBERNETES_VERSION);
    ctx.out.out(`${JSON.stringify(doc, null, 2)}\n`);
    return;
  }
  if (output === 'yaml') {
    const block = (name: string, v: Record<string, string>): string =>
      `${name}:\n${Object.keys(v)
        .sort()
        .map((k) => `  ${k}: ${/^\d+$/.test(v[k] ?? '') ? `"${v[k]}"` : v[k]}\n`)
        .join('')}`;
    let text =
      block('clientVersion', info(KUBECTL_VERSION)) + `kustomizeVersion: ${KUSTOMIZE_VERSION}\n`;
    if (client) text += block('serverVersion', info(KUBERNETES_VERSION));
    ctx.out.out(text);
    return;
  }
  let text = `Client Version: ${KUBECTL_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
  if (client) text += `Server Version: ${KUBERNETES_VERSION}\n`;
  ctx.out.out(text);
}
