import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { emptyCluster, sh } from '../testing';

describe('kubectl create', () => {
  it('creates from a file, and reports AlreadyExists with the file name', () => {
    const e = emptyCluster();
    const files = {
      'pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
    };
    expect(sh(e, 'kubectl create -f pod.yaml', files).stdout).toBe('pod/web created\n');
    const r = sh(e, 'kubectl create -f pod.yaml', files);
    expect(r.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('builds the Deployment kubectl builds', () => {
    const e = emptyCluster();
    expect(sh(e, 'kubectl create deployment web --image=nginx --replicas=3 --port=80').stdout).toBe(
      'deployment.apps/web created\n',
    );
    const d = e.request('t', {
      verb: 'get',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
    }).body as KubeObject;
    const spec = d.spec as Record<string, unknown>;
    expect(d.metadata?.labels).toEqual({ app: 'web' });
    expect(spec.replicas).toBe(3);
    expect(spec.selector).toEqual({ matchLabels: { app: 'web' } });
    const template = spec.template as {
      metadata: unknown;
      spec: { containers: Record<string, unknown>[] };
    };
    expect(template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'web' } });
    expect(template.spec.containers[0]).toMatchObject({
      name: 'nginx',
      image: 'nginx',
      ports: [{ containerPort: 80 }],
    });
  });

  it('prints the dry-run object with Go zero values', () => {
    expect(
      sh(
        emptyCluster(),
        'kubectl create deploy web --image=registry.k8s.io/pause:3.9 --dry-run=client -o yaml',
      ).stdout,
    ).toBe(
      `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: registry.k8s.io/pause:3.9
        name: pause
        resources: {}
status: {}
`,
    );
  });

  it('creates a namespace', () => {
    const e = emptyCluster();
    expect(sh(e, 'kubectl create namespace team').stdout).toBe('namespace/team created\n');
    expect(sh(e, 'kubectl create ns team').stderr).toBe(
      'Error from server (AlreadyExists): namespaces "team" already exists\n',
    );
  });

  it.each([
    ['kubectl create deployment web', 'error: required flag(s) "image" not set\n'],
    [
      'kubectl create deployment --image=nginx',
      "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
    ],
    [
      'kubectl create deployment a b --image=nginx',
      "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n",
    ],
    [
      'kubectl create deployment web --image=nginx --replicas=x',
      'error: invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl create deployment --help\' for usage.\n',
    ],
    ['kubectl create -f missing.yaml', 'error: the path "missing.yaml" does not exist\n'],
  ])('%s', (line, stderr) => {
    expect(sh(emptyCluster(), line).stderr).toBe(stderr);
  });

  it('wraps create deployment API errors as kubectl does', () => {
    const e = emptyCluster();
    sh(e, 'kubectl create deployment web --image=nginx');
    expect(sh(e, 'kubectl create deployment web --image=nginx').stderr).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
  });

  it('asks for -f or a subcommand', () => {
    const r = sh(emptyCluster(), 'kubectl create foo');
    expect(r.stderr).toBe(
      'Error: must specify one of -f and -k\n\nerror: unknown command "foo"\nSee \'kubectl create -h\' for help and examples\n',
    );
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl run', () => {
  it('creates the pod kubectl run builds', () => {
    const e = emptyCluster();
    const r = sh(
      e,
      'kubectl run web --image=nginx --restart=Never --labels=tier=fe --env=A=1 --port=8080 --command -- sh -c "sleep 5"',
    );
    expect(r.stdout).toBe('pod/web created\n');
    const p = e.request('t', { verb: 'get', resource: 'pods', namespace: 'default', name: 'web' })
      .body as KubeObject;
    const spec = p.spec as {
      restartPolicy: string;
      dnsPolicy: string;
      containers: Record<string, unknown>[];
    };
    expect(p.metadata?.labels).toEqual({ tier: 'fe' });
    expect(spec.restartPolicy).toBe('Never');
    expect(spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.containers[0]).toMatchObject({
      name: 'web',
      image: 'nginx',
      command: ['sh', '-c', 'sleep 5'],
      env: [{ name: 'A', value: '1' }],
      ports: [{ containerPort: 8080 }],
    });
  });

  it('prints the dry-run pod', () => {
    expect(
      sh(emptyCluster(), 'kubectl run web --image=nginx --dry-run=client -o yaml').stdout,
    ).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: web\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
  });

  it.each([
    ['kubectl run web', 'error: required flag(s) "image" not set\n'],
    ['kubectl run --image=nginx', 'error: NAME is required for run\n'],
    [
      'kubectl run web --image=Nginx',
      'error: Invalid image name "Nginx": invalid reference format\n',
    ],
    [
      'kubectl run web --image=nginx --restart=Sometimes',
      "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n",
    ],
    ['kubectl run web --image=nginx --env=1A=b', 'error: invalid env: 1A=b\n'],
    [
      'kubectl run web --image=nginx -t',
      'error: -i/--stdin is required for containers with -t/--tty=true\n',
    ],
  ])('%s', (line, stderr) => {
    expect(sh(emptyCluster(), line).stderr).toBe(stderr);
  });
});
