import type { Deployment, ReplicaSet } from '../../api/types';
import { StatusError } from '../../apiserver/errors';
import type { ObjectList } from '../../apiserver/types';
import type { Task } from '../../client/task';
import { request } from '../../client/task';
import { controlledBy } from '../describe';
import { KubectlError } from '../errors';
import { selectorString } from '../printers/format';
import type { Info } from '../resource/info';

// A Deployment as history and undo read it (polymorphichelpers getDeploymentReplicaSets and
// deploymentutil.GetAllReplicaSets): a fresh GET, then the ReplicaSets its selector lists that
// it controls.

/** A Deployment and the ReplicaSets it controls. */
export interface DeploymentHistory {
  deployment: Deployment;
  replicaSets: ReplicaSet[];
}

/** Reads a Deployment and its ReplicaSets; `what` names it in errors ("deployment", "Deployment"). */
export function* readDeploymentHistory(info: Info, what: string): Task<DeploymentHistory> {
  const got = yield* request({
    verb: 'get',
    resource: 'deployments',
    namespace: info.namespace,
    name: info.name,
  });
  if (got.error) {
    const cause = new StatusError(got.error).message;
    throw new KubectlError(`failed to retrieve ${what} ${info.name}: ${cause}`);
  }
  const deployment = got.body as Deployment;
  const listed = yield* request({
    verb: 'list',
    resource: 'replicasets',
    namespace: info.namespace,
    labelSelector: selectorString(deployment.spec?.selector),
  });
  if (listed.error) {
    const cause = new StatusError(listed.error).message;
    throw new KubectlError(
      `failed to retrieve replica sets from deployment ${info.name}: ${cause}`,
    );
  }
  const items = (listed.body as ObjectList).items as ReplicaSet[];
  return { deployment, replicaSets: items.filter((rs) => controlledBy(rs, deployment)) };
}
