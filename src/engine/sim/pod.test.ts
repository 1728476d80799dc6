import { describe, expect, it } from 'vitest';
import { cluster, kubectl, runningOn, sim } from './testing';

describe('sim pod delete-force', () => {
  it('removes the pod at once; its kubelet kills the containers when the watch tells it', () => {
    const e = cluster(1);
    kubectl(e, 'kubectl run web --image=nginx');
    e.runFor(20_000);
    expect(sim(e, 'sim pod delete-force web')).toBe(
      'pod/web force deleted: gone from the apiserver at once; kubelet/node-1 has not stopped its containers yet',
    );
    expect(kubectl(e, 'kubectl get pods')).toBe('No resources found in default namespace.\n');
    expect(runningOn(e, 'node-1')).toEqual(['web/web']);
    e.runFor(5000);
    expect(runningOn(e, 'node-1')).toEqual([]);
    const deletes = e.trace.all().filter((m) => m.verb === 'DELETE' && m.resource === 'pods');
    expect(deletes.map((m) => `${m.from} ${m.command ?? ''}`)).toEqual([
      'kubectl sim pod delete-force web',
      'kube-apiserver ',
    ]);
  });

  it('says when the pod was never bound, and reports a missing pod as the apiserver does', () => {
    const e = cluster(1);
    sim(e, 'sim component stop kube-scheduler');
    kubectl(e, 'kubectl create namespace team');
    kubectl(e, 'kubectl run web --image=nginx -n team');
    expect(sim(e, 'sim pod delete-force web')).toBe('error: pods "web" not found');
    expect(sim(e, 'sim pod delete-force web -n team')).toBe(
      'pod/web force deleted: gone from the apiserver at once; it was not bound to a node',
    );
  });

  it('can only mark a pod that has finalizers', () => {
    const e = cluster(1);
    kubectl(e, 'kubectl run web --image=nginx');
    e.request('kubectl', {
      verb: 'patch',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      patchType: 'merge',
      body: { metadata: { finalizers: ['example.com/keep'] } },
    });
    expect(sim(e, 'sim pod delete-force web')).toBe(
      'pod/web marked for deletion; it stays until its finalizers are removed: example.com/keep',
    );
  });
});
