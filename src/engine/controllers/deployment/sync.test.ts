import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/types';
import {
  cluster,
  create,
  deploymentBody,
  events,
  getDeployment,
  replicaSets,
  rollout,
} from './fixtures';
import { computeHash } from './util/hash';

describe('a fresh Deployment', () => {
  it('gets one ReplicaSet with every replica, labelled, annotated and owned', () => {
    const e = cluster();
    const d = create(e, deploymentBody('web', { replicas: 3 }));
    const [rs, ...rest] = replicaSets(e);
    expect(rest).toEqual([]);
    const hash = rs?.metadata?.labels?.['pod-template-hash'] ?? '';
    expect(hash).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(rs?.metadata?.name).toBe(`web-${hash}`);
    expect(rs?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs?.spec?.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs?.spec?.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs?.spec?.replicas).toBe(3);
    expect(rs?.metadata?.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs?.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: d.metadata?.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(getDeployment(e, 'web').metadata?.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
    });
    expect(events(e)).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
  });

  it('is named as on a real v1.31 cluster: kubectl create deployment nginx --image=nginx', () => {
    const e = cluster();
    create(e, deploymentBody('nginx'));
    expect(replicaSets(e).map((rs) => rs.metadata?.name)).toEqual(['nginx-676b6c5bbc']);
  });

  it('writes status twice and, like upstream, meets a 409 on the second write', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 3 }));
    const statusWrites = e.trace
      .all()
      .filter((m) => m.to === 'deployment-controller' && m.resource === 'deployments/status');
    expect(statusWrites.map((m) => m.code).slice(0, 2)).toEqual([200, 409]);
    const d = getDeployment(e, 'web');
    expect(d.status).toEqual({
      observedGeneration: 1,
      unavailableReplicas: 3,
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: '2025-01-01T00:00:00Z',
          lastTransitionTime: '2025-01-01T00:00:00Z',
          reason: 'NewReplicaSetCreated',
          message: `Created new replica set "${replicaSets(e)[0]?.metadata?.name}"`,
        },
        {
          type: 'Available',
          status: 'False',
          lastUpdateTime: '2025-01-01T00:00:00Z',
          lastTransitionTime: '2025-01-01T00:00:00Z',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
      ],
    });
  });

  it('reports a complete rollout as kubectl describe shows it', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 3 }));
    e.runFor(7_000);
    rollout(e);
    const name = replicaSets(e)[0]?.metadata?.name;
    const d = getDeployment(e, 'web');
    expect(d.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(d.status?.unavailableReplicas).toBeUndefined();
    expect(d.status?.conditions).toEqual([
      {
        type: 'Available',
        status: 'True',
        lastUpdateTime: '2025-01-01T00:00:07Z',
        lastTransitionTime: '2025-01-01T00:00:07Z',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      },
      {
        type: 'Progressing',
        status: 'True',
        lastUpdateTime: '2025-01-01T00:00:07Z',
        lastTransitionTime: '2025-01-01T00:00:00Z',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${name}" has successfully progressed.`,
      },
    ]);
  });

  it('copies its own annotations to the ReplicaSet, but not last-applied or revision', () => {
    const e = cluster();
    const body = deploymentBody('web');
    body.metadata!.annotations = {
      'kubernetes.io/change-cause': 'first',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
    };
    create(e, body);
    expect(replicaSets(e)[0]?.metadata?.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '1',
      'deployment.kubernetes.io/max-replicas': '2',
      'deployment.kubernetes.io/revision': '1',
      'kubernetes.io/change-cause': 'first',
    });
  });
});

describe('ReplicaSets that already exist', () => {
  function dryRunTemplate(e: ReturnType<typeof cluster>, d: Deployment) {
    const res = e.request('kubectl', {
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: d,
      dryRun: true,
    });
    return (res.body as Deployment).spec!.template;
  }

  function replicaSet(name: string, labels: Record<string, string>, image: string): ReplicaSet {
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, labels },
      spec: {
        replicas: 0,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image }] } },
      },
    };
  }

  it('bumps collisionCount when another ReplicaSet has the name, then hashes again', () => {
    const e = cluster();
    const body = deploymentBody('web');
    const template = dryRunTemplate(e, body);
    const taken = `web-${computeHash(template)}`;
    e.request('kubectl', {
      verb: 'create',
      resource: 'replicasets',
      namespace: 'default',
      body: replicaSet(taken, { app: 'other' }, 'busybox'),
    });
    create(e, body);
    expect(getDeployment(e, 'web').status?.collisionCount).toBe(1);
    const names = replicaSets(e).map((rs) => rs.metadata?.name);
    expect(names).toEqual([taken, `web-${computeHash(template, 1)}`]);
  });

  it('adopts a matching orphan with the same template as the new ReplicaSet', () => {
    const e = cluster();
    const labels = { app: 'web', 'pod-template-hash': 'adopted' };
    e.request('kubectl', {
      verb: 'create',
      resource: 'replicasets',
      namespace: 'default',
      body: replicaSet('web-adopted', labels, 'nginx'),
    });
    const body = deploymentBody('web');
    body.spec!.template!.spec!.containers[0]!.resources = undefined;
    const d = create(e, body);
    const [rs, ...rest] = replicaSets(e);
    expect(rest).toEqual([]);
    expect(rs?.metadata?.ownerReferences?.[0]).toMatchObject({
      uid: d.metadata?.uid,
      controller: true,
    });
    expect(rs?.spec?.replicas).toBe(1);
    expect(events(e)).toEqual(['ScalingReplicaSet: Scaled up replica set web-adopted from 0 to 1']);
    const progressing = getDeployment(e, 'web').status?.conditions?.find(
      (c) => c.type === 'Progressing',
    );
    expect(progressing).toMatchObject({
      reason: 'FoundNewReplicaSet',
      message: 'Found new replica set "web-adopted"',
    });
  });
});
