import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../api/types';
import type { ObjectList } from '../../apiserver/types';
import { createDeploymentController } from '../../controllers/deployment';
import { Engine } from '../../engine';
import { emptyCluster, sh } from '../testing';

// The deployment controller alone: it makes a ReplicaSet per template and numbers the revisions;
// no pods are needed for history and undo.

function withRevisions(): Engine {
  const e = new Engine({ nodes: [] }, [createDeploymentController]);
  sh(e, 'kubectl create deployment web --image=nginx:1.25');
  e.runUntilIdle();
  sh(e, 'kubectl set image deploy/web nginx=nginx:1.26');
  e.runUntilIdle();
  sh(e, 'kubectl annotate deploy/web kubernetes.io/change-cause="update to 1.26"');
  e.runUntilIdle();
  return e;
}

function rsName(e: Engine, image: string): string {
  const list = e.request('t', { verb: 'list', resource: 'replicasets', namespace: 'default' })
    .body as ObjectList;
  const rs = (list.items as ReplicaSet[]).find(
    (r) => r.spec?.template?.spec?.containers[0]?.image === image,
  );
  return rs?.metadata?.name ?? '';
}

// Runs a command next to a pod and the revisions, and expects it to fail with stderr.
function failsWith(line: string, stderr: string): void {
  const e = withRevisions();
  sh(e, 'kubectl run p --image=nginx');
  const r = sh(e, line);
  expect(r.stderr).toBe(stderr);
  expect(r.exitCode).toBe(1);
}

describe('kubectl rollout history', () => {
  it('lists revisions with their change-cause', () => {
    const e = withRevisions();
    expect(sh(e, 'kubectl rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         update to 1.26\n\n',
    );
  });

  it('shows one revision as its pod template, unaligned', () => {
    const e = withRevisions();
    const hash = rsName(e, 'nginx:1.26').slice('web-'.length);
    expect(sh(e, 'kubectl rollout history deploy web --revision=2').stdout).toBe(
      'deployment.apps/web with revision #2\n' +
        'Pod Template:\n' +
        `  Labels:\tapp=web\n\tpod-template-hash=${hash}\n` +
        '  Annotations:\tkubernetes.io/change-cause: update to 1.26\n' +
        '  Containers:\n   nginx:\n    Image:\tnginx:1.26\n    Port:\t<none>\n' +
        '    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n' +
        '  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
    );
    expect(sh(e, 'kubectl rollout history deploy web --revision=2 -o name').stdout).toBe(
      `replicaset.apps/web-${hash}\n`,
    );
    expect(sh(e, 'kubectl rollout history deploy web -o name').stdout).toBe(
      `replicaset.apps/${rsName(e, 'nginx:1.25')}\nreplicaset.apps/web-${hash}\n`,
    );
  });

  it('says when a deployment has no ReplicaSets yet', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    expect(sh(e, 'kubectl rollout history deploy/web').stdout).toBe(
      'deployment.apps/web \nNo rollout history found.\n',
    );
  });

  it.each([
    [
      'kubectl rollout history deploy/web --revision=7',
      'error: unable to find the specified revision\n',
    ],
    [
      'kubectl rollout history deploy/web --revision=-1',
      'error: revision must be a positive integer: -1\n',
    ],
    ['kubectl rollout history', 'error: required resource not specified\n'],
    ['kubectl rollout history pod/p', 'error: no history viewer has been implemented for "Pod"\n'],
    [
      'kubectl rollout history deploy/nope',
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    ],
  ])('%s', failsWith);
});

describe('kubectl rollout undo', () => {
  it('copies the previous revision back and the controller makes it the newest', () => {
    const e = withRevisions();
    expect(sh(e, 'kubectl rollout undo deployment/web').stdout).toBe(
      'deployment.apps/web rolled back\n',
    );
    e.runUntilIdle();
    expect(
      sh(e, 'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}').stdout,
    ).toBe('nginx:1.25');
    // The change-cause went with revision 2's annotations; revision 1 had none.
    expect(sh(e, 'kubectl get deploy web -o jsonpath={.metadata.annotations}').stdout).toBe(
      '{"deployment.kubernetes.io/revision":"3"}',
    );
    expect(sh(e, 'kubectl rollout history deploy/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         update to 1.26\n3         <none>\n\n',
    );
    expect(sh(e, 'kubectl rollout undo deployment/web --to-revision=3').stdout).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 3)\n',
    );
    expect(sh(e, 'kubectl rollout undo deployment/web --to-revision=2').stdout).toBe(
      'deployment.apps/web rolled back\n',
    );
  });

  it('prints the template it would restore on a client dry run', () => {
    const e = withRevisions();
    const r = sh(e, 'kubectl rollout undo deploy/web --dry-run=client');
    expect(r.stdout).toMatch(/^deployment\.apps\/web Pod Template:\n {2}Labels:\tapp=web\n/);
    expect(r.stdout).toContain('    Image:\tnginx:1.25\n');
    expect(r.stdout.endsWith('  Tolerations:\t<none>\n (dry run)\n')).toBe(true);
    expect(sh(e, 'kubectl rollout undo deploy/web --dry-run=server').stdout).toBe(
      'deployment.apps/web rolled back (server dry run)\n',
    );
    expect(
      sh(e, 'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}').stdout,
    ).toBe('nginx:1.26');
  });

  it('refuses a paused deployment and a deployment with one revision', () => {
    const e = withRevisions();
    sh(e, 'kubectl rollout pause deploy/web');
    expect(sh(e, 'kubectl rollout undo deploy/web').stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n",
    );
    sh(e, 'kubectl create deployment solo --image=nginx');
    e.runUntilIdle();
    expect(sh(e, 'kubectl rollout undo deploy/solo').stderr).toBe(
      'error: no rollout history found for deployment "solo"\n',
    );
  });

  it.each([
    [
      'kubectl rollout undo deploy/web --to-revision=9',
      'error: unable to find specified revision 9 in history\n',
    ],
    [
      'kubectl rollout undo deploy/web --to-revision=-1',
      'error: unable to find specified revision -1 in history\n',
    ],
    ['kubectl rollout undo', 'error: required resource not specified\n'],
    ['kubectl rollout undo pod/p', 'error: no rollbacker has been implemented for "Pod"\n'],
  ])('%s', failsWith);
});
