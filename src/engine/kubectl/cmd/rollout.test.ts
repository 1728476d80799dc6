import { describe, expect, it } from 'vitest';
import { emptyCluster, setStatusLater, sh } from '../testing';

describe('kubectl rollout status', () => {
  it('prints each observed state until the rollout is done', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx --replicas=3');
    setStatusLater(e, 1_000, 'deployments', 'web', {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 1,
    });
    setStatusLater(e, 2_000, 'deployments', 'web', {
      updatedReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
    });
    setStatusLater(e, 3_000, 'deployments', 'web', { readyReplicas: 3, availableReplicas: 3 });
    expect(sh(e, 'kubectl rollout status deployment/web').stdout).toBe(
      'Waiting for deployment spec update to be observed...\n' +
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n' +
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n' +
        'deployment "web" successfully rolled out\n',
    );
  });

  it('reports old replicas pending termination and a missed progress deadline', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx --replicas=2');
    setStatusLater(e, 1_000, 'deployments', 'web', {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 2,
    });
    setStatusLater(e, 2_000, 'deployments', 'web', {
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
    });
    const r = sh(e, 'kubectl rollout status deploy web');
    expect(r.stdout).toContain(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
    );
    expect(r.stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
  });

  it.each([
    [
      'kubectl rollout status deploy/web --timeout=5s',
      'error: timed out waiting for the condition\n',
    ],
    [
      'kubectl rollout status deploy/nope',
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    ],
    ['kubectl rollout status pod/p', 'error: no status viewer has been implemented for Pod\n'],
    [
      'kubectl rollout status',
      "error: Required resource not specified.\nSee 'kubectl rollout status -h' for help and examples\n",
    ],
    [
      'kubectl rollout status deploy/web --revision=-1',
      'error: revision must be a positive integer: -1\n',
    ],
    [
      'kubectl rollout foo',
      'error: unknown command "foo"\nSee \'kubectl rollout -h\' for help and examples\n',
    ],
  ])('%s', (line, stderr) => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    sh(e, 'kubectl run p --image=nginx');
    expect(sh(e, line).stderr).toBe(stderr);
  });
});
