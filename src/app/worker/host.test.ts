import { describe, expect, it } from 'vitest';
import { EngineHost } from './host';
import type { Delta, Hop, ObjectVersion } from './protocol';

const CONFIG = { seed: 7, nodes: 3 };

/** Runs the engine until n pods are Running (or gives up after 60 s of virtual time). */
function runUntilRunning(host: EngineHost, n: number, seen: Delta[]): void {
  for (let i = 0; i < 600; i++) {
    const d = host.extend(50, 100);
    seen.push(d);
    const pods = new Map<string, ObjectVersion>();
    for (const x of seen.flatMap((s) => s.versions))
      if (x.key.startsWith('/registry/pods/')) pods.set(x.key, x);
    const running = [...pods.values()].filter(
      (v) => v.type === 'PUT' && (v.object.status as { phase?: string })?.phase === 'Running',
    );
    if (running.length >= n) return;
  }
  throw new Error('pods did not reach Running');
}

describe('EngineHost', () => {
  it('starts after boot with the nodes in the store and boot hops counted', () => {
    const host = new EngineHost();
    const { delta, bootHops } = host.start(CONFIG, []);
    expect(bootHops).toBe(delta.hops.length);
    const nodes = delta.versions.filter((v) => v.key.startsWith('/registry/minions/'));
    expect(new Set(nodes.map((v) => v.key)).size).toBe(3);
  });

  it('runs kubectl and tags every write with the hop whose delivery made it', () => {
    const host = new EngineHost();
    host.start(CONFIG, []);
    const r = host.kubectl('kubectl create deployment web --image=nginx --replicas=3');
    expect(r.output).toBe('deployment.apps/web created\n');
    const post = r.delta.hops.find((h) => h.verb === 'POST' && h.resource === 'deployments');
    expect(post?.command).toBe('kubectl create deployment web --image=nginx --replicas=3');
    const write = r.delta.versions.find((v) => v.key === '/registry/deployments/default/web');
    const etcdHop = r.delta.hops.find((h) => h.id === write?.hop);
    expect(etcdHop).toMatchObject({ from: 'kube-apiserver', to: 'etcd' });
  });

  it('replays the same ops into the same hops', () => {
    const first = new EngineHost();
    first.start(CONFIG, []);
    const seen: Delta[] = [];
    seen.push(first.kubectl('kubectl create deployment web --image=nginx --replicas=3').delta);
    runUntilRunning(first, 3, seen);
    const { config, ops } = first.log();
    const again = new EngineHost().start(config, ops).delta;
    const strip = (hops: Hop[]) => hops.map((h) => JSON.stringify(h));
    const original = [...first.start(config, []).delta.hops, ...seen.flatMap((d) => d.hops)];
    expect(strip(again.hops)).toEqual(strip(original));
  });

  it('forks at a past hop: the future is discarded and a new command runs from there', () => {
    const host = new EngineHost();
    const { bootHops } = host.start(CONFIG, []);
    const seen: Delta[] = [];
    seen.push(host.kubectl('kubectl create deployment web --image=nginx --replicas=3').delta);
    runUntilRunning(host, 3, seen);
    const fork = host.fork(bootHops);
    expect(fork.hops).toBeLessThan(bootHops + 5);
    const r = host.kubectl('kubectl get deployments');
    expect(r.output).toBe('No resources found in default namespace.\n');
    expect(host.log().ops.map((o) => o.op)).toEqual(['until', 'kubectl']);
  });

  it('answers a hop body and completion names', () => {
    const host = new EngineHost();
    host.start(CONFIG, []);
    const r = host.kubectl('kubectl create deployment web --image=nginx');
    const post = r.delta.hops.find((h) => h.verb === 'POST' && h.resource === 'deployments');
    expect(host.body(post?.id ?? 0)).toMatchObject({
      verb: 'create',
      body: { kind: 'Deployment' },
    });
    expect(host.names().deployments).toEqual(['web']);
    expect(host.names().nodes).toEqual(['node-1', 'node-2', 'node-3']);
  });
});

