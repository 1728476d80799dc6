import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../api/types';
import {
  cluster,
  create,
  deploymentBody,
  edit,
  events,
  getDeployment,
  replicaSets,
  rollout,
} from './fixtures';

const setImage = (image: string) => (d: Deployment) => {
  d.spec!.template!.spec!.containers[0]!.image = image;
};

const progressing = (d: Deployment) => d.status?.conditions?.find((c) => c.type === 'Progressing');

describe('scaling mid-rollout', () => {
  it('spreads new replicas proportionally (the upstream docs example: 8 + 5 → 11 + 7)', () => {
    const e = cluster();
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
    create(e, deploymentBody('web', { replicas: 10, strategy }));
    rollout(e);
    e.runFor(5_000);
    edit(e, 'web', setImage('nginx:no-such-tag'));
    expect(replicaSets(e).map((rs) => rs.spec?.replicas)).toEqual([8, 5]);
    const before = events(e).length;
    edit(e, 'web', (d) => {
      d.spec!.replicas = 15;
    });
    // allowed = 15 + 3 = 18 for 13 now: old 8·18/13 → 11, new 5·18/13 → 7.
    const [oldRS, newRS] = replicaSets(e);
    expect([oldRS?.spec?.replicas, newRS?.spec?.replicas]).toEqual([11, 7]);
    for (const rs of [oldRS, newRS])
      expect(rs?.metadata?.annotations).toMatchObject({
        'deployment.kubernetes.io/desired-replicas': '15',
        'deployment.kubernetes.io/max-replicas': '18',
      });
    expect(events(e).slice(before)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${oldRS?.metadata?.name} from 8 to 11`,
      `ScalingReplicaSet: Scaled up replica set ${newRS?.metadata?.name} from 5 to 7`,
    ]);
  });

  it('scales a single ReplicaSet straight to the new replicas', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 3 }));
    rollout(e);
    edit(e, 'web', (d) => {
      d.spec!.replicas = 1;
    });
    expect(replicaSets(e).map((rs) => rs.spec?.replicas)).toEqual([1]);
    expect(events(e).at(-1)).toMatch(
      /^ScalingReplicaSet: Scaled down replica set web-\w+ from 3 to 1$/,
    );
  });
});

describe('a paused Deployment', () => {
  it('says so, scales but does not roll out, and resumes where it was', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 3 }));
    rollout(e);
    e.runFor(5_000);
    edit(e, 'web', (d) => {
      d.spec!.paused = true;
    });
    expect(progressing(getDeployment(e, 'web'))).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
      lastTransitionTime: '2025-01-01T00:00:05Z',
    });
    edit(e, 'web', setImage('nginx:1.27'));
    edit(e, 'web', (d) => {
      d.spec!.replicas = 5;
    });
    expect(replicaSets(e).map((rs) => rs.spec?.replicas)).toEqual([5]);
    rollout(e);
    e.runFor(5_000);
    const before = events(e).length;
    edit(e, 'web', (d) => {
      d.spec!.paused = false;
    });
    // 5 replicas at 25%: surge 2, unavailable 1. New +2, old −1, then new +1 into the room.
    const [oldRS, newRS] = replicaSets(e).map((rs) => rs.metadata?.name);
    expect(events(e).slice(before)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 0 to 2`,
      `ScalingReplicaSet: Scaled down replica set ${oldRS} from 5 to 4`,
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 2 to 3`,
    ]);
    // Only pods moving count as progress, so the condition stays Resumed until they do.
    expect(progressing(getDeployment(e, 'web'))).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentResumed',
      message: 'Deployment is resumed',
    });
    rollout(e);
    expect(progressing(getDeployment(e, 'web'))).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
  });

  it('reports DeploymentResumed before the rollout moves on', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 2, paused: true }));
    expect(replicaSets(e)).toEqual([]);
    const statuses = e.trace
      .all()
      .filter((m) => m.from === 'deployment-controller' && m.resource === 'deployments/status');
    expect(statuses.length).toBeGreaterThan(0);
    e.runFor(5_000);
    edit(e, 'web', (d) => {
      d.spec!.paused = false;
    });
    const resumed = e.trace
      .all()
      .filter((m) => m.from === 'deployment-controller' && m.resource === 'deployments/status')
      .map((m) => JSON.stringify(m.body))
      .find((b) => b.includes('DeploymentResumed'));
    expect(resumed).toContain('Deployment is resumed');
    expect(replicaSets(e).map((rs) => rs.spec?.replicas)).toEqual([2]);
  });
});
