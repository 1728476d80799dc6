import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import type { Engine } from '../../engine';
import { createSimulation } from '../../simulation';
import { sh } from '../testing';

// kubectl drain against a running three-node simulation.

function podYaml(name: string, lines: string[] = [], image = 'nginx:1.25'): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    ...lines,
    'spec:',
    '  nodeName: node-1',
    '  containers:',
    '  - name: app',
    `    image: ${image}`,
  ].join('\n');
}

function cluster(...pods: string[]): Engine {
  const e = createSimulation();
  for (const [i, yaml] of pods.entries())
    sh(e, `kubectl apply -f p${i}.yaml`, { [`p${i}.yaml`]: yaml });
  e.runFor(5000);
  return e;
}

function podsOn(e: Engine, node: string): string[] {
  const list = e.request('t', {
    verb: 'list',
    resource: 'pods',
    fieldSelector: `spec.nodeName=${node}`,
  }).body as { items: Pod[] };
  return list.items.map((p) => p.metadata?.name ?? '');
}

function unschedulable(e: Engine, node: string): boolean {
  const n = e.request('t', { verb: 'get', resource: 'nodes', name: node }).body as {
    spec?: { unschedulable?: boolean };
  };
  return n.spec?.unschedulable === true;
}

const DS_OWNER = [
  '  ownerReferences:',
  '  - apiVersion: apps/v1',
  '    kind: DaemonSet',
  '    name: agent',
  '    uid: 0b5a3c1e-1111-2222-3333-444455556666',
  '    controller: true',
];

