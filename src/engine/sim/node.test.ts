import { describe, expect, it } from 'vitest';
import { REQUEST_TIMEOUT_MS } from '../client/client';
import { LEASE_RENEW_MS } from '../kubelet/node/lease';
import { cluster, kubectl, renewTime, runningOn, sim } from './testing';

const KUBELET = 'kubelet/node-1';

function runningWeb(): ReturnType<typeof cluster> {
  const e = cluster(1);
  kubectl(e, 'kubectl run web --image=nginx');
  e.runFor(20_000);
  expect(runningOn(e, 'node-1')).toEqual(['web/web']);
  return e;
}

describe('sim partition', () => {
  it('stops Lease renewals and every hop to the apiserver while containers keep running', () => {
    const e = runningWeb();
    const renewed = renewTime(e, 'node-1');
    expect(sim(e, 'sim partition node-1')).toBe(
      'node/node-1 partitioned: kubelet/node-1 cannot reach the apiserver (requests time out, watches break); its containers keep running',
    );
    const cut = e.loop.now();
    e.runFor(60_000);
    expect(renewTime(e, 'node-1')).toBe(renewed);
    expect(runningOn(e, 'node-1')).toEqual(['web/web']);
    expect(e.component(KUBELET)?.snapshot().state).toBe('running');
    const sent = e.trace.all().filter((m) => m.from === KUBELET && m.to !== 'containerd/node-1');
    expect(sent.filter((m) => m.t > cut)).toEqual([]);
    expect(sim(e, 'sim partition node-1')).toBe('node/node-1 is already partitioned');
    expect(sim(e, 'sim component list')).toMatch(/kubelet\/node-1 +Running +unreachable /);
  });

  it('on heal renews the Lease, watches again and acts on what changed meanwhile', () => {
    const e = runningWeb();
    sim(e, 'sim partition node-1');
    e.runFor(30_000);
    // The deletion is stored, but the kubelet cannot hear of it: the container keeps running.
    kubectl(e, 'kubectl delete pod web --wait=false');
    e.runFor(30_000);
    expect(runningOn(e, 'node-1')).toEqual(['web/web']);
    const stale = renewTime(e, 'node-1');
    expect(sim(e, 'sim partition heal node-1')).toBe(
      'node/node-1 healed: kubelet/node-1 reaches the apiserver again; its next retries succeed',
    );
    // A request lost just before the heal still times out; the retry after it gets through.
    e.runFor(REQUEST_TIMEOUT_MS + LEASE_RENEW_MS);
    expect(renewTime(e, 'node-1')).not.toBe(stale);
    e.runFor(60_000);
    expect(runningOn(e, 'node-1')).toEqual([]);
    expect(kubectl(e, 'kubectl get pods')).toBe('No resources found in default namespace.\n');
    expect(sim(e, 'sim partition heal node-1')).toBe('node/node-1 is not partitioned');
  });
});

describe('sim node', () => {
  it('stops the kubelet while its containers keep running, and starts it again', () => {
    const e = runningWeb();
    expect(sim(e, 'sim node stop node-1')).toBe(
      'kubelet/node-1 stopped: it no longer renews its Lease or reports status; its containers keep running',
    );
    const renewed = renewTime(e, 'node-1');
    e.runFor(30_000);
    expect(renewTime(e, 'node-1')).toBe(renewed);
    expect(runningOn(e, 'node-1')).toEqual(['web/web']);
    sim(e, 'sim node start node-1');
    e.runFor(LEASE_RENEW_MS);
    expect(renewTime(e, 'node-1')).not.toBe(renewed);
  });

  it('renews the Lease once a round after repeated stops and starts', () => {
    const e = runningWeb();
    for (let i = 0; i < 3; i++) {
      sim(e, 'sim node stop node-1');
      sim(e, 'sim node start node-1');
    }
    e.runFor(5000);
    const from = e.loop.now();
    e.runFor(3 * LEASE_RENEW_MS);
    const renewals = e.trace
      .all()
      .filter((m) => m.from === KUBELET && m.verb === 'PUT' && m.resource === 'leases');
    expect(renewals.filter((m) => m.t >= from)).toHaveLength(3);
    expect(runningOn(e, 'node-1')).toEqual(['web/web']);
  });
});
