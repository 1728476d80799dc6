import type { KubeObject } from '../../api/object';
import type { Deployment, PodTemplateSpec } from '../../api/types';
import { rfc3339 } from '../../clock/time';
import type { Task } from '../../client/task';
import { KubectlError } from '../errors';
import { FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, fieldManagerFlag } from '../flags/common';
import type { CommandContext, CommandSpec } from './context';
import type { Mutation } from './rolloutPatch';
import { patchTargets } from './rolloutPatch';

// kubectl rollout restart (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_restart.go;
// polymorphichelpers/objectrestarter.go): stamp the pod template with the time, so the
// controller sees a new template and rolls every pod.

/** The pod template annotation restart sets to the current time (RFC3339). */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** The kinds whose pod template restart stamps. */
const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

/** kubectl rollout restart. */
export const rolloutRestartCommand: CommandSpec = {
  name: 'restart',
  use: 'restart RESOURCE',
  short: 'Restart a resource',
  flags: [...FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, fieldManagerFlag('kubectl-rollout')],
  run: runRestart,
};

function restartAt(now: string): Mutation {
  return (obj) => {
    if (!RESTARTABLE.has(obj.kind ?? '')) throw new KubectlError('restarting is not supported');
    const w = obj as KubeObject & { spec?: { paused?: boolean; template?: PodTemplateSpec } };
    if (obj.kind === 'Deployment' && (obj as Deployment).spec?.paused)
      throw new KubectlError("can't restart paused deployment (run rollout resume first)");
    const template = ((w.spec ??= {}).template ??= {});
    ((template.metadata ??= {}).annotations ??= {})[RESTARTED_AT_ANNOTATION] = now;
  };
}

function runRestart(ctx: CommandContext): Task<void> {
  // A second restart within the same second changes nothing: upstream reports it and still
  // sends the empty patch.
  return patchTargets(ctx, restartAt(rfc3339(ctx.io.now())), 'restarted', (p) => {
    ctx.errors.push(new KubectlError(`failed to create patch for ${p.info.name}: empty patch`));
    return true;
  });
}
