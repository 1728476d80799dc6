import { describe, expect, it } from 'vitest';
import { CONTROLLERS } from '../controllers/registry';
import { SCHEDULER } from '../scheduler';
import { cluster, kubectl, sim } from './testing';

const phases = (text: string): string[] =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/)[2] ?? '');

describe('sim component', () => {
  it('lists the scheduler, every registered controller and every kubelet', () => {
    const e = cluster(2);
    const list = sim(e, 'sim component list').split('\n');
    expect(list[0]).toMatch(/^NAME +STATUS +APISERVER +WATCH DELAY$/);
    const names = list.slice(1).map((l) => l.split(/\s+/)[0]);
    expect(names).toEqual([
      ...Object.keys(CONTROLLERS),
      SCHEDULER,
      'kubelet/node-1',
      'kubelet/node-2',
    ]);
    expect(list.slice(1).every((l) => / Running +reachable +0s$/.test(l))).toBe(true);
  });

  it('leaves pods Pending while the scheduler is stopped; started, it relists and binds them', () => {
    const e = cluster(2);
    expect(sim(e, 'sim component stop kube-scheduler')).toBe(
      'kube-scheduler stopped: its watches are closed and it acts on nothing until started',
    );
    expect(sim(e, 'sim component list')).toMatch(/kube-scheduler +Stopped /);
    kubectl(e, 'kubectl create deployment web --image=nginx --replicas=3');
    e.runFor(30_000);
    expect(phases(kubectl(e, 'kubectl get pods'))).toEqual(['Pending', 'Pending', 'Pending']);
    expect(sim(e, 'sim component stop kube-scheduler')).toBe('kube-scheduler is already stopped');
    expect(sim(e, 'sim component start kube-scheduler')).toBe(
      'kube-scheduler started: it relists everything it watches and catches up',
    );
    e.runFor(30_000);
    expect(phases(kubectl(e, 'kubectl get pods'))).toEqual(['Running', 'Running', 'Running']);
  });

  it('survives repeated stops and starts of a controller and acts once per change', () => {
    const e = cluster(1);
    for (let i = 0; i < 3; i++) {
      sim(e, 'sim component stop replicaset-controller');
      sim(e, 'sim component start replicaset-controller');
    }
    sim(e, 'sim component stop replicaset-controller');
    kubectl(e, 'kubectl create deployment web --image=nginx --replicas=2');
    e.runFor(20_000);
    expect(kubectl(e, 'kubectl get pods')).toBe('No resources found in default namespace.\n');
    sim(e, 'sim component start replicaset-controller');
    e.runFor(20_000);
    expect(phases(kubectl(e, 'kubectl get pods'))).toEqual(['Running', 'Running']);
    const creates = e.trace
      .all()
      .filter(
        (m) => m.from === 'replicaset-controller' && m.verb === 'POST' && m.resource === 'pods',
      );
    expect(creates).toHaveLength(2);
  });

  it('binds each pod once after repeated stops and starts of the scheduler', () => {
    const e = cluster(2);
    for (let i = 0; i < 3; i++) {
      sim(e, 'sim component stop kube-scheduler');
      sim(e, 'sim component start kube-scheduler');
    }
    kubectl(e, 'kubectl create deployment web --image=nginx --replicas=3');
    e.runFor(30_000);
    expect(phases(kubectl(e, 'kubectl get pods'))).toEqual(['Running', 'Running', 'Running']);
    const bindings = e.trace
      .all()
      .filter((m) => m.from === SCHEDULER && m.resource === 'pods/binding');
    expect(bindings).toHaveLength(3);
  });

  it('stops a kubelet by its component name as `sim node stop` does', () => {
    const e = cluster(1);
    expect(sim(e, 'sim component stop kubelet/node-1')).toBe(
      'kubelet/node-1 stopped: it no longer renews its Lease or reports status; its containers keep running',
    );
    expect(sim(e, 'sim node stop node-1')).toBe('kubelet/node-1 is already stopped');
    expect(sim(e, 'sim node start node-1')).toBe(
      'kubelet/node-1 started: it registers again, renews its Lease and resyncs its pods',
    );
  });
});