describe('kubectl drain', () => {
  it('cordons, then refuses a pod without a controller, naming it', () => {
    const e = cluster(podYaml('mypod'));
    const ran = sh(e, 'kubectl drain node-1');
    expect(ran.stdout).toBe('node/node-1 cordoned\n');
    expect(ran.stderr).toBe(
      'error: unable to drain node "node-1" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/mypod, continuing command...\n' +
        'There are pending nodes to be drained:\n node-1\n' +
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/mypod\n',
    );
    expect(ran.exitCode).toBe(1);
    expect(unschedulable(e, 'node-1')).toBe(true);
    expect(podsOn(e, 'node-1')).toEqual(['mypod']);
  });

  it('with --force warns, evicts, waits for the pod to go, and reports the node drained', () => {
    const e = cluster(podYaml('mypod'));
    const ran = sh(e, 'kubectl drain node-1 --force');
    expect(ran.stderr).toBe('Warning: deleting Pods that declare no controller: default/mypod\n');
    expect(ran.stdout).toBe(
      'node/node-1 cordoned\nevicting pod default/mypod\npod/mypod evicted\nnode/node-1 drained\n',
    );
    expect(podsOn(e, 'node-1')).toEqual([]);
  });

  it('evicts ReplicaSet pods, which come back on the other nodes', () => {
    const e = cluster();
    sh(e, 'kubectl create deployment web --image=nginx:1.25 --replicas=6');
    e.runFor(10_000);
    const before = podsOn(e, 'node-1');
    expect(before.length).toBeGreaterThan(0);
    const ran = sh(e, 'kubectl drain node-1');
    for (const name of before) {
      expect(ran.stdout).toContain(`evicting pod default/${name}\n`);
      expect(ran.stdout).toContain(`pod/${name} evicted\n`);
    }
    e.runFor(10_000);
    expect(podsOn(e, 'node-1')).toEqual([]);
    expect(podsOn(e, 'node-2').length + podsOn(e, 'node-3').length).toBe(6);
  });

  it('changes nothing on a client or server dry run', () => {
    const e = cluster(podYaml('mypod'));
    expect(sh(e, 'kubectl drain node-1 --force --dry-run=client').stdout).toBe(
      'node/node-1 cordoned (dry run)\nevicting pod default/mypod (dry run)\nnode/node-1 drained (dry run)\n',
    );
    expect(sh(e, 'kubectl drain node-1 --force --dry-run=server').stdout).toBe(
      'node/node-1 cordoned (server dry run)\nevicting pod default/mypod (server dry run)\nnode/node-1 drained (server dry run)\n',
    );
    expect(unschedulable(e, 'node-1')).toBe(false);
    expect(podsOn(e, 'node-1')).toEqual(['mypod']);
  });

  it('gives up at --timeout on a pod that outlives it, listing what is left', () => {
    const e = cluster(podYaml('slow', [], 'wheelhouse/stubborn'));
    const ran = sh(e, 'kubectl drain node-1 --force --timeout=3s');
    const failure =
      'error when waiting for pod "slow" in namespace "default" to terminate: global timeout reached: 3s';
    expect(ran.stderr).toBe(
      'Warning: deleting Pods that declare no controller: default/slow\n' +
        `There are pending pods in node "node-1" when an error occurred: ${failure}\npod/slow\n` +
        `error: unable to drain node "node-1" due to error: ${failure}, continuing command...\n` +
        `There are pending nodes to be drained:\n node-1\n${failure}\n`,
    );
  });

  it('retries every 5s while the namespace is terminating and the pod is not yet deleted', () => {
    const e = cluster();
    sh(e, 'kubectl create namespace team');
    sh(e, 'kubectl apply -f p.yaml', { 'p.yaml': podYaml('p', ['  namespace: team']) });
    e.runFor(5000);
    // With the namespace controller cut off, nothing deletes the pod for the namespace.
    e.setReachable('namespace-controller', false);
    sh(e, 'kubectl delete namespace team --wait=false');
    const ran = sh(e, 'kubectl drain node-1 --force --timeout=12s');
    const refused =
      'error when evicting pod "p" from terminating namespace "team" (will retry after 5s): pods "p" is forbidden: unable to create new content in namespace team because it is being terminated\n';
    expect(ran.stdout).toBe(`node/node-1 cordoned\n${'evicting pod team/p\n'.repeat(4)}`);
    expect(ran.stderr.split(refused)).toHaveLength(4);
    expect(ran.stderr).toContain(
      'error: unable to drain node "node-1" due to error: error when evicting pods/"p" -n "team": global timeout reached: 12s, continuing command...\n',
    );
  });

  it('deletes instead of evicting with --disable-eviction, honouring --grace-period', () => {
    const e = cluster(podYaml('slow', [], 'wheelhouse/stubborn'));
    const start = e.loop.now();
    const ran = sh(e, 'kubectl drain node-1 --force --disable-eviction --grace-period=2');
    expect(ran.stdout).toBe('node/node-1 cordoned\npod/slow deleted\nnode/node-1 drained\n');
    expect(e.loop.now() - start).toBeLessThan(5000);
  });

  it('refuses a DaemonSet pod; --force removes it when its DaemonSet is gone', () => {
    const e = cluster(podYaml('agent-x', DS_OWNER));
    expect(sh(e, 'kubectl drain node-1 --ignore-daemonsets').stderr).toContain(
      'cannot delete daemonsets "agent" not found: default/agent-x\n',
    );
    expect(sh(e, 'kubectl drain node-1 --ignore-daemonsets --force').stdout).toContain(
      'pod/agent-x evicted\n',
    );
  });

  it('drains the nodes it can and names those it could not', () => {
    const e = cluster(podYaml('mypod'));
    const ran = sh(e, 'kubectl drain node-1 node-2');
    expect(ran.stdout).toBe('node/node-1 cordoned\nnode/node-2 cordoned\nnode/node-2 drained\n');
    expect(ran.stderr).toContain('There are pending nodes to be drained:\n node-1\n');
  });

  it('selects nodes with -l and pods with --pod-selector', () => {
    const e = cluster(podYaml('mypod', ['  labels:', '    app: keep']));
    const ran = sh(e, 'kubectl drain -l kubernetes.io/hostname=node-1 --pod-selector=app=other');
    expect(ran.stdout).toBe('node/node-1 cordoned\nnode/node-1 drained\n');
    expect(podsOn(e, 'node-1')).toEqual(['mypod']);
  });

  it.each([
    [
      'kubectl drain',
      "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n",
    ],
    [
      'kubectl drain node-1 -l a=b',
      "error: cannot specify both a node name and a --selector option\nSee 'kubectl drain -h' for help and examples\n",
    ],
    [
      "kubectl drain node-1 --pod-selector='a=(b'",
      'error: --pod-selector=<pod_selector> must be a valid label selector\n',
    ],
    ['kubectl drain node-1 nope', 'Error from server (NotFound): nodes "nope" not found\n'],
  ])('%s', (line, stderr) => {
    const e = cluster();
    expect(sh(e, line).stderr).toBe(stderr);
    expect(unschedulable(e, 'node-1')).toBe(false);
  });
});
