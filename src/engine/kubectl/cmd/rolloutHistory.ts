import type { KubeObject } from '../../api/object';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import type { ReplicaSet } from '../../api/types';
import type { Task } from '../../client/task';
import { replicaSetsByRevision, viewDeploymentHistory } from '../describe';
import { KubectlError } from '../errors';
import { FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG } from '../flags/common';
import type { Info } from '../resource/info';
import { nameLine } from '../resource/info';
import type { CommandContext, CommandSpec } from './context';
import type { OutputFormat } from './options';
import { outputFormat, printStructured } from './options';
import { gatherRolloutTargets, requireRolloutTarget } from './rolloutPatch';
import { readDeploymentHistory } from './rolloutReplicaSets';

// kubectl rollout history (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go, v1.31):
// a Deployment's revisions are its ReplicaSets. Printed as "<kind>/<name> " followed by the
// REVISION / CHANGE-CAUSE table (or one revision's pod template); with -o, the ReplicaSets.

/** kubectl rollout history. */
export const rolloutHistoryCommand: CommandSpec = {
  name: 'history',
  use: 'history (TYPE NAME | TYPE/NAME) [flags]',
  short: 'View rollout history',
  flags: [...FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, { name: 'revision', type: 'int' }],
  run: runHistory,
};

/** Refuses kinds without a history viewer (HistoryViewerFor). */
export function requireDeployment(info: Info, what: string): void {
  if (info.resource.kind === 'Deployment') return;
  const r = info.resource;
  const gk = r.group ? `${r.kind}.${r.group}` : r.kind;
  throw new KubectlError(`no ${what} has been implemented for ${JSON.stringify(gk)}`);
}

function* runHistory(ctx: CommandContext): Task<void> {
  requireRolloutTarget(ctx);
  const revision = ctx.flags.num('revision');
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
  const format = outputFormat(ctx.flags);
  const infos = yield* gatherRolloutTargets(ctx);
  let printed = 0;
  for (const info of infos) {
    try {
      requireDeployment(info, 'history viewer');
      const { deployment, replicaSets } = yield* readDeploymentHistory(info, 'deployment');
      if (format.kind === 'default') {
        const text = viewDeploymentHistory(deployment, replicaSets, revision);
        const withRevision = revision > 0 ? `with revision #${revision}` : '';
        ctx.out.out(nameLine(info.resource, info.name, `${withRevision}\n${text}`));
        continue;
      }
      const chosen = revisionObjects(replicaSetsByRevision(deployment, replicaSets), revision);
      for (const rs of chosen) printed = printOne(ctx, format, rs, printed);
    } catch (e) {
      ctx.errors.push(e);
    }
  }
}

// The ReplicaSet of one revision, or all of them by revision (GetHistory).
function revisionObjects(byRevision: Map<number, ReplicaSet>, revision: number): ReplicaSet[] {
  if (revision > 0) {
    const rs = byRevision.get(revision);
    if (!rs) throw new KubectlError('unable to find the specified revision');
    return [rs];
  }
  return [...byRevision.entries()].sort(([a], [b]) => a - b).map(([, rs]) => rs);
}

// One printer serves the whole command, so YAML documents after the first start with "---".
function printOne(
  ctx: CommandContext,
  format: OutputFormat,
  obj: KubeObject,
  printed: number,
): number {
  const resource = resourceForKind('ReplicaSet') as ResourceInfo;
  const text = printStructured(format, [{ resource, object: obj }], false);
  ctx.out.out(format.kind === 'yaml' && printed > 0 ? `---\n${text}` : text);
  return printed + 1;
}
