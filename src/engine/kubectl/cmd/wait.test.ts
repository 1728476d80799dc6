import { describe, expect, it } from 'vitest';
import { emptyCluster, setStatusLater, sh } from '../testing';

describe('kubectl wait', () => {
  it('waits for a condition in virtual time', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    setStatusLater(e, 4_000, 'pods', 'web', { conditions: [{ type: 'Ready', status: 'True' }] });
    const r = sh(e, 'kubectl wait --for=condition=Ready pod/web');
    expect(r).toMatchObject({ stdout: 'pod/web condition met\n', stderr: '', exitCode: 0 });
    expect(e.loop.now()).toBeGreaterThanOrEqual(4_000);
  });

  it('waits for a jsonpath value', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    setStatusLater(e, 1_000, 'pods', 'web', { phase: 'Running' });
    expect(sh(e, "kubectl wait --for=jsonpath='{.status.phase}'=Running pod web").stdout).toBe(
      'pod/web condition met\n',
    );
  });

  it('times out with kubectl words', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    const r = sh(e, 'kubectl wait --for=condition=Ready pod/web --timeout=10s');
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/web\n');
    expect(r.exitCode).toBe(1);
    expect(e.loop.now()).toBeGreaterThanOrEqual(10_000);
  });

  it('checks once with --timeout=0', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    expect(sh(e, 'kubectl wait --for=condition=Ready pod/web --timeout=0').stderr).toBe(
      'error: condition not met for pods/web\n',
    );
  });

  it('waits for deletion, and is satisfied when the object is already gone', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    e.loop.schedule(2_000, () =>
      e
        .client('other')
        .request({ verb: 'delete', resource: 'pods', namespace: 'default', name: 'web' }, () => {}),
    );
    expect(sh(e, 'kubectl wait --for=delete pod/web').stdout).toBe('pod/web condition met\n');
    expect(sh(e, 'kubectl wait --for=delete pod/web')).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it.each([
    ['kubectl wait --for=ready pod/web', 'error: unrecognized condition: "ready"\n'],
    [
      'kubectl wait --for=condition=Ready pod/nope',
      'Error from server (NotFound): pods "nope" not found\n',
    ],
    ['kubectl wait --for=condition=Ready pods -l app=none', 'error: no matching resources found\n'],
    [
      'kubectl wait --for=jsonpath={.status.phase}= pod/web',
      "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n",
    ],
  ])('%s', (line, stderr) => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    expect(sh(e, line).stderr).toBe(stderr);
  });
});