describe('EngineHost inspection history', () => {
  it('keeps events, internals and scheduling in the worker, answered as of a hop', () => {
    const host = new EngineHost();
    host.start(CONFIG, []);
    const r = host.kubectl('kubectl run web --image=nginx');
    expect(r.delta.versions.some((v) => v.key.startsWith('/registry/events/'))).toBe(false);
    const seen: Delta[] = [r.delta];
    runUntilRunning(host, 1, seen);
    const last = seen.flatMap((d) => d.hops).at(-1)?.id ?? 0;
    const events = host.eventsFor('Pod', 'default', 'web', last).map((e) => e.reason);
    expect(events).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    const binding = seen.flatMap((d) => d.hops).find((h) => h.resource === 'pods/binding');
    expect(host.schedulingAt('default/web', (binding?.id ?? 0) - 1)).toBeUndefined();
    expect(host.schedulingAt('default/web', last)?.result.outcome).toBe('Scheduled');
    expect(host.componentAt('kube-scheduler', last)?.snapshot).toBeDefined();
    expect(host.eventsFor('Pod', 'default', 'web', 0)).toEqual([]);
  });
});

describe('EngineHost etcd view', () => {
  it('lists revisions newest first with their hops, and live keys by resource', () => {
    const host = new EngineHost();
    host.start(CONFIG, []);
    const r = host.kubectl('kubectl create deployment web --image=nginx');
    const last = r.delta.hops.at(-1)?.id ?? 0;
    const { revisions, keys } = host.etcdAt(last, 5);
    expect(revisions[0]).toMatchObject({ type: 'PUT', key: '/registry/deployments/default/web' });
    expect(revisions.map((x) => x.rev)).toEqual(
      [...revisions.map((x) => x.rev)].sort((a, b) => b - a),
    );
    expect(keys['/registry/minions']).toBe(3);
    expect(keys['/registry/deployments']).toBe(1);
    expect(host.etcdAt(0, 5).keys['/registry/deployments']).toBeUndefined();
  });
});

describe('EngineHost read-only kubectl as of a hop', () => {
  it('describes a pod as it was, without sending a hop', () => {
    const host = new EngineHost();
    host.start(CONFIG, []);
    const seen: Delta[] = [host.kubectl('kubectl run web --image=nginx').delta];
    runUntilRunning(host, 1, seen);
    const hops = seen.flatMap((d) => d.hops);
    const last = hops.at(-1)?.id ?? 0;
    const before = host.log().ops.length;
    const now = host.kubectlAt('kubectl describe pod web', last);
    expect(now).toMatch(/^Name:\s+web$/m);
    expect(now).toMatch(/^Status:\s+Running$/m);
    expect(now).toMatch(/Normal\s+Started/);
    const post = hops.find((h) => h.verb === 'POST' && h.resource === 'pods');
    expect(host.kubectlAt('kubectl describe pod web', (post?.id ?? 1) - 1)).toBe(
      'Error from server (NotFound): pods "web" not found\n',
    );
    expect(host.kubectlAt('kubectl get pods', last)).toMatch(/web\s+1\/1\s+Running/);
    expect(host.extend(0, 0).hops).toEqual([]);
    expect(host.log().ops.length).toBe(before);
  });

  it('a fork keeps the inspection history without duplicating boot', () => {
    const host = new EngineHost();
    const { bootHops } = host.start(CONFIG, []);
    const bootKeys = host.etcdAt(bootHops, 10_000).revisions.length;
    host.kubectl('kubectl create deployment web --image=nginx');
    host.fork(bootHops);
    expect(host.etcdAt(bootHops, 10_000).revisions.length).toBe(bootKeys);
  });
});

describe('EngineHost lesson steps', () => {
  it('judges a step’s goals from when it began, explaining what is missing', () => {
    const host = new EngineHost();
    host.start(CONFIG, []);
    host.beginStep();
    const goal = { count: { kind: 'Pod', selector: 'app=web', status: 'Running' }, equals: 2 };
    const before = host.checkStep([goal], []);
    expect(before.goals[0]?.ok).toBe(false);
    expect(before.goals[0]?.explanation).not.toBe('');
    const seen: Delta[] = [
      host.kubectl('kubectl create deployment web --image=nginx --replicas=2').delta,
    ];
    runUntilRunning(host, 2, seen);
    const hop = { hop: { from: 'kube-scheduler', resource: 'pods/binding' } };
    const after = host.checkStep([goal], [hop]);
    expect(after.goals[0]).toMatchObject({ ok: true, explanation: '' });
    expect(after.choices[0]?.ok).toBe(true);
    host.beginStep();
    expect(host.checkStep([], [hop]).choices[0]?.ok).toBe(false);
  });
});
