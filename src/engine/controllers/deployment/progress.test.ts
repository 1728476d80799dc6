import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../api/types';
import { cluster, create, deploymentBody, getDeployment, replicaSets, setStatus } from './fixtures';

const progressing = (d: Deployment) => d.status?.conditions?.find((c) => c.type === 'Progressing');

describe('progressDeadlineSeconds', () => {
  it('turns Progressing False 600 s of virtual time after the last progress', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 3 }));
    const name = replicaSets(e)[0]?.metadata?.name ?? '';
    e.runFor(10_000);
    // Pods are created but never become ready: progress once, at 00:00:10.
    setStatus(e, name, { replicas: 3 });
    expect(progressing(getDeployment(e, 'web'))).toEqual({
      type: 'Progressing',
      status: 'True',
      lastUpdateTime: '2025-01-01T00:00:10Z',
      lastTransitionTime: '2025-01-01T00:00:00Z',
      reason: 'ReplicaSetUpdated',
      message: `ReplicaSet "${name}" is progressing.`,
    });
    e.runFor(595_000); // 00:10:05: not yet
    expect(progressing(getDeployment(e, 'web'))?.reason).toBe('ReplicaSetUpdated');
    e.runFor(10_000); // the requeue at lastUpdateTime + 600 s + 1 s has fired
    expect(progressing(getDeployment(e, 'web'))).toEqual({
      type: 'Progressing',
      status: 'False',
      lastUpdateTime: '2025-01-01T00:10:11Z',
      lastTransitionTime: '2025-01-01T00:10:11Z',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${name}" has timed out progressing.`,
    });
    expect(getDeployment(e, 'web').status?.conditions?.[0]).toMatchObject({
      type: 'Available',
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
    });
  });

  it('clears the timeout once pods become available', () => {
    const e = cluster();
    create(e, deploymentBody('web', { replicas: 1, progressDeadlineSeconds: 30 }));
    const name = replicaSets(e)[0]?.metadata?.name ?? '';
    e.runFor(40_000);
    expect(progressing(getDeployment(e, 'web'))?.reason).toBe('ProgressDeadlineExceeded');
    setStatus(e, name, { replicas: 1, available: 1 });
    expect(progressing(getDeployment(e, 'web'))).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${name}" has successfully progressed.`,
    });
  });
});
