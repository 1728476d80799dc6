import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import type { Engine } from '../engine';
import { cluster, kubectl, sim } from './testing';

function nodeOf(e: Engine, name: string): string | undefined {
  const res = e.request('kubectl', { verb: 'get', resource: 'pods', namespace: 'default', name });
  return (res.body as Pod).spec?.nodeName;
}

describe('sim watch delay', () => {
  it('makes the scheduler see a new pod only after the delay', () => {
    const e = cluster(1);
    expect(sim(e, 'sim watch delay kube-scheduler 5s')).toBe(
      'watch events reach kube-scheduler 5s late from now on',
    );
    expect(sim(e, 'sim component list')).toMatch(/kube-scheduler +Running +reachable +5s/);
    kubectl(e, 'kubectl run web --image=nginx');
    e.runFor(4900);
    expect(nodeOf(e, 'web')).toBeUndefined();
    e.runFor(200);
    expect(nodeOf(e, 'web')).toBe('node-1');
  });

  it('clears with 0s: later events arrive on time', () => {
    const e = cluster(1);
    sim(e, 'sim watch delay kube-scheduler 1m');
    expect(sim(e, 'sim watch delay kube-scheduler 0s')).toBe(
      'watch events reach kube-scheduler without delay again',
    );
    kubectl(e, 'kubectl run web --image=nginx');
    e.runFor(100);
    expect(nodeOf(e, 'web')).toBe('node-1');
  });

  it('refuses a component that does not exist', () => {
    expect(sim(cluster(1), 'sim watch delay kube-proxy 5s')).toBe(
      'error: component "kube-proxy" not found; "sim component list" shows the names',
    );
  });
});
