import type { KubeObject } from '../../api/object';
import { wireCopy } from '../../api/object';
import type { Deployment, ReplicaSet } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import {
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  equalIgnoreHash,
  podTemplateText,
  revisionOf,
  splitReplicaSets,
} from '../describe';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG } from '../flags/common';
import type { Info } from '../resource/info';
import type { CommandContext, CommandSpec } from './context';
import type { DryRun } from './options';
import { dryRunStrategy, outputFormat, printResult } from './options';
import { requireDeployment } from './rolloutHistory';
import { gatherRolloutTargets, requireRolloutTarget } from './rolloutPatch';
import { readDeploymentHistory } from './rolloutReplicaSets';

// kubectl rollout undo (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_undo.go;
// polymorphichelpers/rollback.go DeploymentRollbacker, v1.31): done by the client. Find the
// ReplicaSet of the wanted revision (default: the one before the latest) and JSON-patch its pod
// template, minus pod-template-hash, and its annotations into the Deployment. The controller
// then finds that ReplicaSet as the new one and gives it the next revision.

/** The name printer's operation on success (rollbackSuccess). */
export const MSG_ROLLED_BACK = 'rolled back';

/** Annotations a rollback keeps from the Deployment rather than copying from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** kubectl rollout undo. */
export const rolloutUndoCommand: CommandSpec = {
  name: 'undo',
  use: 'undo (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Undo a previous rollout',
  flags: [
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    { name: 'to-revision', type: 'int' },
  ],
  run: runUndo,
};

function* runUndo(ctx: CommandContext): Task<void> {
  const dry = dryRunStrategy(ctx.flags);
  requireRolloutTarget(ctx);
  outputFormat(ctx.flags);
  const toRevision = ctx.flags.num('to-revision');
  for (const info of yield* gatherRolloutTargets(ctx)) {
    try {
      requireDeployment(info, 'rollbacker');
      const result = yield* rollback(info, toRevision, dry);
      printResult(ctx, info, info.object as KubeObject, result, dry);
    } catch (e) {
      ctx.errors.push(e);
    }
  }
}

function revisionNotFound(revision: number): KubectlError {
  return new KubectlError(`unable to find specified revision ${revision} in history`);
}

// DeploymentRollbacker.Rollback: returns the name printer's operation.
function* rollback(info: Info, toRevision: number, dry: DryRun): Task<string> {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const { deployment, replicaSets } = yield* readDeploymentHistory(info, 'Deployment');
  const rs = replicaSetForRevision(deployment, replicaSets, toRevision);
  if (dry === 'client') return podTemplateText(rs.spec?.template ?? {});
  const name = info.name;
  if (deployment.spec?.paused) {
    throw new KubectlError(
      `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`,
    );
  }
  if (equalIgnoreHash(rs.spec?.template, deployment.spec?.template))
    return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = wireCopy(rs.spec?.template ?? {});
  delete template.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL];
  const res = yield* request({
    verb: 'patch',
    resource: 'deployments',
    namespace: info.namespace,
    name,
    body: [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: rollbackAnnotations(deployment, rs) },
    ],
    patchType: 'json',
    dryRun: dry === 'server',
  });
  if (res.error) {
    const cause = new StatusError(res.error).message;
    throw new KubectlError(`failed restoring revision ${toRevision}: ${cause}`);
  }
  return MSG_ROLLED_BACK;
}

// The Deployment keeps its own bookkeeping annotations and takes the rest from the ReplicaSet.
function rollbackAnnotations(d: Deployment, rs: ReplicaSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {}))
    if (ANNOTATIONS_TO_SKIP.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {}))
    if (!ANNOTATIONS_TO_SKIP.has(k)) out[k] = v;
  return out;
}

// deploymentRevision: the ReplicaSet with that revision, or for 0 the second newest.
function replicaSetForRevision(
  d: Deployment,
  replicaSets: readonly ReplicaSet[],
  toRevision: number,
): ReplicaSet {
  const { newRS, old } = splitReplicaSets(d, replicaSets);
  let latest: { revision: number; rs?: ReplicaSet } = { revision: -1 };
  let previous: { revision: number; rs?: ReplicaSet } = { revision: -1 };
  for (const rs of newRS ? [...old, newRS] : old) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision > 0) {
      if (v === toRevision) return rs;
    } else if (latest.revision < v) {
      previous = latest;
      latest = { revision: v, rs };
    } else if (previous.revision < v) previous = { revision: v, rs };
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous.rs)
    throw new KubectlError(
      `no rollout history found for deployment ${JSON.stringify(d.metadata?.name ?? '')}`,
    );
  return previous.rs;
}
