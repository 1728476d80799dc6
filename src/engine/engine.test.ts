import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import type { KubeObject } from './api/object';
import type { WatchEvent } from './apiserver/types';

const pod = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
});

describe('Engine: one write through the apiserver', () => {
  it('creates the system namespaces at boot', () => {
    const e = new Engine({ nodes: [] });
    const res = e.request('kubectl', { verb: 'list', resource: 'namespaces' });
    const names = (res.body as { items: KubeObject[] }).items.map((n) => n.metadata?.name);
    expect(names).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  });

  it('stores a pod with uid, resourceVersion and creationTimestamp, and traces four hops', () => {
    const e = new Engine({ nodes: [] });
    const before = e.trace.size();
    const res = e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: pod('web'),
    });
    expect(res.code).toBe(201);
    const created = res.body as KubeObject;
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.resourceVersion).toBe(String(e.store.revision()));
    expect(created.metadata?.creationTimestamp).toBe('2025-01-01T00:00:00Z');
    const hops = e.trace
      .all()
      .slice(before)
      .map((m) => `${m.from}>${m.to} ${m.type} ${m.verb}`);
    expect(hops).toEqual([
      'kubectl>kube-apiserver request POST',
      'kube-apiserver>etcd request Txn',
      'etcd>kube-apiserver response Txn',
      'kube-apiserver>kubectl response POST',
    ]);
    const chain = e.trace.causalChain(e.trace.size()).map((m) => m.id);
    expect(chain).toHaveLength(4);
  });

  it('answers AlreadyExists, NotFound and Conflict with kubectl wording', () => {
    const e = new Engine({ nodes: [] });
    e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: pod('web'),
    });
    const dup = e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: pod('web'),
    });
    expect(dup.error?.message).toBe('pods "web" already exists');
    const missing = e.request('kubectl', {
      verb: 'get',
      resource: 'pods',
      namespace: 'default',
      name: 'nope',
    });
    expect(missing.error?.message).toBe('pods "nope" not found');
    const stale = { ...pod('web'), metadata: { name: 'web', resourceVersion: '1' } };
    const res = e.request('kubectl', {
      verb: 'update',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      body: stale,
    });
    expect(res.code).toBe(409);
    expect(res.error?.message).toBe(
      'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('delivers watch events after the write reaches etcd', () => {
    const e = new Engine({ nodes: [] });
    const seen: WatchEvent[] = [];
    e.client('watcher').watch(
      { verb: 'watch', resource: 'pods', resourceVersion: String(e.store.revision()) },
      (ev) => seen.push(ev),
    );
    e.runUntilIdle();
    e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: pod('web'),
    });
    e.runUntilIdle();
    expect(seen.map((s) => s.type)).toEqual(['ADDED']);
    const watchMsg = e.trace.all().find((m) => m.type === 'watch');
    const txn = e.trace
      .all()
      .find((m) => m.verb === 'Txn' && m.type === 'request' && m.kind === 'Pod');
    expect(watchMsg?.cause).toBe(txn?.id);
    expect((watchMsg?.t ?? 0) >= (txn?.arrive ?? Infinity)).toBe(true);
  });

  it('generates names from generateName with the 27-letter alphabet', () => {
    const e = new Engine({ nodes: [] });
    const res = e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: { ...pod(''), metadata: { generateName: 'web-7d4b9c6f5-' } },
    });
    expect((res.body as KubeObject).metadata?.name).toMatch(
      /^web-7d4b9c6f5-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
  });
});

describe('Engine: deletes', () => {
  it('refuses a delete whose uid precondition no longer holds', () => {
    const e = new Engine({ nodes: [] });
    e.request('kubectl', {
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: pod('web'),
    });
    const res = e.request('kubectl', {
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      preconditions: { uid: 'not-the-uid' },
    });
    expect(res.code).toBe(409);
    expect(res.error?.message).toMatch(
      /^Operation cannot be fulfilled on pods "web": Precondition failed: UID in precondition: not-the-uid, UID in object meta: /,
    );
  });

  it('marks an object with finalizers and removes it when the last one goes', () => {
    const e = new Engine({ nodes: [] });
    const body = { ...pod('web'), metadata: { name: 'web', finalizers: ['example.com/hold'] } };
    e.request('kubectl', { verb: 'create', resource: 'pods', namespace: 'default', body });
    const del = e.request('kubectl', {
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
    });
    expect((del.body as KubeObject).metadata?.deletionTimestamp).toBe('2025-01-01T00:00:00Z');
    e.request('kubectl', {
      verb: 'patch',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      patchType: 'merge',
      body: { metadata: { finalizers: null } },
    });
    const after = e.request('kubectl', {
      verb: 'get',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
    });
    expect(after.code).toBe(404);
  });
});

describe('Engine: run modes', () => {
  it('steps one message at a time, in causal order', () => {
    const e = new Engine({ nodes: [] });
    e.client('kubectl').request(
      { verb: 'create', resource: 'pods', namespace: 'default', body: pod('web') },
      () => {},
    );
    const last = (): string => {
      const m = e.trace.all()[e.trace.size() - 1];
      return `${m?.from}>${m?.to} ${m?.verb}`;
    };
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      expect(e.stepMessage()).toBe(true);
      seen.push(last());
    }
    expect(seen).toEqual([
      'kube-apiserver>etcd Txn',
      'etcd>kube-apiserver Txn',
      'kube-apiserver>kubectl POST',
    ]);
    e.runUntilIdle();
    expect(e.loop.busy()).toBe(false);
  });

  it('runs for a duration of virtual time and stops there', () => {
    const e = new Engine({ nodes: [] });
    const start = e.loop.now();
    e.runFor(30_000);
    expect(e.loop.now()).toBe(start + 30_000);
  });
});
