import { describe, expect, it } from 'vitest';
import { emptyCluster, sh } from '../testing';

describe('kubectl create priorityclass', () => {
  it('creates a class and lists it with the system ones', () => {
    const e = emptyCluster();
    expect(sh(e, 'kubectl create priorityclass high --value=1000').stdout).toBe(
      'priorityclass.scheduling.k8s.io/high created\n',
    );
    expect(sh(e, 'kubectl get pc').stdout).toBe(
      'NAME                      VALUE        GLOBAL-DEFAULT   AGE\n' +
        'high                      1000         false            0s\n' +
        'system-cluster-critical   2000000000   false            0s\n' +
        'system-node-critical      2000001000   false            0s\n',
    );
  });

  it('prints the object it would send', () => {
    const out = sh(
      emptyCluster(),
      'kubectl create pc batch --value=10 --global-default --description=bulk --preemption-policy=Never --dry-run=client -o yaml',
    ).stdout;
    expect(out).toBe(
      'apiVersion: scheduling.k8s.io/v1\n' +
        'description: bulk\n' +
        'globalDefault: true\n' +
        'kind: PriorityClass\n' +
        'metadata:\n' +
        '  creationTimestamp: null\n' +
        '  name: batch\n' +
        'preemptionPolicy: Never\n' +
        'value: 10\n',
    );
  });

  it('wraps the apiserver refusal', () => {
    const r = sh(emptyCluster(), 'kubectl create priorityclass big --value=2000000000');
    expect(r.stderr).toBe(
      'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "big" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n',
    );
    expect(r.exitCode).toBe(1);
  });
});
