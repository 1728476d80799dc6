import { describe, expect, it } from 'vitest';
import { emptyCluster, sh } from '../testing';

// kubectl get's behaviour that does not depend on table layout (the printers own the columns).

describe('kubectl get', () => {
  it('reports an empty namespace on stderr and exits 0', () => {
    const e = emptyCluster();
    expect(sh(e, 'kubectl get pods')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(sh(e, 'kubectl get pods -n kube-system').stderr).toBe(
      'No resources found in kube-system namespace.\n',
    );
    expect(sh(e, 'kubectl get pods -A').stderr).toBe('No resources found\n');
  });

  it('answers NotFound for a named object, after printing the ones it found', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    const r = sh(e, 'kubectl get pods web nope -o name');
    expect(r.stdout).toBe('pod/web\n');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('resolves short names, kinds, TYPE/NAME and type lists', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    sh(e, 'kubectl create deployment api --image=nginx');
    for (const line of ['get po web', 'get Pod web', 'get pod/web', 'get pods.v1 web']) {
      expect(sh(e, `kubectl ${line} -o name`).stdout).toBe('pod/web\n');
    }
    expect(sh(e, 'kubectl get deploy,po -o name').stdout).toBe('deployment.apps/api\npod/web\n');
    expect(sh(e, 'kubectl get deployments.apps/api pod/web -o name').stdout).toBe(
      'deployment.apps/api\npod/web\n',
    );
  });

  it('prints kind prefixes and a blank line between types when several print', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    sh(e, 'kubectl create deployment api --image=nginx');
    const out = sh(e, 'kubectl get all').stdout;
    expect(out).toMatch(
      /^NAME +READY.*\npod\/web +.*\n\nNAME +READY +UP-TO-DATE.*\ndeployment\.apps\/api +/,
    );
  });

  it('filters with -l and --field-selector', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run a --image=nginx --labels=tier=fe');
    sh(e, 'kubectl run b --image=nginx --labels=tier=be');
    expect(sh(e, 'kubectl get pods -l tier=fe -o name').stdout).toBe('pod/a\n');
    expect(sh(e, 'kubectl get pods --field-selector metadata.name=b -o name').stdout).toBe(
      'pod/b\n',
    );
    expect(sh(e, 'kubectl get pods -l tier=db').stderr).toBe(
      'No resources found in default namespace.\n',
    );
  });

  it('prints one object as itself and several as a List', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run a --image=nginx');
    sh(e, 'kubectl run b --image=nginx');
    expect(sh(e, 'kubectl get pod a -o yaml').stdout).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect(sh(e, 'kubectl get pods -o yaml').stdout).toMatch(/^apiVersion: v1\nitems:\n/);
    expect(sh(e, 'kubectl get pods -o jsonpath={.items[*].metadata.name}').stdout).toBe('a b');
    expect(sh(e, "kubectl get pod a -o jsonpath='{.spec.containers[0].image}'").stdout).toBe(
      'nginx',
    );
  });

  it('sorts with --sort-by', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run b --image=nginx');
    sh(e, 'kubectl run a --image=busybox');
    expect(sh(e, 'kubectl get pods --sort-by=.spec.containers[0].image -o name').stdout).toBe(
      'pod/a\npod/b\n',
    );
  });

  it.each([
    ['kubectl get foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl get foo.bar', 'error: the server doesn\'t have a resource type "foo"\n'],
    [
      'kubectl get pods web -A',
      'error: a resource cannot be retrieved by name across all namespaces\n',
    ],
    [
      'kubectl get pods web -l app=x',
      'error: name cannot be provided when a selector is specified\n',
    ],
    [
      'kubectl get pod pod/web',
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    ],
    [
      'kubectl get pods -o foo',
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    ],
    [
      'kubectl get pods -o yaml --show-labels',
      'error: --show-labels option cannot be used with yaml printer\n',
    ],
    [
      'kubectl get pods -l "a b"',
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a b", field selector "": unable to parse requirement: found \'a b\', expected: identifier\n',
    ],
  ])('%s', (line, stderr) => {
    const r = sh(emptyCluster(), line);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
  });

  it('explains a missing type with the api-resources hint and a usage error', () => {
    expect(sh(emptyCluster(), 'kubectl get').stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
  });

  it('gets objects named in a file', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    const file = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
    expect(sh(e, 'kubectl get -f pod.yaml -o name', { 'pod.yaml': file }).stdout).toBe('pod/web\n');
  });
});
