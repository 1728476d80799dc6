import { describe, expect, it } from 'vitest';
import { wireCopy } from '../../api/object';
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
const revisions = (e: ReturnType<typeof cluster>) =>
  replicaSets(e).map((rs) => [
    rs.spec?.template?.spec?.containers[0]?.image,
    rs.metadata?.annotations?.['deployment.kubernetes.io/revision'],
  ]);

describe('revision history', () => {
  it('keeps only revisionHistoryLimit old ReplicaSets, deleting the oldest empty ones', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 2, revisionHistoryLimit: 2 }));
    rollout(e);
    for (const tag of ['1.25', '1.26', '1.27', '1.28']) {
      e.runFor(5_000);
      edit(e, 'web', setImage(`nginx:${tag}`));
      rollout(e);
    }
    expect(revisions(e)).toEqual([
      ['nginx:1.26', '3'],
      ['nginx:1.27', '4'],
      ['nginx:1.28', '5'],
    ]);
  });

  it('makes the old ReplicaSet new again on rollout undo, recording revision-history', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 2 }));
    rollout(e);
    e.runFor(5_000);
    edit(e, 'web', setImage('nginx:1.27'));
    rollout(e);
    e.runFor(5_000);
    // kubectl rollout undo: the previous revision's template, minus pod-template-hash.
    const [first] = replicaSets(e);
    edit(e, 'web', (d) => {
      const template = wireCopy(first!.spec!.template!);
      delete template.metadata!.labels!['pod-template-hash'];
      d.spec!.template = template;
    });
    rollout(e);
    expect(replicaSets(e)).toHaveLength(2);
    expect(revisions(e)).toEqual([
      ['nginx', '3'],
      ['nginx:1.27', '2'],
    ]);
    expect(
      replicaSets(e)[0]?.metadata?.annotations?.['deployment.kubernetes.io/revision-history'],
    ).toBe('1');
    expect(replicaSets(e).map((rs) => rs.spec?.replicas)).toEqual([2, 0]);
    expect(
      getDeployment(e, 'web').metadata?.annotations?.['deployment.kubernetes.io/revision'],
    ).toBe('3');
  });

  it('honours the deprecated rollback annotation by copying the template back itself', () => {
    const e = cluster();
    create(e, deploymentBody('web'));
    rollout(e);
    e.runFor(5_000);
    edit(e, 'web', setImage('nginx:1.27'));
    rollout(e);
    edit(e, 'web', (d) => {
      d.metadata!.annotations!['deprecated.deployment.rollback.to'] = '0';
    });
    rollout(e);
    const d = getDeployment(e, 'web');
    expect(d.metadata?.annotations?.['deprecated.deployment.rollback.to']).toBeUndefined();
    expect(d.spec?.template?.spec?.containers[0]?.image).toBe('nginx');
    expect(events(e)).toContain('DeploymentRollback: Rolled back deployment "web" to revision 1');
    expect(revisions(e)).toEqual([
      ['nginx', '3'],
      ['nginx:1.27', '2'],
    ]);
  });
});
