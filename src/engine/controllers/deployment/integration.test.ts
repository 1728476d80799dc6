import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine';
import { createReplicaSetController } from '../replicaset/replicaSetController';
import { createDeploymentController } from './deploymentController';
import { create, deploymentBody, getDeployment, replicaSets } from './fixtures';

// With the real ReplicaSet controller (and no scheduler or kubelets, so pods stay Pending).
describe('with the ReplicaSet controller', () => {
  it('creates a ReplicaSet whose pods the Deployment then counts', () => {
    const e = new Engine({ nodes: [] }, [createDeploymentController, createReplicaSetController]);
    create(e, deploymentBody('web', { replicas: 3 }));
    const [rs] = replicaSets(e);
    const pods = e.request('kubectl', { verb: 'list', resource: 'pods', namespace: 'default' });
    const names = (pods.body as { items: { metadata: { name: string } }[] }).items.map(
      (p) => p.metadata.name,
    );
    expect(names).toHaveLength(3);
    for (const n of names) expect(n).toMatch(new RegExp(`^${rs?.metadata?.name}-[a-z0-9]{5}$`));
    expect(getDeployment(e, 'web').status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      unavailableReplicas: 3,
    });
  });
});
