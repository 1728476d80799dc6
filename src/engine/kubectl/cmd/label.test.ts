import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { Engine } from '../../engine';
import { emptyCluster, sh } from '../testing';

function pod(e: Engine): KubeObject {
  return e.request('t', { verb: 'get', resource: 'pods', namespace: 'default', name: 'web' })
    .body as KubeObject;
}

describe('kubectl label', () => {
  it('adds, refuses to overwrite, overwrites, removes', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    expect(sh(e, 'kubectl label pod web tier=fe').stdout).toBe('pod/web labeled\n');
    expect(sh(e, 'kubectl label pod web tier=be').stderr).toBe(
      "error: 'tier' already has a value (fe), and --overwrite is false\n",
    );
    expect(sh(e, 'kubectl label pod web tier=be --overwrite').stdout).toBe('pod/web labeled\n');
    expect(sh(e, 'kubectl label pod web tier=be --overwrite').stdout).toBe('pod/web not labeled\n');
    expect(sh(e, 'kubectl label pod web tier-').stdout).toBe('pod/web unlabeled\n');
    expect(pod(e).metadata?.labels).toEqual({ run: 'web' });
    expect(sh(e, 'kubectl label pod web tier-').stdout).toBe(
      'label "tier" not found.\npod/web not labeled\n',
    );
  });

  it('labels every match of a selector and lists labels', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run a --image=nginx --labels=app=x');
    sh(e, 'kubectl run b --image=nginx --labels=app=x');
    expect(sh(e, 'kubectl label pods -l app=x env=dev').stdout).toBe(
      'pod/a labeled\npod/b labeled\n',
    );
    expect(sh(e, 'kubectl label pod a --list').stdout).toBe('app=x\nenv=dev\n');
  });

  it.each([
    ['kubectl label pod', 'error: at least one label update is required\n'],
    [
      'kubectl label a=b',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    ],
    [
      'kubectl label pod web a=b web2',
      'error: all resources must be specified before label changes: web2\n',
    ],
    ['kubectl label pod web a=b=c', 'error: invalid label spec: a=b=c\n'],
    [
      'kubectl label pod web a=b a-',
      'error: can not both modify and remove a label in the same command\n',
    ],
    [
      'kubectl label pod web "a=b c"',
      `error: invalid label value: "a=b c": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
    ],
    ['kubectl label pod nope a=b', 'Error from server (NotFound): pods "nope" not found\n'],
  ])('%s', (line, stderr) => {
    expect(sh(emptyCluster(), line).stderr).toBe(stderr);
  });
});

describe('kubectl annotate', () => {
  it('annotates, refuses to overwrite, removes', () => {
    const e = emptyCluster();
    sh(e, 'kubectl run web --image=nginx');
    expect(sh(e, "kubectl annotate pod web note='hello world'").stdout).toBe('pod/web annotated\n');
    expect(pod(e).metadata?.annotations).toEqual({ note: 'hello world' });
    expect(sh(e, 'kubectl annotate pod web note=x').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello world)\n",
    );
    expect(sh(e, 'kubectl annotate pod web note-').stdout).toBe('pod/web annotated\n');
    expect(pod(e).metadata?.annotations ?? {}).toEqual({});
  });

  it.each([
    ['kubectl annotate pod web', 'error: at least one annotation update is required\n'],
    [
      'kubectl annotate pod web a=b a-',
      'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    ],
  ])('%s', (line, stderr) => {
    expect(sh(emptyCluster(), line).stderr).toBe(stderr);
  });
});
