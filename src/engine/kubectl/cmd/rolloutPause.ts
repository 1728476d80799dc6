import type { Deployment } from '../../api/types';
import type { Task } from '../../client/task';
import { KubectlError } from '../errors';
import { FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, fieldManagerFlag } from '../flags/common';
import type { CommandContext, CommandSpec } from './context';
import { printResult } from './options';
import type { Mutation } from './rolloutPatch';
import { patchTargets } from './rolloutPatch';

// kubectl rollout pause / resume (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_pause.go,
// rollout_resume.go; polymorphichelpers objectpauser.go, objectresumer.go): flip spec.paused on
// Deployments with a strategic merge patch; a Deployment already in that state is an error.

function pauseCommand(paused: boolean): CommandSpec {
  const verb = paused ? 'pause' : 'resume';
  return {
    name: verb,
    use: `${verb} RESOURCE`,
    short: paused ? 'Mark the provided resource as paused' : 'Resume a paused resource',
    flags: [...FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, fieldManagerFlag('kubectl-rollout')],
    run: (ctx) => runPause(ctx, paused),
  };
}

/** kubectl rollout pause. */
export const rolloutPauseCommand = pauseCommand(true);
/** kubectl rollout resume. */
export const rolloutResumeCommand = pauseCommand(false);

// defaultObjectPauser / defaultObjectResumer: only Deployments pause.
function setPaused(paused: boolean): Mutation {
  return (obj) => {
    if (obj.kind !== 'Deployment')
      throw new KubectlError(paused ? 'pausing is not supported' : 'resuming is not supported');
    const d = obj as Deployment;
    if ((d.spec?.paused ?? false) === paused)
      throw new KubectlError(paused ? 'is already paused' : 'is not paused');
    // The typed object drops a false paused (omitempty), so resuming sends paused: null.
    const spec = d.spec as NonNullable<Deployment['spec']>;
    if (paused) spec.paused = true;
    else delete spec.paused;
  };
}

function runPause(ctx: CommandContext, paused: boolean): Task<void> {
  const operation = paused ? 'paused' : 'resumed';
  return patchTargets(ctx, setPaused(paused), operation, (p) => {
    printResult(ctx, p.info, p.info.object as Deployment, `already ${operation}`, 'none');
    return false;
  });
}
