import { describe, expect, it } from 'vitest';
import { createDeploymentController } from '../../controllers/deployment';
import { Engine } from '../../engine';
import { emptyCluster, sh } from '../testing';

function field(e: Engine, path: string): string {
  return sh(e, `kubectl get deploy web -o jsonpath={${path}}`).stdout;
}

describe('kubectl rollout pause / resume', () => {
  it('flips spec.paused and refuses to do it twice', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    expect(sh(e, 'kubectl rollout pause deployment/web').stdout).toBe(
      'deployment.apps/web paused\n',
    );
    expect(field(e, '.spec.paused')).toBe('true');
    const again = sh(e, 'kubectl rollout pause deployment/web');
    expect([again.stderr, again.exitCode]).toEqual([
      'error: deployments.apps "web" is already paused\n',
      1,
    ]);
    expect(sh(e, 'kubectl rollout resume deploy web -o name').stdout).toBe('deployment.apps/web\n');
    expect(field(e, '.spec.paused')).toBe('');
    expect(sh(e, 'kubectl rollout resume deploy/web').stderr).toBe(
      'error: deployments.apps "web" is not paused\n',
    );
  });

  it('pauses only deployments, carrying on past the ones it cannot', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    sh(e, 'kubectl run p --image=nginx');
    const r = sh(e, 'kubectl rollout pause pod/p deploy/web deploy/nope');
    expect(r.stdout).toBe('deployment.apps/web paused\n');
    expect(r.stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\nerror: pods "p" pausing is not supported\n',
    );
    expect(sh(e, 'kubectl rollout resume').stderr).toBe('error: required resource not specified\n');
  });

  it('keeps rollout status waiting while paused: no new ReplicaSet is made', () => {
    const e = new Engine({ nodes: [] }, [createDeploymentController]);
    sh(e, 'kubectl create deployment web --image=nginx --replicas=2');
    e.runUntilIdle();
    sh(e, 'kubectl rollout pause deploy/web');
    sh(e, 'kubectl set image deploy/web nginx=nginx:1.27');
    const r = sh(e, 'kubectl rollout status deploy/web --timeout=5s');
    expect(r.stdout).toContain(
      'Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...\n',
    );
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(sh(e, 'kubectl get rs -o name').stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('kubectl rollout restart', () => {
  it('stamps the pod template with the time', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    e.loop.runFor(90_000);
    expect(sh(e, 'kubectl rollout restart deployment/web').stdout).toBe(
      'deployment.apps/web restarted\n',
    );
    expect(field(e, '.spec.template.metadata.annotations')).toBe(
      '{"kubectl.kubernetes.io/restartedAt":"2025-01-01T00:01:30Z"}',
    );
  });

  it('reports a second restart within the same second, and refuses paused deployments', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    sh(e, 'kubectl rollout restart deploy/web');
    const twice = sh(e, 'kubectl rollout restart deploy/web');
    expect(twice.stdout).toBe('deployment.apps/web restarted\n');
    expect(twice.stderr).toBe('error: failed to create patch for web: empty patch\n');
    sh(e, 'kubectl rollout pause deploy/web');
    expect(sh(e, 'kubectl rollout restart deploy/web').stderr).toBe(
      `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`,
    );
    sh(e, 'kubectl run p --image=nginx');
    expect(sh(e, 'kubectl rollout restart pod/p').stderr).toBe(
      'error: pods "p" restarting is not supported\n',
    );
  });
});
