import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { emptyCluster, sh } from '../testing';

const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata: {name: duo}
spec:
  initContainers: [{name: init, image: busybox}]
  containers: [{name: app, image: nginx}, {name: sidecar, image: envoy}]
`;

function images(e: Engine, what: string, path = '.spec.template.spec.containers[*].image'): string {
  return sh(e, `kubectl get ${what} -o jsonpath={${path}}`).stdout;
}

describe('kubectl set image', () => {
  it('updates a deployment by container name and prints nothing when nothing changes', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx:1.25');
    expect(sh(e, 'kubectl set image deployment/web nginx=nginx:1.26').stdout).toBe(
      'deployment.apps/web image updated\n',
    );
    expect(images(e, 'deploy web')).toBe('nginx:1.26');
    const again = sh(e, 'kubectl set image deployment web nginx=nginx:1.26');
    expect([again.stdout, again.stderr, again.exitCode]).toEqual(['', '', 0]);
    const sent = e.trace.all().filter((m) => m.from === 'kubectl' && m.verb === 'PATCH');
    expect(sent).toHaveLength(1);
  });

  it('sets every container, init containers included, with *', () => {
    const e = emptyCluster();
    sh(e, 'kubectl apply -f duo.yaml', { 'duo.yaml': TWO_CONTAINERS });
    expect(sh(e, 'kubectl set image pod/duo *=alpine').stdout).toBe('pod/duo image updated\n');
    expect(images(e, 'pod duo', '.spec.containers[*].image')).toBe('alpine alpine');
    expect(images(e, 'pod duo', '.spec.initContainers[*].image')).toBe('alpine');
  });

  it('selects with -l and --all, and reports containers it cannot find', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment a --image=nginx');
    sh(e, 'kubectl create deployment b --image=nginx');
    expect(sh(e, 'kubectl set image deploy -l app=a nginx=nginx:2').stdout).toBe(
      'deployment.apps/a image updated\n',
    );
    const r = sh(e, 'kubectl set image deploy --all nginx=nginx:3 php=php:8');
    expect(r.stdout).toBe('deployment.apps/a image updated\ndeployment.apps/b image updated\n');
    expect(r.stderr).toBe(
      'error: unable to find container named "php"\nerror: unable to find container named "php"\n',
    );
    expect(r.exitCode).toBe(1);
    expect(images(e, 'deploy b')).toBe('nginx:3');
  });

  it('prints the changed object on a client dry run without sending it', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    expect(
      sh(
        e,
        'kubectl set image deploy/web nginx=redis --dry-run=client -o jsonpath={.spec.template.spec.containers[0].image}',
      ).stdout,
    ).toBe('redis');
    expect(sh(e, 'kubectl set image deploy/web nginx=redis --dry-run=server').stdout).toBe(
      'deployment.apps/web image updated (server dry run)\n',
    );
    expect(images(e, 'deploy web')).toBe('nginx');
  });

  it.each([
    [
      'kubectl set image',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    ['kubectl set image deploy/web', 'error: at least one image update is required\n'],
    ['kubectl set image deploy/web nginx-', 'error: invalid image format: nginx-\n'],
    [
      'kubectl set image deploy/web a=b *=c',
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    ],
    [
      'kubectl set image deploy nginx=x --all -l app=web',
      'error: cannot set --all and --selector at the same time\n',
    ],
    [
      'kubectl set image deploy/web nginx=x --local',
      "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
    ],
    [
      'kubectl set image deploy/nope nginx=x',
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    ],
    [
      'kubectl set image namespace/default nginx=x',
      'error: namespaces/default the object is not a pod or does not have a pod template: *v1.Namespace\n',
    ],
    [
      'kubectl set image deploy/web nginx=',
      'error: failed to patch image update to pod template: Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value\n',
    ],
    [
      'kubectl set env deploy/web A=1',
      'error: "kubectl set env" is not supported by Wheelhouse yet\n',
    ],
    [
      'kubectl set foo',
      'error: unknown command "foo"\nSee \'kubectl set -h\' for help and examples\n',
    ],
  ])('%s', (line, stderr) => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    const r = sh(e, line);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
  });

  it('lists its subcommands when given none', () => {
    const r = sh(emptyCluster(), 'kubectl set');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'Available Commands:\n  env              Update environment variables on a pod template\n  image            Update the image of a pod template\n',
    );
  });
});
