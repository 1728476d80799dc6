import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { LAST_APPLIED_ANNOTATION } from '../apply/lastApplied';
import { emptyCluster, sh } from '../testing';

const deploy = (
  image: string,
  env = '        - {name: A, value: "1"}\n        - {name: B, value: "2"}\n',
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
        env:
${env}`;

function live(e: ReturnType<typeof emptyCluster>, resource: string, name: string): KubeObject {
  return e.request('test', { verb: 'get', resource, namespace: 'default', name })
    .body as KubeObject;
}

describe('kubectl apply', () => {
  it('creates, then configures, then reports unchanged', () => {
    const e = emptyCluster();
    const files = { 'v1.yaml': deploy('nginx:1.27'), 'v2.yaml': deploy('nginx:1.28') };
    expect(sh(e, 'kubectl apply -f v1.yaml', files)).toMatchObject({
      stdout: 'deployment.apps/web created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(sh(e, 'kubectl apply -f v1.yaml', files).stdout).toBe('deployment.apps/web unchanged\n');
    expect(sh(e, 'kubectl apply -f v2.yaml', files).stdout).toBe(
      'deployment.apps/web configured\n',
    );
    const d = live(e, 'deployments', 'web') as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(d.spec.template.spec.containers[0]?.image).toBe('nginx:1.28');
    expect(sh(e, 'kubectl apply -f v2.yaml', files).stdout).toBe('deployment.apps/web unchanged\n');
  });

  it('stores the last-applied configuration exactly as kubectl encodes it', () => {
    const e = emptyCluster();
    sh(e, 'kubectl apply -f ns.yaml', {
      'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n',
    });
    const ns = e.request('test', { verb: 'get', resource: 'namespaces', name: 'team' })
      .body as KubeObject;
    expect(ns.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]).toBe(
      '{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"name":"team"}}\n',
    );
  });

  it('removes what was deleted from the file, keeps what the server added', () => {
    const e = emptyCluster();
    const files = {
      'a.yaml': deploy('nginx'),
      'b.yaml': deploy('nginx', '        - {name: A, value: "1"}\n'),
    };
    sh(e, 'kubectl apply -f a.yaml', files);
    sh(e, 'kubectl apply -f b.yaml', files);
    const d = live(e, 'deployments', 'web') as {
      spec: { strategy: unknown; template: { spec: { containers: { env: unknown }[] } } };
    };
    expect(d.spec.template.spec.containers[0]?.env).toEqual([{ name: 'A', value: '1' }]);
    expect(d.spec.strategy).toBeDefined();
  });

  it('warns when the live object was not created by apply, then patches it', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create -f d.yaml', { 'd.yaml': deploy('nginx') });
    const r = sh(e, 'kubectl apply -f d.yaml', { 'd.yaml': deploy('nginx') });
    expect(r.stderr).toBe(
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(r.stdout).toBe('deployment.apps/web configured\n');
  });

  it('reads stdin for -f - and names it STDIN in errors', () => {
    const e = emptyCluster();
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
    expect(sh(e, 'kubectl apply -f -', {}, pod).stdout).toBe('pod/web created\n');
    const bad = pod.replace('image: nginx', 'imagee: nginx');
    expect(sh(e, 'kubectl create -f -', {}, bad.replace('web\nspec', 'db\nspec')).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"\n',
    );
  });

  it('applies every document of a stream and reports each error after', () => {
    const e = emptyCluster();
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n`;
    const r = sh(e, 'kubectl apply -f all.yaml', { 'all.yaml': text });
    expect(r.stdout).toBe('namespace/a created\nnamespace/b created\n');
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "all.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it.each([
    ['kubectl apply', 'error: must specify one of -f and -k\n'],
    ['kubectl apply -f nope.yaml', 'error: the path "nope.yaml" does not exist\n'],
    ['kubectl apply -f empty.yaml', 'error: no objects passed to apply\n'],
    ['kubectl apply -f gen.yaml', 'error: from web-: cannot use generate name with apply\n'],
    [
      'kubectl apply -f bad.yaml',
      'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 3, column 11: mapping values are not allowed in this context\n',
    ],
  ])('%s', (line, stderr) => {
    const files = {
      'empty.yaml': '# nothing\n',
      'gen.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\n',
      'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: name: web\n',
    };
    expect(sh(emptyCluster(), line, files).stderr).toBe(stderr);
  });

  it('supports a client dry run without touching the cluster', () => {
    const e = emptyCluster();
    const files = { 'd.yaml': deploy('nginx') };
    expect(sh(e, 'kubectl apply -f d.yaml --dry-run=client', files).stdout).toBe(
      'deployment.apps/web created (dry run)\n',
    );
    expect(sh(e, 'kubectl get deploy').stderr).toBe('No resources found in default namespace.\n');
  });

  it('prints an Invalid answer with its causes', () => {
    const e = emptyCluster();
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n';
    expect(sh(e, 'kubectl apply -f p.yaml', { 'p.yaml': text }).stderr).toMatch(
      /^The Pod "web" is invalid: /,
    );
  });
});
