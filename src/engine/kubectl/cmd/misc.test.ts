import { describe, expect, it } from 'vitest';
import { emptyCluster, sh } from '../testing';

describe('kubectl: commands, flags and help', () => {
  it.each([
    ['kubectl foo', 'error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n'],
    [
      'kubectl gte pods',
      'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n',
    ],
    [
      'kubectl list',
      'error: unknown command "list" for "kubectl"\n\nDid you mean this?\n\tget\n\twait\n',
    ],
    ['kubectl zzzzzz', 'error: unknown command "zzzzzz" for "kubectl"\n'],
    ['kubectl get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    [
      'kubectl get pods -x',
      "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n",
    ],
    [
      'kubectl get pods -n',
      "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
    ],
    ['kubectl logs web', 'error: "kubectl logs" is not supported by Wheelhouse yet\n'],
    [
      'kubectl get pods | grep web',
      'error: pipes, redirections and command lists (|, >, <, ;, &&) are not supported; run one kubectl command at a time\n',
    ],
    ['kubectl label pod web "a=b', 'error: unexpected EOF while looking for matching `"\'\n'],
  ])('%s', (line, stderr) => {
    const r = sh(emptyCluster(), line);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
  });

  it('accepts global flags before the command and without the kubectl prefix', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx -n kube-system');
    expect(sh(e, 'kubectl -n kube-system get pods -o name').stdout).toBe('pod/web\n');
    expect(sh(e, '--namespace=kube-system get pod web -o name').stdout).toBe('pod/web\n');
  });

  it('prints help for --help, -h and kubectl help', () => {
    const e = emptyCluster();
    expect(sh(e, 'kubectl get --help').stdout).toMatch(
      /^Display one or many resources\n\nUsage:\n {2}kubectl get /,
    );
    expect(sh(e, 'kubectl help get').stdout).toBe(sh(e, 'kubectl get -h').stdout);
    const root = sh(e, 'kubectl');
    expect(root.exitCode).toBe(0);
    expect(root.stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\.\n/);
    expect(root.stdout).toContain(
      '  create          Create a resource from a file or from stdin\n',
    );
  });

  it('prints the versions', () => {
    const e = emptyCluster();
    expect(sh(e, 'kubectl version').stdout).toBe(
      'Client Version: v1.31.4\nKustomize Version: v5.4.2\nServer Version: v1.31.4\n',
    );
    expect(sh(e, 'kubectl version --client').stdout).toBe(
      'Client Version: v1.31.4\nKustomize Version: v5.4.2\n',
    );
    expect(sh(e, 'kubectl version -o table').stderr).toBe(
      "error: --output must be 'yaml' or 'json'\n",
    );
  });

  it('lists the served resources', () => {
    const e = emptyCluster();
    const out = sh(e, 'kubectl api-resources').stdout;
    expect(out.split('\n')[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(out).toMatch(/\npods +po +v1 +true +Pod\n/);
    expect(out).toMatch(/\ndeployments +deploy +apps\/v1 +true +Deployment\n/);
    expect(sh(e, 'kubectl api-resources --namespaced=false -o name').stdout).toBe(
      'namespaces\nnodes\npriorityclasses.scheduling.k8s.io\n',
    );
  });
});

describe('kubectl describe', () => {
  it('describes by name, by prefix, and reports NotFound', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web-1 --image=nginx');
    expect(sh(e, 'kubectl describe pod web-1').stdout).toMatch(
      /^Name: +web-1\nNamespace: +default\n/,
    );
    expect(sh(e, 'kubectl describe pod web').stdout).toMatch(/^Name: +web-1\n/);
    expect(sh(e, 'kubectl describe pod db').stderr).toBe(
      'Error from server (NotFound): pods "db" not found\n',
    );
  });

  it('asks for a type', () => {
    expect(sh(emptyCluster(), 'kubectl describe').stderr).toBe(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  });

  it('reports an empty namespace', () => {
    expect(sh(emptyCluster(), 'kubectl describe pods').stderr).toBe(
      'No resources found in default namespace.\n',
    );
  });
});
