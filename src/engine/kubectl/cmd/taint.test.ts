import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { Engine } from '../../engine';
import { emptyCluster, sh } from '../testing';

function withNode(): Engine {
  const e = emptyCluster();
  e.request('t', {
    verb: 'create',
    resource: 'nodes',
    body: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } },
  });
  return e;
}

function node(e: Engine): { spec?: { taints?: unknown[]; unschedulable?: boolean } } {
  return e.request('t', { verb: 'get', resource: 'nodes', name: 'node-1' }).body as KubeObject & {
    spec?: { taints?: unknown[]; unschedulable?: boolean };
  };
}

describe('kubectl taint', () => {
  it('taints, refuses a duplicate, overwrites, untaints', () => {
    const e = withNode();
    expect(sh(e, 'kubectl taint nodes node-1 dedicated=gpu:NoSchedule').stdout).toBe(
      'node/node-1 tainted\n',
    );
    expect(node(e).spec?.taints).toContainEqual({
      key: 'dedicated',
      value: 'gpu',
      effect: 'NoSchedule',
    });
    expect(sh(e, 'kubectl taint no node-1 dedicated=cpu:NoSchedule').stderr).toBe(
      'error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect(sh(e, 'kubectl taint node node-1 dedicated=cpu:NoSchedule --overwrite').stdout).toBe(
      'node/node-1 modified\n',
    );
    expect(sh(e, 'kubectl taint node node-1 dedicated:NoSchedule-').stdout).toBe(
      'node/node-1 untainted\n',
    );
    expect(node(e).spec?.taints ?? []).not.toContainEqual(
      expect.objectContaining({ key: 'dedicated' }),
    );
  });

  it.each([
    ['kubectl taint node node-1 dedicated-', 'error: taint "dedicated:" not found\n'],
    ['kubectl taint node node-1', 'error: at least one taint update is required\n'],
    [
      'kubectl taint pod web a=b:NoSchedule',
      'error: invalid resource type pod, only node types are supported\n',
    ],
    [
      'kubectl taint node a=b:NoSchedule',
      "error: at least one resource name must be specified since 'all' parameter is not set\n",
    ],
    [
      'kubectl taint node node-1 a=b:Sometimes',
      "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    ],
    [
      'kubectl taint node node-1 a=b',
      "error: invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples\n",
    ],
    [
      'kubectl taint node nope a=b:NoSchedule',
      'Error from server (NotFound): nodes "nope" not found\n',
    ],
  ])('%s', (line, stderr) => {
    expect(sh(withNode(), line).stderr).toBe(stderr);
  });
});

describe('kubectl cordon and uncordon', () => {
  it('cordons once, then says already cordoned; uncordon reverses it', () => {
    const e = withNode();
    expect(sh(e, 'kubectl cordon node-1').stdout).toBe('node/node-1 cordoned\n');
    expect(node(e).spec?.unschedulable).toBe(true);
    expect(sh(e, 'kubectl cordon node-1').stdout).toBe('node/node-1 already cordoned\n');
    expect(sh(e, 'kubectl uncordon node-1').stdout).toBe('node/node-1 uncordoned\n');
    expect(node(e).spec?.unschedulable).toBeUndefined();
    expect(sh(e, 'kubectl uncordon node-1').stdout).toBe('node/node-1 already uncordoned\n');
  });

  it('asks for a node', () => {
    expect(sh(withNode(), 'kubectl cordon').stderr).toBe(
      "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
    );
  });
});
