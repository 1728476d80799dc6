import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import {
  cluster,
  create,
  deploymentBody,
  edit,
  events,
  replicaSets,
  rollout,
  setStatus,
} from './fixtures';

describe('Recreate', () => {
  function started() {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 3, strategy: { type: 'Recreate' } }));
    rollout(e);
    e.runFor(5_000);
    edit(e, 'web', (d) => {
      d.spec!.template!.spec!.containers[0]!.image = 'nginx:1.27';
    });
    return e;
  }

  it('scales the old ReplicaSet to 0 and creates the new one only once its pods are gone', () => {
    const e = started();
    const [oldRS] = replicaSets(e);
    expect(replicaSets(e).map((rs) => rs.spec?.replicas)).toEqual([0]);
    // The old ReplicaSet still reports 3 pods: nothing new yet.
    e.runFor(10_000);
    expect(replicaSets(e)).toHaveLength(1);
    setStatus(e, oldRS?.metadata?.name ?? '', { replicas: 0 });
    const [, newRS] = replicaSets(e);
    expect(newRS?.spec?.replicas).toBe(3);
    expect(newRS?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(events(e).slice(1)).toEqual([
      `ScalingReplicaSet: Scaled down replica set ${oldRS?.metadata?.name} from 3 to 0`,
      `ScalingReplicaSet: Scaled up replica set ${newRS?.metadata?.name} from 0 to 3`,
    ]);
  });

  it('waits for a terminating old pod, and syncs again when it is deleted', () => {
    const e = started();
    const [oldRS] = replicaSets(e);
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-old-pod',
        labels: oldRS?.spec?.template?.metadata?.labels,
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: oldRS?.metadata?.name ?? '',
            uid: oldRS?.metadata?.uid ?? '',
            controller: true,
          },
        ],
      },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    };
    e.request('kubectl', { verb: 'create', resource: 'pods', namespace: 'default', body: pod });
    setStatus(e, oldRS?.metadata?.name ?? '', { replicas: 0 });
    expect(replicaSets(e)).toHaveLength(1);
    e.request('kubectl', {
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: 'web-old-pod',
      gracePeriodSeconds: 0,
    });
    e.runUntilIdle();
    expect(replicaSets(e).map((rs) => rs.spec?.replicas)).toEqual([0, 3]);
  });
});
