import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../fixtures';
import { newPodInfo } from '../framework/podInfo';
import { SchedulerCache } from './cache';
import { NodeTree } from './nodeTree';

describe('SchedulerCache', () => {
  it('counts an assumed pod at once, confirms it, and forgets a failed one [CACHE1][CACHE2]', () => {
    const cache = new SchedulerCache();
    cache.setNode(makeNode('n1'));
    const p = makePod({ name: 'a', cpu: '1', memory: '1Gi' });
    cache.assumePod(p, 'n1');
    const ni = cache.get('n1');
    expect([ni?.requestedMilliCPU, ni?.pods.size, cache.isAssumed(p.key)]).toEqual([1000, 1, true]);
    const bound = newPodInfo({
      ...p.pod,
      spec: { ...p.pod.spec, containers: p.pod.spec?.containers ?? [], nodeName: 'n1' },
    });
    cache.addPod(bound);
    expect([ni?.requestedMilliCPU, ni?.pods.size, cache.isAssumed(p.key)]).toEqual([
      1000,
      1,
      false,
    ]);
    const q = makePod({ name: 'b', cpu: '500m' });
    cache.assumePod(q, 'n1');
    cache.forgetPod(q.key);
    expect([ni?.requestedMilliCPU, ni?.nonZeroRequestedMemory]).toEqual([1000, 1024 ** 3]);
  });

  it('counts the nodes carrying each label key as nodes come, change and go [CACHE6]', () => {
    const cache = new SchedulerCache();
    const zoned = (name: string, zone?: string) =>
      makeNode(name, { labels: { host: name, ...(zone ? { zone } : {}) } });
    cache.setNode(zoned('n1', 'a'));
    cache.setNode(zoned('n2', 'b'));
    cache.setNode(zoned('n3'));
    expect([cache.nodesWithLabel('host'), cache.nodesWithLabel('zone')]).toEqual([3, 2]);
    cache.setNode(zoned('n1'));
    cache.removeNode('n2');
    expect([cache.nodesWithLabel('host'), cache.nodesWithLabel('zone')]).toEqual([2, 0]);
  });

  it('lets a forgotten node keep its numbers while a new node reuses its row', () => {
    const cache = new SchedulerCache();
    cache.setNode(makeNode('n1', { cpu: '2' }));
    const old = cache.get('n1');
    cache.assumePod(makePod({ name: 'a', cpu: '1' }), 'n1');
    cache.removePod(makePod({ name: 'a' }).key);
    cache.assumePod(makePod({ name: 'b', cpu: '500m' }), 'n1');
    cache.removeNode('n1');
    cache.removePod(makePod({ name: 'b' }).key);
    for (let i = 0; i < 100; i++) cache.setNode(makeNode(`m${i}`, { cpu: '8' }));
    cache.assumePod(makePod({ name: 'c', cpu: '3' }), 'm0');
    expect([old?.allocatableMilliCPU, old?.requestedMilliCPU, old?.numPods]).toEqual([2000, 0, 0]);
    expect([cache.get('m0')?.requestedMilliCPU, cache.get('m99')?.allocatableMilliCPU]).toEqual([
      3000, 8000,
    ]);
  });

  it('keeps pods of a deleted node until they go, and lists only existing nodes', () => {
    const cache = new SchedulerCache();
    cache.setNode(makeNode('n1'));
    cache.setNode(makeNode('n2'));
    cache.assumePod(makePod({ name: 'a' }), 'n1');
    cache.removeNode('n1');
    expect(cache.list().map((n) => n.name)).toEqual(['n2']);
    expect(cache.get('n1')).toBeUndefined();
    cache.setNode(makeNode('n1'));
    expect(cache.get('n1')?.pods.size).toBe(1);
  });
});

describe('NodeTree', () => {
  it('lists nodes one zone at a time, round-robin', () => {
    const tree = new NodeTree();
    const zoned = (name: string, zone: string) =>
      makeNode(name, { labels: { 'topology.kubernetes.io/zone': zone } });
    for (const [n, z] of [
      ['a1', 'a'],
      ['a2', 'a'],
      ['a3', 'a'],
      ['b1', 'b'],
      ['c1', 'c'],
      ['c2', 'c'],
    ])
      tree.add(zoned(n as string, z as string));
    expect(tree.list()).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
    tree.remove('b1');
    expect(tree.list()).toEqual(['a1', 'c1', 'a2', 'c2', 'a3']);
  });
});
