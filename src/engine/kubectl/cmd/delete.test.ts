import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { emptyCluster, sh } from '../testing';

function podWithFinalizer(e: Engine, name: string): void {
  e.request('t', {
    verb: 'create',
    resource: 'pods',
    namespace: 'default',
    body: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, finalizers: ['example.com/hold'] },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    },
  });
}

describe('kubectl delete', () => {
  it('deletes and waits until the object is gone', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    expect(sh(e, 'kubectl delete pod web')).toMatchObject({
      stdout: 'pod "web" deleted\n',
      exitCode: 0,
    });
    expect(sh(e, 'kubectl delete pod web').stderr).toBe(
      'Error from server (NotFound): pods "web" not found\n',
    );
    expect(sh(e, 'kubectl delete pod web --ignore-not-found')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });

  it('waits for finalizers in virtual time, and times out with the object named', () => {
    const e = emptyCluster();
    podWithFinalizer(e, 'held');
    const r = sh(e, 'kubectl delete pod held --timeout=20s');
    expect(r.stdout).toBe('pod "held" deleted\n');
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/held\n');
    expect(e.loop.now()).toBeGreaterThanOrEqual(20_000);
  });

  it('returns once a controller removes the last finalizer', () => {
    const e = emptyCluster();
    podWithFinalizer(e, 'held');
    e.loop.schedule(5_000, () =>
      e.client('gc').request(
        {
          verb: 'patch',
          resource: 'pods',
          namespace: 'default',
          name: 'held',
          patchType: 'merge',
          body: { metadata: { finalizers: null } },
        },
        () => {},
      ),
    );
    const r = sh(e, 'kubectl delete pod held');
    expect(r).toMatchObject({ stdout: 'pod "held" deleted\n', stderr: '', exitCode: 0 });
    expect(e.loop.now()).toBeGreaterThanOrEqual(5_000);
    expect(e.loop.now()).toBeLessThan(6_000);
  });

  it('does not wait with --wait=false', () => {
    const e = emptyCluster();
    podWithFinalizer(e, 'held');
    expect(sh(e, 'kubectl delete pod held --wait=false')).toMatchObject({
      stdout: 'pod "held" deleted\n',
      exitCode: 0,
    });
  });

  it('force deletes with the warning', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    const r = sh(e, 'kubectl delete pod web --grace-period=0 --force');
    expect(r.stderr).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
    expect(r.stdout).toBe('pod "web" force deleted\n');
  });

  it('deletes by selector and --all, and says when nothing matched', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run a --image=nginx --labels=tier=fe');
    sh(e, 'kubectl run b --image=nginx --labels=tier=be');
    expect(sh(e, 'kubectl delete pods -l tier=fe').stdout).toBe('pod "a" deleted\n');
    expect(sh(e, 'kubectl delete pods -l tier=fe').stdout).toBe('No resources found\n');
    expect(sh(e, 'kubectl delete pods --all').stdout).toBe('pod "b" deleted\n');
  });

  it('deletes what a file names, with -o name', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    const file = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    expect(sh(e, 'kubectl delete -f d.yaml -o name', { 'd.yaml': file }).stdout).toBe(
      'deployment.apps/web\n',
    );
    expect(sh(e, 'kubectl delete -f d.yaml', { 'd.yaml': file }).stderr).toBe(
      'Error from server (NotFound): error when deleting "d.yaml": deployments.apps "web" not found\n',
    );
  });

  it('sends the cascade policy, keeping a foreground owner until its finalizer goes', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    const r = sh(e, 'kubectl delete deploy web --cascade=foreground --wait=false');
    expect(r.stdout).toBe('deployment.apps "web" deleted\n');
    const d = e.request('t', {
      verb: 'get',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
    });
    expect((d.body as { metadata: { finalizers: string[] } }).metadata.finalizers).toContain(
      'foregroundDeletion',
    );
  });

  it.each([
    [
      'kubectl delete',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    ['kubectl delete pods', 'error: resource(s) were provided, but no name was specified\n'],
    [
      'kubectl delete pod x --cascade=maybe',
      'error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan"\n',
    ],
    [
      'kubectl delete pod x --force --grace-period=5',
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    ],
    [
      'kubectl delete pod x --now --grace-period=5',
      'error: --now and --grace-period cannot be specified together\n',
    ],
    [
      'kubectl delete pod x -o yaml',
      "error: unexpected -o output mode: yaml. We only support '-o name'\n",
    ],
  ])('%s', (line, stderr) => {
    expect(sh(emptyCluster(), line).stderr).toBe(stderr);
  });
});
