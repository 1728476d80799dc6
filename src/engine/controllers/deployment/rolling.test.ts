import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/types';
import {
  availablePods,
  cluster,
  create,
  deploymentBody,
  edit,
  events,
  getDeployment,
  replicaSets,
  rollout,
} from './fixtures';

function setImage(image: string) {
  return (d: Deployment) => {
    d.spec!.template!.spec!.containers[0]!.image = image;
  };
}

describe('RollingUpdate', () => {
  it('replaces 3 replicas one at a time with the default 25%/25% (surge 1, unavailable 0)', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 3 }));
    rollout(e);
    e.runFor(5_000);
    edit(e, 'web', setImage('nginx:1.27'));
    // [old, new] spec.replicas each time a ReplicaSet's pods become available. Scaling the new
    // one up needs only room under replicas + maxSurge, so it follows each scale-down at once.
    expect(rollout(e)).toEqual([
      [3, 1],
      [2, 2],
      [1, 3],
      [0, 3],
    ]);
    // Every single step, in order: new 0→1, old 3→2, new 1→2, old 2→1, new 2→3, old 1→0.
    const [oldRS, newRS] = replicaSets(e).map((rs) => rs.metadata?.name);
    expect(events(e).slice(1)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 0 to 1`,
      `ScalingReplicaSet: Scaled down replica set ${oldRS} from 3 to 2`,
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 1 to 2`,
      `ScalingReplicaSet: Scaled down replica set ${oldRS} from 2 to 1`,
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 2 to 3`,
      `ScalingReplicaSet: Scaled down replica set ${oldRS} from 1 to 0`,
    ]);
    const d = getDeployment(e, 'web');
    expect(d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe(
      'NewReplicaSetAvailable',
    );
  });

  it('keeps 10 replicas between 8 available and 13 specified with maxSurge 3, maxUnavailable 2', () => {
    const e = cluster();
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
    create(e, deploymentBody('web', { replicas: 10, strategy }));
    rollout(e);
    e.runFor(5_000);
    edit(e, 'web', setImage('nginx:1.27'));
    const totals: number[] = [];
    const check = (rss: ReplicaSet[]) => {
      const specified = rss.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
      totals.push(specified);
      expect(specified).toBeLessThanOrEqual(13);
      expect(availablePods(rss)).toBeGreaterThanOrEqual(8);
    };
    check(replicaSets(e));
    const steps = rollout(e, check);
    // Surge 3 at once (10 → 13 pods), old down by 2 (to 8 available), new up by 2 more.
    expect(steps[0]).toEqual([8, 5]);
    const [oldRS, newRS] = replicaSets(e).map((rs) => rs.metadata?.name);
    expect(events(e).slice(1, 4)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 0 to 3`,
      `ScalingReplicaSet: Scaled down replica set ${oldRS} from 10 to 8`,
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 3 to 5`,
    ]);
    expect(steps[steps.length - 1]).toEqual([0, 10]);
    expect(Math.max(...totals)).toBe(13);
  });

  it('rolls over from a stuck rollout without exceeding surge (upstream case 2)', () => {
    const e = cluster();
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
    create(e, deploymentBody('web', { replicas: 10, strategy }));
    rollout(e);
    e.runFor(5_000);
    edit(e, 'web', setImage('broken'));
    // The new pods never become available: only the first surge and unavailability are spent.
    expect(replicaSets(e).map((rs) => rs.spec?.replicas)).toEqual([8, 5]);
    e.runFor(5_000);
    edit(e, 'web', setImage('nginx:1.27'));
    const sizes = replicaSets(e).map((rs) => rs.spec?.replicas);
    expect(sizes.reduce((a = 0, b = 0) => a + b, 0)).toBeLessThanOrEqual(13);
    expect(rollout(e).at(-1)).toEqual([0, 0, 10]);
  });
});
