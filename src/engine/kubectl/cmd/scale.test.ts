import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { emptyCluster, setStatusLater, sh } from '../testing';

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: cache
  labels: {app: cache}
spec:
  replicas: 1
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      containers: [{name: redis, image: redis}]
`;

function replicas(e: Engine, what: string): string {
  return sh(e, `kubectl get ${what} -o jsonpath={.spec.replicas}`).stdout;
}

function withWorkloads(): Engine {
  const e = emptyCluster();
  sh(e, 'kubectl create deployment web --image=nginx');
  sh(e, 'kubectl create deployment api --image=nginx');
  sh(e, 'kubectl apply -f rs.yaml', { 'rs.yaml': RS });
  return e;
}

describe('kubectl scale', () => {
  it('sets spec.replicas through the scale subresource, in every argument form', () => {
    const e = withWorkloads();
    expect(sh(e, 'kubectl scale deployment web --replicas=3').stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    expect(replicas(e, 'deploy web')).toBe('3');
    const sent = e.trace.all().filter((m) => m.from === 'kubectl' && m.verb === 'PATCH');
    expect(sent.map((m) => m.resource)).toEqual(['deployments/scale']);
    expect(sh(e, 'kubectl scale --replicas=0 deploy/web rs/cache').stdout).toBe(
      'deployment.apps/web scaled\nreplicaset.apps/cache scaled\n',
    );
    expect(replicas(e, 'rs cache')).toBe('0');
    expect(sh(e, 'kubectl scale deploy -l app=api --replicas=2 -o name').stdout).toBe(
      'deployment.apps/api\n',
    );
    expect(sh(e, 'kubectl scale deploy --all --replicas=4').stdout).toBe(
      'deployment.apps/api scaled\ndeployment.apps/web scaled\n',
    );
    expect(replicas(e, 'deploy api')).toBe('4');
    // A spec change: the Deployment's generation moves on.
    expect(sh(e, 'kubectl get deploy web -o jsonpath={.metadata.generation}').stdout).toBe('4');
  });

  it('checks --current-replicas and --resource-version before scaling', () => {
    const e = withWorkloads();
    expect(sh(e, 'kubectl scale deploy/web --current-replicas=2 --replicas=3').stderr).toBe(
      'error: Expected replicas to be 2, was 1\n',
    );
    expect(sh(e, 'kubectl scale deploy/web --current-replicas=1 --replicas=3').stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    const rv = sh(e, 'kubectl get deploy web -o jsonpath={.metadata.resourceVersion}').stdout;
    expect(sh(e, 'kubectl scale deploy/web --resource-version=1 --replicas=1').stderr).toBe(
      `error: Expected resource version to be 1, was ${rv}\n`,
    );
    expect(sh(e, `kubectl scale deploy/web --resource-version=${rv} --replicas=1`).stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    expect(replicas(e, 'deploy web')).toBe('1');
  });

  it('changes nothing on a dry run, and prints the object as it was read', () => {
    const e = withWorkloads();
    expect(sh(e, 'kubectl scale deploy/web --replicas=5 --dry-run=client').stdout).toBe(
      'deployment.apps/web scaled (dry run)\n',
    );
    expect(sh(e, 'kubectl scale deploy/web --replicas=5 --dry-run=server').stdout).toBe(
      'deployment.apps/web scaled (server dry run)\n',
    );
    expect(replicas(e, 'deploy web')).toBe('1');
    expect(sh(e, 'kubectl scale deploy/web --replicas=5 -o jsonpath={.spec.replicas}').stdout).toBe(
      '1',
    );
    expect(replicas(e, 'deploy web')).toBe('5');
  });

  it("accepts the deprecated --record with pflag's notice", () => {
    const r = sh(withWorkloads(), 'kubectl scale deploy/web --replicas=2 --record');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([
      'deployment.apps/web scaled\n',
      'Flag --record has been deprecated, --record will be removed in the future\n',
      0,
    ]);
  });

  it('waits with --timeout until the status shows the new size', () => {
    const e = withWorkloads();
    setStatusLater(e, 2_500, 'deployments', 'web', { replicas: 2 });
    const r = sh(e, 'kubectl scale deploy/web --replicas=2 --timeout=10s');
    expect(r.stdout).toBe('deployment.apps/web scaled\n');
    expect(e.loop.now()).toBeGreaterThanOrEqual(3_000);
    expect(sh(e, 'kubectl scale deploy/api --replicas=2 --timeout=3s').stderr).toBe(
      'error: timed out waiting for "api" to be synced\n',
    );
  });

  it.each([
    ['kubectl scale deploy web', 'error: required flag(s) "replicas" not set\n'],
    [
      'kubectl scale deploy web --replicas=-1',
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    ],
    [
      'kubectl scale deploy web --replicas=1 --current-replicas=-2',
      'error: The --current-replicas must specify an integer of -1 or greater\n',
    ],
    // v1.31 drops what it could not read, then finds nothing left.
    ['kubectl scale deploy nope --replicas=1', 'error: no objects passed to scale\n'],
    [
      'kubectl scale deploy --replicas=1',
      'error: resource(s) were provided, but no name was specified\n',
    ],
    [
      'kubectl scale deploy --all --resource-version=1 --replicas=1',
      'error: cannot use --resource-version with multiple resources\n',
    ],
    [
      'kubectl scale pod/p --replicas=2',
      'Error from server (NotFound): the server could not find the requested resource\n',
    ],
    ['kubectl scale node/n --replicas=2', 'error: no objects passed to scale\n'],
  ])('%s', (line, stderr) => {
    const e = withWorkloads();
    sh(e, 'kubectl run p --image=nginx');
    const r = sh(e, line);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
  });
});
